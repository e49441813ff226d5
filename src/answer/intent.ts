import type { Character, Chapter, Entity } from '../story/pack.js';
import type { Mention } from './entities.js';
import { words } from './text.js';

export interface After {
  readonly what: Chapter | Entity;
  readonly edge: 'start' | 'end';
}

export type QuestionWord =
  'who' | 'what' | 'when' | 'where' | 'why' | 'how' | 'how-many' | 'yes-no' | 'other';

/**
 * What kind of answer a question wants. Credits, identities and the chapter list
 * come from the pack's structured data; everything else goes to retrieval.
 */
export type Intent =
  | { readonly kind: 'cast-of'; readonly characters: readonly Character[] }
  | {
      readonly kind: 'role-of';
      readonly credits: readonly { actor: string; character: Character }[];
      readonly askedAbout: readonly Character[];
    }
  | { readonly kind: 'cast-list' }
  | { readonly kind: 'film-info' }
  | { readonly kind: 'chapter-list' }
  | { readonly kind: 'recap'; readonly chapter?: Chapter; readonly place?: Entity }
  | { readonly kind: 'identity'; readonly entity: Entity; readonly questionWord: QuestionWord }
  | {
      readonly kind: 'search';
      readonly questionWord: QuestionWord;
      readonly chapters: readonly Chapter[];
      /**
       * "What happens to Rodney after the Cottages", "after the beach": only what the film shows
       * once past it; "after arriving at the Cottages": once it has begun.
       */
      readonly after?: After;
    };

const PLAYS =
  /\b(play|plays|played|playing|playin|portray|portrays|portrayed|actor|actors|actress|actresses|cast|casting|star|stars|starring|acts?|acted|joue|spielt|interpreta)\b/;
// "What song is playing when Kathy dances", "what game is Tommy playing": not a casting question.
const PLAYED_THING =
  /\b(song|songs|music|tune|track|record|tape|cassette|radio|show|sitcom|tv|game|games|football|sport)\b/;
const CAST = /\b(actor|actors|actress|actresses|cast|casting|starring|portray\w*)\b/;
const ABOUT_THE_FILM = /\b(film|movie|this|it)\b/;
const WHO_IS_IN_IT = /\bwho( is| are|s)? in (it|this|the (film|movie))\b|\bcast\b|\b(main )?(actors|stars)\b/;
// "What are the three parts called", "what year is the last part": the film's own sections.
const PARTS = /\b(parts?|sections?|chapters?|acts)\b/;
const PARTS_ASKED = /\b(called|named|names?|titles?|years?|are there|how many)\b/;
// "What happens at the beach", "summarise Completion", "what's the 1994 part about"; not "what happens to Ruth".
const WHAT_HAPPENS =
  /\bwhat (happens|happened|goes on|went on) (at|in|during|on)\b|\b(summar\w*|recap|overview)\b|^what\b.*\babout$/;
const ARRIVING =
  /^(arriv\w*|reach\w*|get|gets|got|getting|go|goes|going|went|gone|mov\w*|come|comes|came|coming|enter\w*)$/;
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
    if (['who', 'whom', 'whose', 'whos', 'quien', 'qui', 'wer'].includes(word)) return 'who';
    if (word === 'why') return 'why';
    if (word === 'when') return 'when';
    if (word === 'where') return 'where';
    if (word === 'how') return 'how';
    if (['what', 'whats', 'wat', 'which'].includes(word)) return 'what';
  }
  return w[0] && AUXILIARIES.has(w[0]) ? 'yes-no' : 'other';
};

const unique = <T>(items: readonly T[]) => [...new Set(items)];

export const intentOf = (
  question: string,
  mentions: readonly Mention[],
  leftover: readonly string[],
): Intent => {
  const text = words(question).join(' ');
  const questionWord = questionWordOf(question);
  const credits = mentions.flatMap((m) =>
    m.type === 'actor' ? [{ actor: m.actor, character: m.character }] : [],
  );
  const characters = unique(
    mentions.flatMap((m) => (m.type === 'entity' && m.entity.kind === 'character' ? [m.entity] : [])),
  );
  if (credits.length > 0)
    return {
      kind: 'role-of',
      credits,
      askedAbout: characters.filter((c) => !credits.some((credit) => credit.character === c)),
    };
  if (
    characters.length > 0 &&
    PLAYS.test(text) &&
    (questionWord === 'who' || CAST.test(text) || !PLAYED_THING.test(text))
  )
    return { kind: 'cast-of', characters };
  const chapters = unique(mentions.flatMap((m) => (m.type === 'chapter' ? [m.chapter] : [])));
  if (mentions.length === 0 && WHO_IS_IN_IT.test(text)) return { kind: 'cast-list' };
  // "What film is this", "what's it about", "what's the movie called": nothing asked but the film itself.
  if (
    mentions.length === 0 &&
    ['what', 'other'].includes(questionWord) &&
    ABOUT_THE_FILM.test(text) &&
    leftover.every((term) => ['titl', 'call', 'name'].includes(term))
  )
    return { kind: 'film-info' };
  const places = mentions.flatMap((m) =>
    m.type === 'entity' && m.entity.kind === 'place' ? [m.entity] : [],
  );
  if (characters.length === 0 && WHAT_HAPPENS.test(text)) {
    // "Summarise Hailsham": the part of the film, which the place of the same name is only one setting of.
    if (chapters.length === 1) return { kind: 'recap', chapter: chapters[0]! };
    if (places.length === 1) return { kind: 'recap', place: places[0]! };
  }
  if (PARTS.test(text) && PARTS_ASKED.test(text) && characters.length === 0) return { kind: 'chapter-list' };
  const entities = mentions.flatMap((m) => (m.type === 'entity' ? [m.entity] : []));
  // "who is Miss Emily", "what's a carer": nothing asked beyond the name itself.
  if (
    entities.length === 1 &&
    chapters.length === 0 &&
    // "explain donors to me", "tell me about Madame" ask the same as "what is…".
    leftover.every((term) => term === 'say' && questionWord === 'other') &&
    ['who', 'what', 'other'].includes(questionWord)
  )
    return { kind: 'identity', entity: entities[0]!, questionWord };
  // "Why did Ruth flip out after the travel agency": for why and how, what happened there is the cause.
  const after = ['why', 'how', 'when'].includes(questionWord)
    ? undefined
    : chapterAfter(words(question), mentions);
  return { kind: 'search', questionWord, chapters, ...(after ? { after } : {}) };
};

/**
 * A part of the film or a place named just after "after" ("after the cottages", "after she
 * left Hailsham", "after the beach"). A part wins over a place of the same name.
 */
const chapterAfter = (typed: readonly string[], mentions: readonly Mention[]): After | undefined => {
  for (const type of ['chapter', 'entity'] as const)
    for (const m of mentions) {
      const before = typed.slice(Math.max(0, m.start - 4), m.start);
      const at = before.lastIndexOf('after');
      if (at < 0 || m.type !== type) continue;
      const what = m.type === 'chapter' ? m.chapter : m.entity.kind === 'place' ? m.entity : undefined;
      if (!what) continue;
      // "After arriving at the Cottages", "after they got to the beach": from when it begins.
      const edge = before.slice(at + 1).some((word) => ARRIVING.test(word)) ? 'start' : 'end';
      return { what, edge };
    }
  return undefined;
};
