import type { Pack } from '../story/pack.js';
import type { EventPatch, EventSpec } from './outbox.js';
import { positionMs } from './party-clock.js';
import type { PartyRecord } from './record.js';
import { runtimeMs } from './stops.js';

/*
 * The guild scheduled event that mirrors a party. Discord limits edits, so
 * changes (pause, resume, sync) are not sent one by one: they mark the event
 * dirty and one edit goes out after a short quiet spell, never more than one
 * a minute per party, and only when the end time moved noticeably.
 */

/** Wait this long after a change for more changes before editing the event. */
export const EVENT_DEBOUNCE_MS = 15 * 1000;
/** At most one edit per party per this long. */
export const EVENT_MIN_GAP_MS = 60 * 1000;
/** An end time this close to the one Discord shows is close enough. */
const END_TOLERANCE_MS = 60 * 1000;
/** Discord refuses a start in the past, so a party starting now gets an event starting a moment later. */
const START_MARGIN_MS = 60 * 1000;

export const eventSpec = (record: PartyRecord, pack: Pack, now: number): EventSpec => {
  const startAt = Math.max(record.startsAt, now + START_MARGIN_MS);
  return {
    name: `Watch party: ${pack.film.title}`.slice(0, 100),
    description:
      `Watching ${pack.film.title} (${pack.film.year}) together, with checkpoint prompts in the channel during the film. ` +
      'The times follow the party: pausing or syncing it moves the end.',
    startAt,
    endAt: startAt + runtimeMs(pack),
  };
};

/** When the film should end, going by the party's clock now (a paused party is taken as resuming now). */
export const expectedEndAt = (record: PartyRecord, pack: Pack, now: number): number =>
  now + Math.max(START_MARGIN_MS, runtimeMs(pack) - positionMs(record.clock, now));

/** The one edit that brings the event in step with the party, or undefined when it already is. */
export const eventPatch = (record: PartyRecord, pack: Pack, now: number): EventPatch | undefined => {
  const event = record.event;
  if (!event || record.phase === 'scheduled') return undefined;
  const endAt = expectedEndAt(record, pack, now);
  if (event.status === 'scheduled') return { status: 'active', endAt };
  return Math.abs(endAt - event.endAt) > END_TOLERANCE_MS ? { endAt } : undefined;
};

/** When a batched edit may go out. */
export const eventEditAt = (record: PartyRecord, now: number): number =>
  Math.max(now + EVENT_DEBOUNCE_MS, (record.event?.lastEditAt ?? 0) + EVENT_MIN_GAP_MS);
