import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/answer/engine.js';
import type { Pack } from '../../src/story/pack.js';
import { bundledPack, fixturePack } from '../support/pack.js';

let pack: Pack;
let engine: AnswerEngine;
beforeAll(async () => {
  pack = await bundledPack();
  engine = new AnswerEngine(pack);
});
const END = 103 * 60;

describe('AnswerEngine', () => {
  it('GIVEN "who plays X" in any casing or nickname THEN the credits answer it', () => {
    for (const question of [
      'who plays ruth',
      'WHO PLAYED KATH',
      'who is the actor for tom?',
      'who plays the headmistress',
    ])
      expect(engine.answer(question, 0)).toMatchObject({ kind: 'credits' });
    expect(engine.answer('who plays ruth', 0)).toEqual({
      kind: 'credits',
      sentences: ['Ruth is played by Keira Knightley as an adult and Ella Purnell as a child.'],
    });
  });

  it('GIVEN an actor named THEN it says whom they play', () => {
    const answer = engine.answer('andrew garfeild plays who', 0);
    expect(answer.kind).toBe('credits');
    expect(answer.kind === 'credits' && answer.sentences[0]).toMatch(/Andrew Garfield plays Tommy/);
  });

  it('GIVEN a plot question THEN the facts returned are about what was asked', () => {
    const answer = engine.answer('why was miss lucy fired', END);
    expect(answer.kind).toBe('facts');
    if (answer.kind === 'facts') {
      expect(answer.facts.length).toBeGreaterThan(0);
      expect(answer.facts.length).toBeLessThanOrEqual(3);
      expect(answer.facts[0]!.about).toContain('miss-lucy');
    }
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
    const answer = ferry.answer('is the passenger a ghost', 30 * 60);
    expect(answer.kind === 'facts' && answer.facts.map((f) => f.id)).toContain('drowned');
    expect(ferry.answer('who plays mara', 0)).toMatchObject({
      kind: 'credits',
      sentences: ['Mara is played by Jo Fenn.'],
    });
  });
});
