import * as chrono from 'chrono-node';
import { UserError } from '../errors.js';
import { parseDuration } from '../time/duration.js';
import { instantOfWallTime, wallTimeIn } from './timezone.js';

/** How far ahead a party may be scheduled. */
export const MAX_AHEAD_MS = 90 * 24 * 60 * 60 * 1000;
/** A time typed a moment ago for "now" still counts as now. */
const PAST_GRACE_MS = 60 * 1000;

export const WHEN_FORMS =
  'now, in 10m, 20:30, 2026-12-01 20:00, tomorrow 8pm or a Discord timestamp like <t:1767297600>';

const DISCORD_TIMESTAMP = /^<t:(-?\d{1,13})(?::[tTdDfFsSR])?>$/;
/** Words that may sit around a date without changing it: "at 8pm", "on Friday". */
const FILLER = /\b(at|on|the|from|starting|start)\b|[\s,.;!]/gi;

/** chrono reads times as wall-clock fields; this turns them into an instant in the server's zone. */
const parseNatural = (input: string, now: number, zone: string): number | undefined => {
  // chrono is given "now" as it reads on the server's clock, written as if it were UTC, so
  // the fields it fills in (today, tomorrow, 20:30) are wall-clock fields in the server's zone.
  const wall = wallTimeIn(zone, now);
  const reference = new Date(
    Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0),
  );
  const [result] = chrono.parse(input, { instant: reference, timezone: 0 }, { forwardDate: true });
  if (!result || input.replace(result.text, '').replace(FILLER, '') !== '') return undefined;
  const start = result.start;
  const tags = start.tags();
  // "in an hour": a span of time from now, whatever the clocks do meanwhile.
  if (tags.has('result/relativeDateAndTime')) return now + (start.date().getTime() - reference.getTime());
  // "8pm EST", "2026-12-01T20:00Z": the text names its own offset.
  if (start.isCertain('timezoneOffset') && !tags.has('result/relativeDate')) return start.date().getTime();
  return instantOfWallTime(zone, {
    year: start.get('year')!,
    month: start.get('month')!,
    day: start.get('day')!,
    hour: start.get('hour') ?? 0,
    minute: start.get('minute') ?? 0,
    second: start.get('second') ?? 0,
  });
};

/**
 * When a party starts, from what the organiser typed, read in the server's
 * timezone. Throws a UserError that lists the accepted forms, or says why the
 * time cannot be used (past, or more than 90 days ahead).
 */
export const parseWhen = (
  input: string | undefined,
  { now, zone }: { now: number; zone: string },
): number => {
  const text = (input ?? 'now').trim();
  const lower = text.toLowerCase();
  let at: number | undefined;
  if (['', 'now', 'right now', 'asap', 'immediately'].includes(lower)) return now;
  const stamp = DISCORD_TIMESTAMP.exec(text);
  const relative = /^in\s+(.+)$/i.exec(text);
  if (stamp) at = Number(stamp[1]) * 1000;
  else if (relative && parseDuration(relative[1]!) !== undefined)
    at = now + parseDuration(relative[1]!)! * 1000;
  else at = parseNatural(text, now, zone);
  if (at === undefined || !Number.isFinite(at))
    throw new UserError(
      `I can't read "${text}" as a time. Use ${WHEN_FORMS}. Times are read in the server's timezone (${zone}).`,
    );
  if (at < now - PAST_GRACE_MS)
    throw new UserError(
      `"${text}" is in the past (times are read in ${zone}). Pick a later time, or use now.`,
    );
  if (at > now + MAX_AHEAD_MS) throw new UserError('Watch parties can be scheduled at most 90 days ahead.');
  return Math.max(at, now);
};
