import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerEngine, type Answer, type AnswerItem } from '../../src/answer/engine.js';
import { EntityMatcher } from '../../src/answer/entities.js';
import { intentOf } from '../../src/answer/intent.js';
import { nextFact, partRecap, sceneRecap } from '../../src/answer/story-steps.js';
import {
  entityName,
  revealedAt,
  type Beat,
  type Chapter,
  type Fact,
  type Pack,
} from '../../src/story/pack.js';
import { bundledPack, fixturePack } from '../support/pack.js';

let pack: Pack;
let engine: AnswerEngine;
let ferry: Pack;
let ferryEngine: AnswerEngine;
beforeAll(async () => {
  pack = await bundledPack();
  engine = new AnswerEngine(pack);
  ferry = await fixturePack();
  ferryEngine = new AnswerEngine(ferry);
});

const end = (p: Pack) => p.film.runtimeSeconds;
const itemsOf = (answer: Answer): readonly AnswerItem[] => (answer.kind === 'answer' ? answer.items : []);
const chapter = (p: Pack, id: string): Chapter => {
  const found = p.chapters.find((c) => c.id === id);
  if (!found) throw new Error(`no chapter ${id}`);
  return found;
};
/** The pack fact an answer item was made from (items carry the fact's text verbatim). */
const factOf = (p: Pack, item: AnswerItem): Fact => {
  const found = p.facts.find((fact) => fact.text === item.text);
  if (!found) throw new Error(`no fact says: ${item.text}`);
  return found;
};
const beatsOf = (p: Pack, where: { chapter?: Chapter; place?: string }): Beat[] =>
  p.beats.filter(
    (beat) =>
      (where.chapter ? beat.chapter === where.chapter : true) &&
      (where.place ? beat.place === where.place : true),
  );
/** How central a scene is: each fact learned there, once per seed that tells it. */
const weight = (p: Pack, beat: Beat) =>
  p.facts.filter((fact) => fact.learnedAt === beat).reduce((sum, fact) => sum + fact.sources.length, 0);
const factCount = (p: Pack, beat: Beat) => p.facts.filter((fact) => fact.learnedAt === beat).length;
/** `count` equal stretches of `beats`, in film order. */
const stretches = <T>(beats: readonly T[], count: number): T[][] =>
  Array.from({ length: count }, (_, i) =>
    beats.slice(Math.floor((i * beats.length) / count), Math.floor(((i + 1) * beats.length) / count)),
  );
const firstMax = (beats: readonly Beat[], score: (beat: Beat) => number): Beat =>
  beats.reduce((best, beat) => (score(beat) > score(best) ? beat : best));
