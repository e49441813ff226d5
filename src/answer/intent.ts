import type { Character } from '../story/pack.js';
import type { Mention } from './entities.js';
import { words } from './text.js';

export type QuestionWord =
  'who' | 'what' | 'when' | 'where' | 'why' | 'how' | 'how-many' | 'yes-no' | 'other';

/** What kind of answer a question wants. Cast questions are answered from the credits, the rest by retrieval. */
export type Intent =
  | { readonly kind: 'cast-of'; readonly character: Character }
  | { readonly kind: 'role-of'; readonly actor: string; readonly character: Character }
  | { readonly kind: 'search'; readonly questionWord: QuestionWord };

const PLAYS =
  /\b(play|plays|played|playing|portray|portrays|portrayed|actor|actress|cast|casting|star|stars|starring|acts?|acted)\b/;
const AUXILIARIES = new Set([
  'does',
  'do',
  'did',
  'is',
  'are',
  'was',
  'were',
  'can',
  'could',
  'will',
  'would',
  'has',
  'have',
  'had',
  'should',
]);

export const questionWordOf = (question: string): QuestionWord => {
  const w = words(question);
  const text = w.join(' ');
  if (/\bhow (many|much|old|long)\b/.test(text)) return 'how-many';
  for (const word of w) {
    if (word === 'who' || word === 'whom' || word === 'whose') return 'who';
    if (word === 'why') return 'why';
    if (word === 'when') return 'when';
    if (word === 'where') return 'where';
    if (word === 'how') return 'how';
    if (word === 'what' || word === 'whats' || word === 'wat' || word === 'which') return 'what';
  }
  return w[0] && AUXILIARIES.has(w[0]) ? 'yes-no' : 'other';
};

export const intentOf = (question: string, mentions: readonly Mention[]): Intent => {
  const actor = mentions.find((mention) => mention.type === 'actor');
  if (actor?.type === 'actor') return { kind: 'role-of', actor: actor.actor, character: actor.character };
  const text = words(question).join(' ');
  const character = mentions.find(
    (mention) => mention.type === 'entity' && mention.entity.kind === 'character',
  );
  if (character?.type === 'entity' && character.entity.kind === 'character' && PLAYS.test(text))
    return { kind: 'cast-of', character: character.entity };
  return { kind: 'search', questionWord: questionWordOf(question) };
};
