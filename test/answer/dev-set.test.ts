import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/answer/engine.js';
import type { Pack } from '../../src/story/pack.js';
import { bundledPack } from '../support/pack.js';
import { judge, loadQuestions, type Verdict } from './evaluate.js';

let verdicts: Verdict[];
let later: Verdict[];
beforeAll(async () => {
  const pack: Pack = await bundledPack();
  const engine = new AnswerEngine(pack);
  verdicts = loadQuestions().map((question) => judge(engine, pack, question));
  later = (['holdout.json', 'blind.json', 'fresh.json', 'final.json'] as const).flatMap((file) =>
    loadQuestions(file).map((question) => judge(engine, pack, question)),
  );
});

const leaksIn = (set: readonly Verdict[]) =>
  set
    .filter((v) => v.leakedWords.length > 0 || v.leakedFacts.length > 0)
    .map((v) => `${v.question.id}: ${[...v.leakedWords, ...v.leakedFacts].join(', ')}`);

describe('the /ask dev question set', () => {
  it('GIVEN at least 150 questions with 40 spoiler probes THEN the set is big enough to measure', () => {
    expect(verdicts.length).toBeGreaterThanOrEqual(150);
    expect(verdicts.filter((v) => v.question.category === 'spoiler-probe').length).toBeGreaterThanOrEqual(40);
  });

  it('GIVEN every question at its position THEN nothing the asker has not reached shows outside spoiler bars', () => {
    expect(leaksIn(verdicts)).toEqual([]);
  });

  it('GIVEN the whole set THEN at least 90% are answered correctly (npm run bench:qa prints the figure)', () => {
    const answered = verdicts.filter((v) => v.answered).length;
    expect(answered / verdicts.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the /ask later sets (written afterwards, from the seeds alone)', () => {
  it('GIVEN their questions at their positions THEN nothing unreached shows outside spoiler bars either', () => {
    expect(later.length).toBeGreaterThanOrEqual(260);
    expect(leaksIn(later)).toEqual([]);
  });
});
