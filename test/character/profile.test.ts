import { beforeAll, describe, expect, it } from 'vitest';
import { characterProfile } from '../../src/character/profile.js';
import type { ResolvedPosition } from '../../src/progress/position-for.js';
import { LIMITS } from '../../src/reply/limits.js';
import { renderReply, type RenderedEmbed } from '../../src/reply/render.js';
import type { Pack } from '../../src/story/pack.js';
import { bundledPack } from '../support/pack.js';

let pack: Pack;
beforeAll(async () => {
  pack = await bundledPack();
});

const at = (seconds: number): ResolvedPosition => ({ position: { seconds }, source: 'option' });
const profile = (id: string, seconds: number) =>
  renderReply(
    characterProfile(
      pack,
      pack.characters.find((c) => c.id === id)!,
      at(seconds),
    ),
  );
const unhidden = (embeds: readonly RenderedEmbed[]) =>
  JSON.stringify(embeds.map((e) => [e.title, e.description, e.footer])).replace(/\|\|.*?\|\|/g, '');
const FATE = /\b(dies|died|death|completes?|flatlines?|liver|donations?|organs?|operat\w+|surgeons?)\b/i;

describe('characterProfile', () => {
  it('GIVEN Ruth at the start THEN her fate is only behind one pair of spoiler bars, after one label that says nothing of when', () => {
    const { embeds } = profile('ruth', 0);
    expect(embeds[0]!.title).toBe('Ruth');
    expect(embeds[0]!.description).toMatch(/Keira Knightley, Ella Purnell \(as a child\)/);
    expect(unhidden(embeds)).not.toMatch(FATE);
    const later = embeds[1]!.description!;
    expect(later).toMatch(/Later in the film: \|\|[^|]*dies/);
    // Which parts someone is still in, or how much lies ahead for them, would be a hint too.
    expect(later.match(/(?<!\\)\|\|/g)).toHaveLength(2);
    expect(unhidden(embeds.slice(1))).not.toMatch(/\d:\d\d|Hailsham School|The Cottages|Completion|\d+ more/);
  });

  it('GIVEN Ruth at the end of Hailsham THEN what was learned there is plain and the rest still hidden', () => {
    const hailsham = pack.chapters.find((c) => c.id === 'hailsham')!;
    const { embeds } = profile('ruth', hailsham.end);
    expect(embeds[0]!.description).toMatch(/Ruth is Kathy's friend at Hailsham/);
    // Miss Lucy has told them about donations by now; Ruth's own end is still to come.
    expect(unhidden(embeds)).not.toMatch(/\b(dies|died|death|flatlines?|liver|walker|Cottages with)\b/i);
  });

  it('GIVEN Ruth at the end THEN everything is known and nothing is hidden', () => {
    const { embeds } = profile('ruth', pack.film.runtimeSeconds);
    expect(embeds).toHaveLength(1);
    expect(embeds[0]!.description).not.toContain('||');
  });

  it('GIVEN someone uncredited and not met yet THEN the title does not name them', () => {
    const { embeds } = profile('surgeons', 0);
    expect(embeds[0]!.title).toBe('Someone you have not met yet');
    expect(unhidden(embeds)).not.toMatch(/doctors|surgeons|operating/i);
  });

  it.each(['kathy', 'ruth', 'tommy', 'miss-lucy'])(
    'GIVEN %s at any point THEN the profile fits Discord and no embed is dropped or cut',
    (id) => {
      for (const seconds of [0, 1800, pack.film.runtimeSeconds]) {
        const { embeds } = profile(id, seconds);
        const total = embeds.reduce(
          (sum, e) => sum + (e.title?.length ?? 0) + (e.description?.length ?? 0),
          0,
        );
        expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
        const later = pack.facts.some(
          (f) => f.kind === 'plot' && f.about.includes(id) && (f.learnedAt?.end ?? 0) > seconds,
        );
        expect(embeds).toHaveLength(later ? 2 : 1);
        for (const embed of embeds) expect(embed.description).not.toMatch(/…$/);
      }
    },
  );
});