const shared = (a: Fact, b: Fact) => a.about.filter((id) => b.about.includes(id)).length;
const QUOTED_TITLE = /["“][A-Z][^"”]*["”]/;

describe('"what/which <thing>" wants a fact that names it', () => {
  it('GIVEN sitcom facts that name only the people watching THEN "what sitcom/show…" declines, though the sitcom itself is known', () => {
    const sitcomFacts = pack.facts.filter((fact) => fact.about.includes('the-sitcom'));
    expect(sitcomFacts.length).toBeGreaterThan(0);
    expect(sitcomFacts.some((fact) => QUOTED_TITLE.test(fact.text))).toBe(false);
    // Capitalised words inside the sentence are people the fact is about: no title among them.
    expect(
      sitcomFacts.some((fact) =>
        fact.about.some((id) => {
          const entity = pack.entity(id);
          return entity?.kind === 'character' && fact.text.slice(1).includes(entityName(entity));
        }),
      ),
    ).toBe(true);

    for (const question of [
      'what sitcom do they watch',
      'what show are they watching with rodney and chrissie',
      'which sitcom is on the telly at the cottages',
    ])
      expect(engine.answer(question, end(pack)).kind, question).toBe('none');

    const plain = itemsOf(engine.answer('do they watch a sitcom with rodney and chrissie', end(pack)));
    expect(plain.some((item) => factOf(pack, item).about.includes('the-sitcom'))).toBe(true);
  });

  it('GIVEN facts about Kathy\'s car that never name a make THEN "what/which car…" declines', () => {
    const carFacts = pack.facts.filter((fact) => fact.about.includes('kathys-car'));
    expect(carFacts.length).toBeGreaterThan(0);
    for (const question of [
      'which car does kathy have',
      'what sort of car does kathy drive around in',
      'what kind of car does kathy own',
    ])
      expect(engine.answer(question, end(pack)).kind, question).toBe('none');
  });

  it('GIVEN a fact that quotes the song\'s title THEN "which song…" is answered by it', () => {
    for (const question of [
      'which song is on the tape',
      "which song is on kathy's cassette",
      'what song does kathy listen to over and over',
    ]) {
      const items = itemsOf(engine.answer(question, end(pack)));
      expect(items.length, question).toBeGreaterThan(0);
      for (const item of items) expect(factOf(pack, item).about, question).toContain('title-song');
      expect(
        items.some((item) => QUOTED_TITLE.test(item.text)),
        question,
      ).toBe(true);
      expect(items.map((item) => item.text).join(' ')).toMatch(/["“]Never Let Me Go["”]/);
    }
  });

  it('GIVEN a fact that names a title but concerns something else THEN "what book…" declines', () => {
    // The tape's title is capitalised in the sentence about the gift, but a tape is not a book.
    const tape = pack.entity('songs-after-dark');
    expect(tape).toBeDefined();
    const titled = pack.facts.filter(
      (fact) => fact.about.includes('songs-after-dark') && fact.text.includes(entityName(tape!)),
    );
    expect(titled.length).toBeGreaterThan(0);
    expect(titled.some((fact) => /\bbooks?\b/i.test(fact.text))).toBe(false);
    for (const question of [
      'what book does tommy give kathy at the sale',
      'which book does kathy read aloud to tommy',
    ])
      expect(engine.answer(question, end(pack)).kind, question).toBe('none');
  });
});

describe('"what happens to <someone> after <part>"', () => {
  const intent = (p: Pack, question: string) => intentOf(question, new EntityMatcher(p).find(question), []);

  it('GIVEN "after" just before a part\'s name THEN the search is for what follows that part; otherwise not', () => {
    const cottages = chapter(pack, 'cottages');
    expect(intent(pack, 'what happens to ruth after the cottages')).toMatchObject({
      kind: 'search',
      after: { what: cottages, edge: 'end' },
    });
    expect(intent(pack, 'what happened to tommy after part two')).toMatchObject({
      after: { what: cottages, edge: 'end' },
    });
    expect(intent(pack, 'what does ruth do after arriving at the cottages')).toMatchObject({
      after: { what: cottages, edge: 'start' },
    });
    expect(intent(ferry, 'what happens to the passenger after the crossing')).toMatchObject({
      after: { what: chapter(ferry, 'crossing'), edge: 'end' },
    });
    for (const question of [
      'what happens to ruth in the cottages',
      'after that, what does ruth get up to at the cottages',
    ])
      expect(intent(pack, question), question).not.toHaveProperty('after');
  });

  it('GIVEN nothing about Chrissie is learned once the Cottages are over THEN asking what happens to her after them declines', () => {
    const cottages = chapter(pack, 'cottages');
    const hers = pack.facts.filter((fact) => fact.about.includes('chrissie'));
    // She is in the story, so only the "after" can rule her facts out.
    expect(hers.length).toBeGreaterThan(0);
    expect(hers.filter((fact) => fact.learnedAt !== null && fact.learnedAt.at >= cottages.end)).toEqual([]);
    for (const question of [
      'what happens to chrissie after the cottages',
      'what became of chrissie after part two',
    ])
      expect(engine.answer(question, end(pack)).kind, question).toBe('none');
  });

  const laterQuestions = [
    ['what happens to ruth after the cottages', 'cottages', 'ruth'],
    ['what happened to ruth after part two', 'cottages', 'ruth'],
    ['what happens to tommy after hailsham', 'hailsham', 'tommy'],
    ['what happens after hailsham to tommy', 'hailsham', 'tommy'],
  ] as const;

  it('GIVEN someone whose story goes on THEN every item is learned once the part is over', () => {
    for (const [question, partId] of laterQuestions) {
      const part = chapter(pack, partId);
      const items = itemsOf(engine.answer(question, end(pack)));
      expect(items.length, question).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.at, question).toBeGreaterThanOrEqual(part.end);
        expect(factOf(pack, item).learnedAt!.at, question).toBeGreaterThanOrEqual(part.end);
      }
    }
  });

  it('GIVEN someone named THEN every item, story steps included, is about them', () => {
    for (const [question, , who] of laterQuestions) {
      const items = itemsOf(engine.answer(question, end(pack)));
      expect(items.length, question).toBeGreaterThan(0);
      for (const item of items)
        expect(factOf(pack, item).about, `${question} -> ${item.text}`).toContain(who);
    }
  });

  it('GIVEN the same question without "after" THEN facts from within the part can answer, so the filter does real work', () => {
    const cottages = chapter(pack, 'cottages');
    const items = itemsOf(engine.answer('what does ruth do at the cottages', end(pack)));
    expect(items.some((item) => factOf(pack, item).learnedAt!.at < cottages.end)).toBe(true);
  });

  it('GIVEN another film THEN "after <part>" is read against that film\'s parts', () => {
    const crossing = chapter(ferry, 'crossing');
    const items = itemsOf(ferryEngine.answer('what happens to the passenger after the crossing', end(ferry)));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.at).toBeGreaterThanOrEqual(crossing.end);
      expect(factOf(ferry, item).about).toContain('passenger');
    }
    // Mara is only ever described in the first part.
    expect(
      ferry.facts.some((fact) => fact.about.includes('mara') && fact.learnedAt!.at >= crossing.end),
    ).toBe(false);
    expect(ferryEngine.answer('what happens to mara after the crossing', end(ferry)).kind).toBe('none');
  });

  it('GIVEN "after arriving at <part>" THEN that part itself still counts', () => {
    const cottages = chapter(pack, 'cottages');
    const items = itemsOf(engine.answer('what does ruth do after arriving at the cottages', end(pack)));
    expect(items.some((item) => factOf(pack, item).learnedAt?.chapter === cottages)).toBe(true);
  });
});

