import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { canonicalZone, instantOfWallTime, offsetAt, suggestZones } from '../../src/party/timezone.js';
import { MAX_AHEAD_MS, parseWhen } from '../../src/party/when.js';

const HOUR = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('timezones', () => {
  it('GIVEN London in winter and summer THEN the offset is GMT then BST', () => {
    expect(offsetAt('Europe/London', Date.UTC(2026, 0, 15))).toBe(0);
    expect(offsetAt('Europe/London', Date.UTC(2026, 6, 15))).toBe(HOUR);
    expect(offsetAt('America/New_York', Date.UTC(2026, 0, 15))).toBe(-5 * HOUR);
    expect(offsetAt('America/New_York', Date.UTC(2026, 6, 15))).toBe(-4 * HOUR);
  });

  it('GIVEN a wall time that never happens (clocks go forward) THEN it moves forward by the gap', () => {
    // London, 29 March 2026: 01:00 GMT becomes 02:00 BST, so 01:30 does not exist.
    expect(
      iso(instantOfWallTime('Europe/London', { year: 2026, month: 3, day: 29, hour: 1, minute: 30 })),
    ).toBe('2026-03-29T01:30:00.000Z');
    // New York, 8 March 2026: 02:30 does not exist; read as 03:30 EDT.
    expect(
      iso(instantOfWallTime('America/New_York', { year: 2026, month: 3, day: 8, hour: 2, minute: 30 })),
    ).toBe('2026-03-08T07:30:00.000Z');
  });

  it('GIVEN a wall time that happens twice (clocks go back) THEN the first is taken', () => {
    // London, 25 October 2026: 01:30 BST (00:30 UTC) and then 01:30 GMT (01:30 UTC).
    expect(
      iso(instantOfWallTime('Europe/London', { year: 2026, month: 10, day: 25, hour: 1, minute: 30 })),
    ).toBe('2026-10-25T00:30:00.000Z');
    // New York, 1 November 2026: 01:30 EDT first.
    expect(
      iso(instantOfWallTime('America/New_York', { year: 2026, month: 11, day: 1, hour: 1, minute: 30 })),
    ).toBe('2026-11-01T05:30:00.000Z');
  });

  it('GIVEN zone names in any case THEN they are canonical, and unknown ones are refused', () => {
    expect(canonicalZone('europe/london')).toBe('Europe/London');
    expect(canonicalZone('UTC')).toBe('UTC');
    expect(canonicalZone('Mars/Olympus_Mons')).toBeUndefined();
    expect(canonicalZone('')).toBeUndefined();
  });

  it('GIVEN a partial name THEN autocomplete suggests at most 25 zones, best first', () => {
    expect(suggestZones('lond')[0]).toBe('Europe/London');
    expect(suggestZones('new york')).toContain('America/New_York');
    expect(suggestZones('')).toHaveLength(25);
  });
});

describe('reading a start time', () => {
  const now = Date.UTC(2026, 5, 1, 18, 0); // 19:00 in London (BST), 14:00 in New York (EDT)

  it.each([
    ['now', now],
    ['in 10m', now + 10 * 60_000],
    ['in 1h30m', now + 90 * 60_000],
    ['in an hour', now + HOUR],
    ['<t:1780340400>', 1780340400_000],
    ['<t:1780340400:F>', 1780340400_000],
  ])('GIVEN "%s" THEN it is an exact instant, whatever the zone', (input, expected) => {
    expect(parseWhen(input, { now, zone: 'Europe/London' })).toBe(expected);
    expect(parseWhen(input, { now, zone: 'America/New_York' })).toBe(expected);
  });

  it.each([
    ['20:30', 'Europe/London', '2026-06-01T19:30:00.000Z'],
    ['20:30', 'America/New_York', '2026-06-02T00:30:00.000Z'],
    ['2026-08-01 20:00', 'Europe/London', '2026-08-01T19:00:00.000Z'],
    ['2026-08-01 20:00', 'America/New_York', '2026-08-02T00:00:00.000Z'],
    ['tomorrow 8pm', 'Europe/London', '2026-06-02T19:00:00.000Z'],
    ['tomorrow at 8pm', 'UTC', '2026-06-02T20:00:00.000Z'],
    ['2026-06-05T20:00Z', 'America/New_York', '2026-06-05T20:00:00.000Z'],
  ])('GIVEN "%s" in %s THEN it is the wall time there', (input, zone, expected) => {
    expect(iso(parseWhen(input, { now, zone }))).toBe(expected);
  });

  it('GIVEN a winter date typed in summer THEN it is read with the winter offset', () => {
    const october = Date.UTC(2026, 9, 1, 12);
    expect(iso(parseWhen('2026-12-01 20:00', { now: october, zone: 'Europe/London' }))).toBe(
      '2026-12-01T20:00:00.000Z',
    );
    expect(iso(parseWhen('2026-12-01 20:00', { now: october, zone: 'America/New_York' }))).toBe(
      '2026-12-02T01:00:00.000Z',
    );
  });

  it('GIVEN a time earlier today THEN it means tomorrow', () => {
    expect(iso(parseWhen('9am', { now, zone: 'Europe/London' }))).toBe('2026-06-02T08:00:00.000Z');
  });

  it('GIVEN "tomorrow 8pm" the evening before the clocks go forward THEN it is 8pm summer time', () => {
    const before = Date.UTC(2026, 2, 28, 21, 0); // Saturday 21:00 GMT
    expect(iso(parseWhen('tomorrow 8pm', { now: before, zone: 'Europe/London' }))).toBe(
      '2026-03-29T19:00:00.000Z',
    );
    const ny = Date.UTC(2026, 2, 7, 17, 0); // Saturday 12:00 EST
    expect(iso(parseWhen('tomorrow 8pm', { now: ny, zone: 'America/New_York' }))).toBe(
      '2026-03-09T00:00:00.000Z',
    );
  });

  it('GIVEN "tomorrow 8pm" the evening before the clocks go back THEN it is 8pm winter time', () => {
    const before = Date.UTC(2026, 9, 24, 20, 0); // Saturday 21:00 BST
    expect(iso(parseWhen('tomorrow 8pm', { now: before, zone: 'Europe/London' }))).toBe(
      '2026-10-25T20:00:00.000Z',
    );
  });

  it.each([
    ['garbage', /can't read "garbage"/],
    ['8pm and some cake', /can't read/],
    ['2026-01-01 20:00', /in the past/],
    ['<t:1000>', /in the past/],
    ['2027-01-01 20:00', /90 days/],
  ])('GIVEN "%s" THEN a UserError says why', (input, message) => {
    expect(() => parseWhen(input, { now, zone: 'Europe/London' })).toThrow(UserError);
    expect(() => parseWhen(input, { now, zone: 'Europe/London' })).toThrow(message);
  });

  it('GIVEN exactly 90 days ahead THEN it is accepted', () => {
    expect(parseWhen(`<t:${(now + MAX_AHEAD_MS) / 1000}>`, { now, zone: 'UTC' })).toBe(now + MAX_AHEAD_MS);
  });
});
