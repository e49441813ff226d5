import { beforeAll, describe, expect, it } from 'vitest';
import { parsePosition } from '../../src/position/parse.js';
import { describePosition } from '../../src/position/position.js';
import type { Pack } from '../../src/story/pack.js';
import { formatFilmTime } from '../../src/story/time.js';
import { bundledPack, fixturePack } from '../support/pack.js';

let pack: Pack;
beforeAll(async () => {
  pack = await bundledPack();
});

describe('parsePosition', () => {
  it.each([
    ['start', 0],
    ['end', 103 * 60],
    ['45m', 45 * 60],
    ['45', 45 * 60],
    ['1h05m', 65 * 60],
    ['1h 5m', 65 * 60],
    ['1:05:00', 65 * 60],
    ['65:00', 65 * 60],
    ['0:45', 45 * 60],
    ['1:05', 65 * 60],
    ['90s', 90],
  ])('GIVEN "%s" THEN the viewer is %i seconds in', (input, seconds) => {
    expect(parsePosition(input, pack).seconds).toBe(seconds);
  });

  it('GIVEN a chapter name or prefix THEN the position is the end of that chapter', () => {
    const cottages = pack.chapters.find((chapter) => chapter.id === 'cottages')!;
    for (const input of ['cottages', 'Cottages', 'cott', 'The Cottages'])
      expect(parsePosition(input, pack)).toEqual({ seconds: cottages.end, chapter: cottages });
    expect(parsePosition('hailsham', pack).chapter?.id).toBe('hailsham');
    expect(parsePosition('completion', pack).seconds).toBe(pack.film.runtimeSeconds);
  });

  it('GIVEN a player-style "05:30" or "9:45" THEN it falls back to minutes and seconds', () => {
    expect(parsePosition('05:30', pack).seconds).toBe(5 * 60 + 30);
    expect(parsePosition('9:45', pack).seconds).toBe(9 * 60 + 45);
    expect(parsePosition('1:30', pack).seconds).toBe(90 * 60);
  });

  it('GIVEN chapter: start THEN a chapter name means the start of that chapter', () => {
    const cottages = pack.chapters.find((chapter) => chapter.id === 'cottages')!;
    expect(parsePosition('cottages', pack, { chapter: 'start' })).toEqual({ seconds: cottages.start });
  });

  it.each(['', '   ', 'banana', '200m', 'co', '-5m', '1:75', '200:00'])(
    'GIVEN "%s" THEN the error lists the accepted forms or the runtime',
    (input) => {
      expect(() => parsePosition(input, pack)).toThrow(/start, end|runs 1:43|say which|how far/);
    },
  );

  it('GIVEN a time past the runtime THEN the error names the runtime', () => {
    expect(() => parsePosition('2h', pack)).toThrow('runs 1:43');
  });

  it('GIVEN another film THEN its own chapters and runtime apply', async () => {
    const ferry = await fixturePack();
    expect(parsePosition('return', ferry).seconds).toBe(30 * 60);
    expect(() => parsePosition('45m', ferry)).toThrow('runs 0:30');
    expect(() => parsePosition('hailsham', ferry)).toThrow('crossing, return');
  });
});

describe('formatFilmTime and describePosition', () => {
  it('formats whole minutes as H:MM', () => {
    expect(formatFilmTime(0)).toBe('0:00');
    expect(formatFilmTime(65 * 60 + 59)).toBe('1:05');
    expect(formatFilmTime(103 * 60)).toBe('1:43');
  });

  it('names chapter positions, the start and the end', () => {
    const runtime = pack.film.runtimeSeconds;
    expect(describePosition({ seconds: 0 }, runtime)).toMatch(/start/);
    expect(describePosition({ seconds: runtime }, runtime)).toMatch(/end/);
    expect(describePosition(parsePosition('hailsham', pack), runtime)).toMatch(/end of Hailsham/);
    expect(describePosition({ seconds: 45 * 60 }, runtime)).toBe('0:45');
  });
});