describe('"what happens when/after/if …" follows the thread', () => {
  it('GIVEN a consequence question THEN it gives a fact, the next about the same people, and the next from a later scene', () => {
    for (const question of [
      "what happened when tommy wasn't picked for a team",
      'what happens after kathy and tommy visit madame',
    ]) {
      const items = itemsOf(engine.answer(question, end(pack)));
      expect(items.length, question).toBe(3);
      const ats = items.map((item) => item.at);
      expect(ats, question).toEqual([...ats].sort((a, b) => a - b));
      const facts = items.map((item) => factOf(pack, item));
      const chains = facts.flatMap((first) => {
        const next = nextFact(pack, first);
        const after = next && nextFact(pack, next, { laterScene: true });
        return next && after ? [[first, next, after] as const] : [];
      });
      const chain = chains.find((steps) => steps.every((step) => facts.includes(step)));
      expect(chain, question).toBeDefined();
      const [, next, after] = chain!;
      // The third step comes from a scene after the second's.
      expect(after.learnedAt!.index, question).toBeGreaterThan(next.learnedAt!.index);
    }
  });

  it('GIVEN a visit to Madame THEN following the thread two steps reaches what she tells them', () => {
    const items = itemsOf(engine.answer('what happens after kathy and tommy visit madame', end(pack)));
    const last = factOf(pack, items[items.length - 1]!);
    expect(last.about).toContain('madame');
    expect(last.text).toMatch(/deferral/i);
  });
});

