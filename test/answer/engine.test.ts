import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerEngine, type Answer } from '../../src/answer/engine.js';
import type { Pack } from '../../src/story/pack.js';
import { bundledPack, fixturePack } from '../support/pack.js';

let pack: Pack;
let engine: AnswerEngine;
beforeAll(async () => {
  pack = await bundledPack();
  engine = new AnswerEngine(pack);
});
const END = 103 * 60;
const texts = (answer: Answer) => (answer.kind === 'answer' ? answer.items.map((item) => item.text) : []);

describe('AnswerEngine', () => {
  it('GIVEN "who plays X" in any casing, nickname or typo THEN the credits answer it, never hidden', () => {
    for (const question of [
      'who plays ruth',
      'WHO PLAYED KATH',
      'who is the actor for tom?',
      'who plays the headmistress',
      'whos playin rutth',
    ]) {
      const answer = engine.answer(question, 0);
      expect(answer.kind, question).toBe('answer');
      if (answer.kind === 'answer') expect(answer.items.every((item) => item.at === 0)).toBe(true);
    }
    expect(texts(engine.answer('who plays ruth', 0))).toEqual([
      'Ruth is played by Keira Knightley as an adult and Ella Purnell as a child.',
    ]);
  });

  it('GIVEN an actor named THEN it says whom they play', () => {
    expect(texts(engine.answer('andrew garfeild plays who', 0))[0]).toMatch(/^Andrew Garfield plays Tommy/);
  });

  it('GIVEN a character nobody is credited for THEN it declines instead of guessing', () => {
    const answer = engine.answer('who plays rodney', END);
    expect(answer).toMatchObject({
      kind: 'none',
      reason: expect.stringMatching(/credit an actor for Rodney/),
    });
  });

  it('GIVEN a plot question THEN one to three facts about what was asked come back', () => {
    const answer = engine.answer('why was miss lucy fired', END);
    expect(answer.kind).toBe('answer');
    expect(texts(answer).length).toBeGreaterThan(0);
    expect(texts(answer).length).toBeLessThanOrEqual(3);
    expect(texts(answer).join(' ')).toMatch(/Miss Lucy/);
  });

  it('GIVEN "who is X" before X has appeared THEN the introduction is dated to their first scene', () => {
    const answer = engine.answer('who is madame', 0);
    expect(answer.kind === 'answer' && answer.items.every((item) => item.at > 0)).toBe(true);
  });

  it('GIVEN something the pack never mentions THEN it declines, with suggestions known at the position', () => {
    const answer = engine.answer("what is kathy's favourite breakfast cereal", 600);
    expect(answer.kind).toBe('none');
    if (answer.kind === 'none') {
      expect(answer.suggestions.length).toBeGreaterThan(0);
      expect(answer.suggestions.length).toBeLessThanOrEqual(3);
      const known = new Set(pack.facts.filter((f) => (f.learnedAt?.end ?? 0) <= 600).flatMap((f) => f.ask));
      for (const suggestion of answer.suggestions) expect(known.has(suggestion)).toBe(true);
    }
  });

  it('GIVEN another film THEN the same engine answers from that pack alone', async () => {
    const ferry = new AnswerEngine(await fixturePack());
    expect(texts(ferry.answer('is the passenger a ghost', 30 * 60)).join(' ')).toMatch(/drowned/);
    expect(texts(ferry.answer('who plays mara', 0))).toEqual(['Mara is played by Jo Fenn.']);
  });
});

describe('AnswerEngine and people not yet met', () => {
  it('GIVEN an uncredited character the viewer has not met WHEN asked who plays them THEN the refusal does not name them', async () => {
    const pack = await bundledPack();
    const engine = new AnswerEngine(pack);
    const answer = engine.answer('who plays rodney', 0);
    expect(answer).toMatchObject({
      kind: 'none',
      reason: "my notes don't credit an actor for that character",
    });
  });
});
