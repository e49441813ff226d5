import type { Checkpoint, Pack } from '../story/pack.js';
import { hasPosted, type PartyRecord } from './record.js';
import { positionMs, wallTimeAt } from './party-clock.js';

/** Where a party stops to post: a pack checkpoint, or the end of the film when the pack has no finale. */
export interface Stop {
  /** The checkpoint id, or 'end'; also the mark saved once it is posted. */
  readonly id: string;
  readonly atMs: number;
  readonly checkpoint?: Checkpoint;
  /** The last stop: posting it ends the party. */
  readonly final: boolean;
}

const cache = new WeakMap<Pack, readonly Stop[]>();

/** A pack's stops in film order, the last one final. */
export const stopsOf = (pack: Pack): readonly Stop[] => {
  const known = cache.get(pack);
  if (known) return known;
  const checkpoints = [...pack.checkpoints].sort((a, b) => a.at - b.at);
  const last = checkpoints.at(-1);
  const endMs = Math.max(pack.film.runtimeSeconds, last?.at ?? 0) * 1000;
  const stops: Stop[] = checkpoints.map((checkpoint) => ({
    id: checkpoint.id,
    atMs: checkpoint.at * 1000,
    checkpoint,
    final: false,
  }));
  if (last?.kind === 'finale') stops[stops.length - 1] = { ...stops.at(-1)!, final: true };
  else stops.push({ id: 'end', atMs: endMs, final: true });
  cache.set(pack, stops);
  return stops;
};

export const runtimeMs = (pack: Pack): number => pack.film.runtimeSeconds * 1000;

/** Stops the party has reached but not posted, in film order. */
export const dueStops = (record: PartyRecord, pack: Pack, now: number): Stop[] => {
  const at = positionMs(record.clock, now);
  return stopsOf(pack).filter((stop) => stop.atMs <= at && !hasPosted(record, stop.id));
};

/** The first stop not yet posted: the party's next prompt. */
export const nextStop = (record: PartyRecord, pack: Pack): Stop | undefined =>
  stopsOf(pack).find((stop) => !hasPosted(record, stop.id));

/** When the next stop is due on the wall clock; undefined when paused or finished. */
export const nextStopAt = (record: PartyRecord, pack: Pack): number | undefined => {
  const stop = nextStop(record, pack);
  return stop && wallTimeAt(record.clock, stop.atMs);
};