describe('"explain X" and "tell me about X" ask what X alone asks', () => {
  it('GIVEN a term or person wrapped in "explain … to me" or "tell me about …" THEN the items equal those for the bare name', () => {
    const cases: [Pack, AnswerEngine, string, string][] = [
      [pack, engine, 'explain donor to me', 'donors'],
      [pack, engine, 'tell me about the donors', 'donors'],
      [pack, engine, 'tell me about carers', 'carers'],
      [pack, engine, 'explain the gallery to me', 'the gallery'],
      [ferry, ferryEngine, 'tell me about the passenger', 'the passenger'],
      [ferry, ferryEngine, 'explain the blue ticket to me', 'the blue ticket'],
    ];
    for (const [p, e, wrapped, bare] of cases)
      for (const position of [0, Math.floor(end(p) / 2), end(p)]) {
        const answer = e.answer(wrapped, position);
        expect(answer.kind, wrapped).toBe('answer');
        expect(answer, `${wrapped} @${position}`).toEqual(e.answer(bare, position));
      }
  });

  it('GIVEN "tell me about the donors" THEN it opens with the definition and adds only plot facts about donors', () => {
    const donor = pack.entity('donor')!;
    const [intro, ...rest] = itemsOf(engine.answer('tell me about the donors', end(pack)));
    expect(intro?.text.startsWith(`${entityName(donor)}: `)).toBe(true);
    expect(intro?.at).toBe(donor.introducedAt.end);
    expect(rest.length).toBeGreaterThan(0);
    for (const item of rest) {
      const fact = factOf(pack, item);
      expect(fact.kind).toBe('plot');
      expect(fact.about).toContain('donor');
    }
  });
});

describe('part and place recaps through /ask', () => {
  it('GIVEN a part named only as a part THEN its watch-party recaps tell it, in order, each dated to its checkpoint', () => {
    for (const [question, partId] of [
      ['give me an overview of part two', 'cottages'],
      ['summarize act three', 'completion'],
      ['what happens during act one', 'hailsham'],
    ] as const) {
      const part = chapter(pack, partId);
      const checkpoints = pack.checkpoints.filter((c) => c.chapter === part);
      expect(checkpoints.length, question).toBeGreaterThan(0);
      const items = itemsOf(engine.answer(question, end(pack)));
      expect(items, question).toEqual(checkpoints.map((c) => ({ text: c.recap, at: c.at })));
      expect(items, question).toEqual(partRecap(pack, part, 3));
      for (const item of items) {
        expect(item.at, question).toBeGreaterThan(part.start);
        expect(item.at, question).toBeLessThanOrEqual(part.end);
      }
    }
  });

  it('GIVEN a part with no checkpoint THEN its scenes tell it, the first one first', () => {
    const opening = chapter(pack, 'opening');
    expect(pack.checkpoints.some((c) => c.chapter === opening)).toBe(false);
    const items = itemsOf(engine.answer('what happens in the opening', end(pack)));
    expect(items).toEqual(sceneRecap(pack, opening, undefined, 3));
    expect(items[0]?.text).toBe(beatsOf(pack, { chapter: opening })[0]!.summary);
  });

  it('GIVEN a place THEN up to three of its scenes, the first one first', () => {
    for (const [question, placeId] of [
      ["what goes on at madame's house", 'madames-house'],
      ['summarise the beach scenes', 'beach'],
    ] as const) {
      const beats = beatsOf(pack, { place: placeId });
      const items = itemsOf(engine.answer(question, end(pack)));
      expect(items.length, question).toBe(Math.min(3, beats.length));
      expect(items[0]?.text, question).toBe(beats[0]!.summary);
      for (const item of items)
        expect(
          beats.some((beat) => beat.summary === item.text),
          question,
        ).toBe(true);
    }
  });

  it('GIVEN a part that shares its name with a place ("summarise hailsham", "what happens in the cottages") THEN the whole part is summed up', () => {
    for (const [question, partId] of [
      ['summarise hailsham', 'hailsham'],
      ['what happens in the cottages', 'cottages'],
    ] as const) {
      const part = chapter(pack, partId);
      const items = itemsOf(engine.answer(question, end(pack)));
      expect(items, question).toEqual(partRecap(pack, part, 3));
    }
  });
});

