/**
 * Timezone arithmetic on the platform's IANA database (Intl), DST included.
 * A server names its zone once; times people type are wall-clock times there.
 */

export interface WallTime {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (zone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
};

/** The wall-clock reading in `zone` at an instant. */
export const wallTimeIn = (zone: string, instant: number): WallTime => {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instant)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
};

const asUtc = (wall: WallTime): number =>
  Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);

/** How far `zone` is ahead of UTC at an instant, in ms (e.g. +3600000 for London in summer). */
export const offsetAt = (zone: string, instant: number): number => {
  const whole = Math.floor(instant / 1000) * 1000;
  return asUtc(wallTimeIn(zone, whole)) - whole;
};

/**
 * The instant a wall-clock time in `zone` names. Across a DST change some
 * readings happen twice (the clocks go back: the first is taken) and some never
 * (the clocks go forward: the reading moves forward by the gap, so 01:30 on
 * London's spring-forward night means 02:30 BST). This is what calendars do.
 */
export const instantOfWallTime = (zone: string, wall: WallTime): number => {
  const guess = asUtc(wall);
  const before = offsetAt(zone, guess - DAY_MS);
  const after = offsetAt(zone, guess + DAY_MS);
  const valid = [...new Set([before, after])]
    .map((offset) => guess - offset)
    .filter((instant) => offsetAt(zone, instant) === guess - instant)
    .sort((a, b) => a - b);
  return valid[0] ?? guess - before;
};

/** The canonical name of an IANA zone (`europe/london` → `Europe/London`), or undefined if unknown. */
export const canonicalZone = (name: string): string | undefined => {
  const trimmed = name.trim();
  if (trimmed === '') return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
};

let zones: readonly string[] | undefined;

/** Every zone the platform knows, for autocomplete. */
export const knownZones = (): readonly string[] =>
  (zones ??= [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].sort());

/** Zones matching what was typed, best first: those starting with it, then those containing it. */
export const suggestZones = (typed: string, limit = 25): string[] => {
  const needle = typed.trim().toLowerCase().replace(/\s+/g, '_');
  const all = knownZones();
  if (needle === '') return all.slice(0, limit);
  const starts = all.filter((zone) =>
    zone
      .toLowerCase()
      .split('/')
      .some((part) => part.startsWith(needle)),
  );
  const contains = all.filter((zone) => zone.toLowerCase().includes(needle) && !starts.includes(zone));
  return [...starts, ...contains].slice(0, limit);
};

/** "UTC+1" / "UTC-4:30": the offset in force, for replies. */
export const describeOffset = (zone: string, instant: number): string => {
  const minutes = Math.round(offsetAt(zone, instant) / 60000);
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '-';
  const h = Math.floor(Math.abs(minutes) / 60);
  const m = Math.abs(minutes) % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
};
