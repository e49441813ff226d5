import { beforeAll, describe, expect, it } from 'vitest';
import { parsePosition } from '../../src/position/parse.js';
import { LIMITS } from '../../src/reply/limits.js';
import { renderReply } from '../../src/reply/render.js';
import { recapReply, recapUntil } from '../../src/recap/recap.js';
import { seenBeats } from '../../src/recap/seen.js';
import type { Pack } from '../../src/story/pack.js';
import { bundledPack, fixturePack } from '../support/pack.js';
import { shown, words } from './helpers.js';

let pack: Pack;
beforeAll(async () => {
  pack = await bundledPack();
});

/** The recap's own framing ("the story so far … up to about 0:36"), which is no story text. */
const FRAMING =
  'The story so far in Never Let Me Go up to the end about. Key scenes only of; the full recap has more. ' +
  'Condensed to fit scenes. That is more than one message holds, so earlier chapters keep only their key scenes. ' +
  'Times are approximate. Nothing after is included.';

/** Words in beats after `seconds` that no beat up to there uses: each would be a leak. */
const laterOnlyWords = (seconds: number) => {
  const seen = words(
    [FRAMING, ...seenBeats(pack, seconds).map((b) => `${b.summary} ${b.chapter.title}`)].join(' '),
  );
  const later = pack.beats.filter((b) => b.end > seconds).map((b) => `${b.summary} ${b.chapter.title}`);
  return [...words(later.join(' '))].filter((word) => !seen.has(word));
};

describe('recapUntil', () => {
  it('GIVEN a beat that ends after until THEN it is left out, even if it has started', () => {
    const beat = pack.beats[5]!;
    const text = shown(recapUntil(pack, beat.end - 1, { length: 'full' }));
    expect(text).not.toContain(beat.summary);
    expect(shown(recapUntil(pack, beat.end, { length: 'full' }))).toContain(beat.summary);
  });

  it.each(['opening', 'hailsham', 'cottages', '0:45', '1:20'])(
    'GIVEN until %s THEN no word that only later scenes use appears, short or full',
    (until) => {
      const { seconds } = parsePosition(until, pack);
      const leaks = laterOnlyWords(seconds);
      for (const length of ['short', 'full'] as const) {
        const said = words(shown(recapUntil(pack, seconds, { length })));
        const rendered = renderReply(recapReply(pack, { seconds }, { length }));
        const inEmbeds = words(JSON.stringify(rendered.embeds).replace(/\\\\(.)/g, '$1'));
        expect(leaks.filter((word) => said.has(word) || inEmbeds.has(word))).toEqual([]);
      }
    },
  );

  it('GIVEN until hailsham THEN concrete later names stay out: Rodney, Chrissie, Cottages, deferral', () => {
    const later = laterOnlyWords(parsePosition('hailsham', pack).seconds);
    // Checked against the pack first, so the test cannot pass by choosing words nobody uses.
    expect(later).toEqual(expect.arrayContaining(['rodney', 'chrissie', 'cottages', 'deferral']));
    const text = shown(recapUntil(pack, parsePosition('hailsham', pack).seconds, { length: 'short' }));
    expect(text).not.toMatch(/Rodney|Chrissie|Cottages|deferral/i);
    expect(text).toMatch(/Miss Lucy/);
  });

  it('GIVEN the start THEN there is nothing to recap, said plainly', () => {
    expect(shown(recapUntil(pack, 0, { length: 'short' }))).toMatch(/Nothing to recap yet/);
  });

  it.each([0.25, 0.5, 0.75, 1])('GIVEN %f of the film THEN the short recap fits one message', (share) => {
    const seconds = Math.round(pack.film.runtimeSeconds * share);
    const content = renderReply(recapReply(pack, { seconds }, { length: 'short' })).content;
    expect(content.length).toBeLessThanOrEqual(LIMITS.content);
    expect(content).not.toMatch(/…$/); // nothing was cut by the renderer
  });

  it('GIVEN a short recap that must leave scenes out THEN every sentence in it is whole', () => {
    const text = shown(recapUntil(pack, pack.film.runtimeSeconds, { length: 'short' }));
    expect(text).toMatch(/Key scenes only: \d+ of 60/);
    for (const line of text.split('\n').slice(1, -1)) expect(line).toMatch(/[.!?"”)]$/);
  });

  it('GIVEN a small film that fits whole THEN every scene is told in full', async () => {
    const ferry = await fixturePack();
    const text = shown(recapUntil(ferry, ferry.film.runtimeSeconds, { length: 'short' }));
    for (const beat of ferry.beats) expect(text).toContain(beat.summary);
    expect(text).not.toMatch(/Key scenes only/);
  });
});