describe('sceneRecap', () => {
  const everyPart = () =>
    [pack, ferry].flatMap((p) => p.chapters.flatMap((c) => [1, 3, 5, 10].map((max) => [p, c, max] as const)));

  it("GIVEN any part and limit THEN min(limit, scenes) items in film order, opening with the part's first scene", () => {
    for (const [p, part, max] of everyPart()) {
      const beats = beatsOf(p, { chapter: part });
      const items = sceneRecap(p, part, undefined, max);
      const label = `${part.id} max ${max}`;
      expect(items.length, label).toBe(Math.min(max, beats.length));
      expect(items[0]?.text, label).toBe(beats[0]?.summary);
      for (let i = 1; i < items.length; i += 1) expect(items[i]!.at, label).toBeGreaterThan(items[i - 1]!.at);
      for (const item of items)
        expect(
          beats.some((beat) => beat.summary === item.text && beat.end === item.at),
          label,
        ).toBe(true);
    }
  });

  it('GIVEN a part cut into equal stretches THEN each scene comes from its own stretch, past the opening the one most seeds tell (earliest on a tie)', () => {
    for (const [p, part, max] of everyPart()) {
      const beats = beatsOf(p, { chapter: part });
      const items = sceneRecap(p, part, undefined, max);
      stretches(beats, items.length).forEach((stretch, i) => {
        const label = `${part.id} max ${max} stretch ${i}`;
        const picked = stretch.find((beat) => beat.summary === items[i]!.text);
        expect(picked, label).toBeDefined();
        if (i > 0) expect(picked, label).toBe(firstMax(stretch, (beat) => weight(p, beat)));
      });
    }
  });

  it('GIVEN a stretch where the most facts and the most seed tellings disagree THEN the seed tellings decide', () => {
    const disagreements = pack.chapters.flatMap((part) => {
      const beats = beatsOf(pack, { chapter: part });
      const count = Math.min(5, beats.length);
      const items = sceneRecap(pack, part, undefined, 5);
      return stretches(beats, count).flatMap((stretch, i) => {
        const bySeeds = firstMax(stretch, (beat) => weight(pack, beat));
        const byFacts = firstMax(stretch, (beat) => factCount(pack, beat));
        return i > 0 && bySeeds !== byFacts ? [{ item: items[i]!, bySeeds, byFacts }] : [];
      });
    });
    // Without such a stretch in the pack this test could not tell the two weightings apart.
    expect(disagreements.length).toBeGreaterThan(0);
    for (const { item, bySeeds, byFacts } of disagreements) {
      expect(item.text).toBe(bySeeds.summary);
      expect(item.text).not.toBe(byFacts.summary);
    }
  });

  it('GIVEN a place THEN only scenes there, the first one first, at most the limit', () => {
    for (const p of [pack, ferry])
      for (const place of p.places) {
        const beats = beatsOf(p, { place: place.id });
        const items = sceneRecap(p, undefined, place, 3);
        expect(items.length, place.id).toBe(Math.min(3, beats.length));
        if (beats.length > 0) expect(items[0]!.text, place.id).toBe(beats[0]!.summary);
        for (const item of items)
          expect(
            beats.some((beat) => beat.summary === item.text),
            place.id,
          ).toBe(true);
      }
  });

  it('GIVEN a part with fewer scenes than the limit THEN every scene, once, in order', () => {
    for (const part of ferry.chapters) {
      const beats = beatsOf(ferry, { chapter: part });
      expect(beats.length).toBeLessThan(5);
      expect(sceneRecap(ferry, part, undefined, 5)).toEqual(
        beats.map((beat) => ({ text: beat.summary, at: beat.end })),
      );
    }
  });
});

