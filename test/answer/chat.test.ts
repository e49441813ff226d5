import { beforeAll, describe, expect, it } from 'vitest';
import { dependsOnChat, messageParts } from '../../src/answer/chat.js';
import { AnswerEngine, type Answer } from '../../src/answer/engine.js';
import { EntityMatcher } from '../../src/answer/entities.js';
import type { Pack } from '../../src/story/pack.js';
import { bundledPack } from '../support/pack.js';

let pack: Pack;
let engine: AnswerEngine;
let matcher: EntityMatcher;
beforeAll(async () => {
  pack = await bundledPack();
  engine = new AnswerEngine(pack);
  matcher = new EntityMatcher(pack);
});
const texts = (answer: Answer) => (answer.kind === 'answer' ? answer.items.map((item) => item.text) : []);

describe('messageParts', () => {
  it('GIVEN a question and chat around it THEN the asking piece and the chat come apart', () => {
    expect(messageParts('ngl i cried so much, how long is the whole film')).toEqual({
      asking: ['how long is the whole film'],
      chat: ['ngl i cried so much'],
    });
    expect(messageParts('ok so did tommy scream or did i dream it').asking).toEqual([
      'ok so did tommy scream',
      'did i dream it',
    ]);
  });

  it('GIVEN a comma inside a list of names THEN the question stays whole', () => {
    expect(messageParts('who plays kathy, ruth and tommy')).toEqual({ asking: [], chat: [] });
    expect(messageParts('where do kathy, ruth and tommy go after hailsham')).toEqual({
      asking: [],
      chat: [],
    });
  });

  it('GIVEN a message in one piece THEN there is nothing to split', () => {
    expect(messageParts('who plays ruth')).toEqual({ asking: [], chat: [] });
  });
});

describe('dependsOnChat', () => {
  it('GIVEN a piece that points back with a pronoun and names no character THEN it needs the chat', () => {
    const depends = (piece: string) => dependsOnChat(piece, matcher.find(piece));
    expect(depends('how many operations has he had')).toBe(true);
    expect(depends('how many operations has tommy had')).toBe(false);
    expect(depends('how long is the film')).toBe(false);
  });
});

describe('AnswerEngine and chatty messages', () => {
  it('GIVEN the runtime asked inside a ramble THEN the runtime is the answer', () => {
    const answer = engine.answer('how long is this movie, got work early tomorrow', 0);
    expect(texts(answer).join(' ')).toContain(String(pack.film.runtimeMinutes));
  });

  it('GIVEN a list of names THEN every one of them is answered', () => {
    const answer = texts(engine.answer('who plays kathy, ruth and tommy', 0)).join(' ');
    for (const name of ['Carey Mulligan', 'Keira Knightley', 'Andrew Garfield'])
      expect(answer).toContain(name);
  });

  it('GIVEN chat that names who a pronoun means THEN the pronoun piece is not answered about someone else', () => {
    const alone = texts(engine.answer('how old is she now', 4400));
    // Alone, the piece is answered about someone (Kathy, the narrator)...
    expect(alone.length).toBeGreaterThan(0);
    // ...which, with Ruth named in the chat before it, would be an answer about the wrong person.
    expect(texts(engine.answer('ruth looks so frail, how old is she now', 4400))).not.toEqual(alone);
  });
});
