import { beforeAll, describe, expect, it } from 'vitest';
import { parsePosition } from '../../src/position/parse.js';
import { LIMITS } from '../../src/reply/limits.js';
import { renderReply } from '../../src/reply/render.js';
import { recapReply } from '../../src/recap/recap.js';
import type { Pack } from '../../src/story/pack.js';
import { bundledPack } from '../support/pack.js';

let pack: Pack;
beforeAll(async () => {
  pack = await bundledPack();
});

const full = (until: string) => renderReply(recapReply(pack, parsePosition(until, pack), { length: 'full' }));

describe('the full recap', () => {
  it.each(['hailsham', 'cottages', 'end'])(
    'GIVEN until %s THEN it is an embed per chapter, all within Discord limits and nothing clipped',
    (until) => {
      const message = full(until);
      const total = message.embeds.reduce(
        (sum, e) =>
          sum + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0),
        0,
      );
      expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
      expect(message.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
      for (const embed of message.embeds) expect(embed.description).not.toMatch(/…$/);
      const chapters = pack.chapters.filter((c) => c.end <= parsePosition(until, pack).seconds);
      expect(message.embeds.map((e) => e.title)).toEqual(chapters.map((c) => c.title));
    },
  );

  it('GIVEN until hailsham THEN every scene up to there is told, with its time', () => {
    const message = full('hailsham');
    const descriptions = message.embeds
      .map((e) => e.description ?? '')
      .join('\n')
      .replace(/\\(.)/g, '$1');
    const seen = pack.beats.filter((b) => b.end <= parsePosition('hailsham', pack).seconds);
    for (const beat of seen) expect(descriptions).toContain(beat.summary);
    expect(message.embeds.at(-1)?.footer?.text).toMatch(/approximate/);
  });

  it('GIVEN the whole film THEN the latest chapter is whole and earlier ones say they are condensed', () => {
    const message = full('end');
    const last = message.embeds.at(-1)!.description!.replace(/\\(.)/g, '$1');
    for (const beat of pack.beats.filter((b) => b.chapter.id === 'completion'))
      expect(last).toContain(beat.summary);
    expect(message.embeds[1]!.description).toMatch(/Condensed to fit: \d+ of \d+ scenes/);
    expect(message.content).toMatch(/more than one message holds/);
  });
});