describe('nextFact', () => {
  const fact = (p: Pack, id: string): Fact => {
    const found = p.facts.find((f) => f.id === id);
    if (!found) throw new Error(`no fact ${id}`);
    return found;
  };
  /** What nextFact may choose from: other scene facts sharing an id, from here to two scenes on, after this one. */
  const candidates = (p: Pack, from: Fact, laterScene: boolean) =>
    p.facts.filter((other) => {
      const here = from.learnedAt!;
      const there = other.learnedAt;
      if (other === from || there === null || shared(other, from) === 0) return false;
      if (there.index > here.index + 2 || there.index < here.index + (laterScene ? 1 : 0)) return false;
      return there.index > here.index || p.facts.indexOf(other) > p.facts.indexOf(from);
    });

  it('GIVEN a film fact, which belongs to no scene THEN there is no next step', () => {
    for (const p of [pack, ferry])
      for (const f of p.facts.filter((f) => f.learnedAt === null)) {
        expect(nextFact(p, f)).toBeUndefined();
        expect(nextFact(p, f, { laterScene: true })).toBeUndefined();
      }
  });

  it("GIVEN the ferry film THEN the passenger's thread runs ticket, staying aboard, drowning, and Mara's has no next step", () => {
    expect(nextFact(ferry, fact(ferry, 'old-ticket'))?.id).toBe('never-leaves');
    expect(nextFact(ferry, fact(ferry, 'never-leaves'), { laterScene: true })?.id).toBe('drowned');
    expect(nextFact(ferry, fact(ferry, 'drowned'))).toBeUndefined();
    // Nothing else within two scenes concerns Mara or the ferry alone.
    expect(nextFact(ferry, fact(ferry, 'mara-deckhand'))).toBeUndefined();
  });

  it('GIVEN any scene fact THEN its next step is the earliest candidate: sharing an id, within two scenes, never before it', () => {
    for (const p of [pack, ferry])
      for (const from of p.facts.filter((f) => f.learnedAt !== null))
        for (const laterScene of [false, true]) {
          const label = `${from.id}${laterScene ? ' (later scene)' : ''}`;
          const options = candidates(p, from, laterScene);
          const next = nextFact(p, from, { laterScene });
          if (options.length === 0) {
            expect(next, label).toBeUndefined();
            continue;
          }
          expect(options, label).toContain(next);
          expect(revealedAt(next!), label).toBe(Math.min(...options.map(revealedAt)));
          if (laterScene) expect(next!.learnedAt!.index, label).toBeGreaterThan(from.learnedAt!.index);
        }
  });

  it('GIVEN a later scene with several candidates THEN the one sharing most ids with the fact continues the thread', () => {
    let decisive = 0;
    for (const from of pack.facts.filter((f) => f.learnedAt !== null))
      for (const laterScene of [false, true]) {
        const next = nextFact(pack, from, { laterScene });
        if (!next || next.learnedAt === from.learnedAt) continue;
        const sameScene = candidates(pack, from, laterScene).filter((f) => f.learnedAt === next.learnedAt);
        const most = Math.max(...sameScene.map((f) => shared(f, from)));
        expect(shared(next, from), from.id).toBe(most);
        // Ties go to the fact listed first.
        expect(next, from.id).toBe(sameScene.find((f) => shared(f, from) === most));
        if (shared(sameScene[0]!, from) < most) decisive += 1;
      }
    // The pack must hold cases where the first-listed fact would have been the wrong pick.
    expect(decisive).toBeGreaterThan(0);
  });

  it('GIVEN a fact in the same scene THEN only facts listed after it are its next step', () => {
    let sameScene = 0;
    for (const from of pack.facts.filter((f) => f.learnedAt !== null)) {
      const next = nextFact(pack, from);
      if (next?.learnedAt !== from.learnedAt) continue;
      sameScene += 1;
      expect(pack.facts.indexOf(next!), from.id).toBeGreaterThan(pack.facts.indexOf(from));
    }
    expect(sameScene).toBeGreaterThan(0);
  });
});

describe('questions about the making of the film', () => {
  it('GIVEN "where was it filmed" or awards THEN only credits can answer, and with none it declines', () => {
    for (const question of [
      'where did they film it',
      'where was the beach scene filmed',
      'did it get any oscar nominations',
      'what was the budget for this',
    ])
      expect(engine.answer(question, end(pack)).kind, question).toBe('none');
  });
});

describe('"what does <someone> tell …"', () => {
  it('GIVEN a speaker before "tell"/"say" THEN every fact is about that speaker', () => {
    for (const [question, speaker] of [
      ['what does madame say to kathy and tommy', 'madame'],
      ['what did ruth tell kath at the beach', 'ruth'],
      ['what does tommy say to kathy about the gallery', 'tommy'],
    ] as const) {
      const items = itemsOf(engine.answer(question, end(pack)));
      expect(items.length, question).toBeGreaterThan(0);
      for (const item of items) expect(factOf(pack, item).about, question).toContain(speaker);
    }
  });

  it('GIVEN a speech told over several facts of one scene THEN the next part of it comes too', () => {
    const items = itemsOf(engine.answer('what did miss lucy say to the class', end(pack))).map((item) =>
      factOf(pack, item),
    );
    expect(items.length).toBeGreaterThan(1);
    const [first, second] = items;
    expect(second!.learnedAt).toBe(first!.learnedAt);
    expect(nextFact(pack, first!)).toBe(second);
  });
});

describe('"after" read as a point in time', () => {
  const intent = (question: string) => intentOf(question, new EntityMatcher(pack).find(question), []);

  it('GIVEN a few words between "after" and the place THEN arriving counts from its start, leaving from its end', () => {
    expect(intent('what does ruth do after they finally got to the beach')).toMatchObject({
      after: { edge: 'start' },
    });
    expect(intent("what does tommy do after they get back from madame's house")).toMatchObject({
      after: { edge: 'end' },
    });
  });

  it('GIVEN a yes/no, why, how or when question THEN the scene it names stays in the search', () => {
    for (const question of [
      'did ruth say sorry after the beach',
      'why was tommy so quiet after the beach',
      'how does kathy feel after the cottages',
      'when does ruth die after the beach',
    ])
      expect(intent(question), question).not.toHaveProperty('after');
  });

  it('GIVEN nothing asked but what comes next THEN the answer opens with the first fact past that point', () => {
    const beach = pack.places.find((p) => p.id === 'beach')!;
    const items = itemsOf(engine.answer('so what happens after the beach', end(pack)));
    expect(items.length).toBeGreaterThan(0);
    const firstVisit = pack.beats.findIndex((b) => b.place === beach.id);
    const leaving = pack.beats.find((b, i) => i > firstVisit && b.place !== beach.id)!;
    const after = pack.facts
      .filter((f) => f.kind === 'plot' && f.learnedAt !== null && f.learnedAt.at >= leaving.at)
      .sort((a, b) => revealedAt(a) - revealedAt(b));
    expect(items[0]!.text).toBe(after[0]!.text);
  });
});

describe('whose words are asked for', () => {
  it('GIVEN a loosely matched speaker ("the doctor") THEN their facts come first but others are not ruled out', () => {
    const items = itemsOf(engine.answer('what did the doctor say to kathy', 20 * 60));
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]!.at).toBeLessThanOrEqual(20 * 60);
    expect(items[0]!.text).toMatch(/bruise/);
  });
});

describe('"what is it called"', () => {
  it('GIVEN the name of a thing asked for THEN a fact about it that gives its title answers, and one without a name does not', () => {
    const tape = pack.glossary.find((g) => g.id === 'songs-after-dark')!;
    for (const question of ['name of the tape??', 'so whats that tape called again'])
      expect(itemsOf(engine.answer(question, end(pack)))[0]?.text, question).toContain(entityName(tape));
    expect(engine.answer("what is tommy's last name", end(pack)).kind).toBe('none');
  });
});
