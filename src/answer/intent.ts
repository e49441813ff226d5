import { entityName, type Character, type Chapter, type Entity } from '../story/pack.js';
import { afterOf, type After } from './after.js';
import { namedCharacters, type Mention } from './entities.js';
import { CHAT_WORDS, SAYING } from './lexicon.js';
import { words } from './text.js';

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
      readonly after?: After;
      /** "What did Miss Emily say to them": the character before the verb, whose words are wanted. */
      readonly speaker?: string;
    };

const PLAYS =
  /\b(play|plays|played|playing|playin|portray|portrays|portrayed|actor|actors|actress|actresses|cast|casting|star|stars|starring|acts?|acted|joue|spielt|interpreta)\b/;
// "Which tune is on when Kathy sways", "who's playing football with Tommy": not casting questions.
const PLAYED_THING =
  /\b(song|songs|music|tune|track|record|tape|cassette|radio|show|sitcom|tv|game|games|football|sport)\b/;
const PLAYING_A_THING = new RegExp(`\\b(play|plays|played|playing)( \\w+)? ${PLAYED_THING.source}`);
// Where it was filmed, its awards, its takings: the making of the film, which the story can't tell.
const MAKING =
  /\b(filmed|filming|film locations?|shot on location|budget|box office|oscars?|awards?|nominat\w*|composer|soundtrack|behind the scenes)\b|\bwho (did|wrote|composed|scored) the (music|score)\b|\bwhere (did|do|does) (they|he|she|you) (film|shoot)\b|\bwhere (was|were) (it|this|that|they) shot\b/;
export const asksAboutTheMaking = (question: string): boolean => MAKING.test(words(question).join(' '));
const CAST = /\b(actor|actors|actress|actresses|cast|casting|starring|portray\w*)\b/;
const ABOUT_THE_FILM = /\b(film|movie|this|it)\b/;
const WHO_IS_IN_IT = /\bwho( is| are|s)? in (it|this|the (film|movie))\b|\bcast\b|\b(main )?(actors|stars)\b/;
// "What are the three parts called", "what year is the last part": the film's own sections.
const PARTS = /\b(parts?|sections?|chapters?|acts)\b/;
const PARTS_ASKED = /\b(called|named|names?|titles?|years?|are there|how many)\b/;
// "What goes on by the sea", "summarise Completion", "what is the last part about"; not "what happens to Ruth".
const WHAT_HAPPENS =
  /\bwhat (happens|happened|goes on|went on) (at|in|during|on)\b|\b(summar\w*|recap|overview)\b|^what\b.*\babout$/;
// Chat before a question ("wait", "ok so", "lol") doesn't change what it asks.
const FILLERS = new Set([
  ...'wait ok okay so um uh hey oh hm sorry quick question q'.split(' '),
  ...CHAT_WORDS,
]);
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
  // "wait did Ruth…", "ok so does Tommy…": chat before the question doesn't change it.
  const first = w.find((word) => !FILLERS.has(word));
  return first && AUXILIARIES.has(first) ? 'yes-no' : 'other';
};

const unique = <T>(items: readonly T[]) => [...new Set(items)];

/** Whether the one thing asked about has a name beyond the words typed for it ("the tape": Songs After Dark). */
const namedOtherwise = (question: string, mentions: readonly Mention[]): boolean => {
  const mention = mentions.find((m) => m.type === 'entity');
  if (mention?.type !== 'entity') return false;
  const typed = words(question).slice(mention.start, mention.end).join(' ');
  return !words(entityName(mention.entity)).join(' ').includes(typed);
};

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
  const characters = namedCharacters(mentions);
  // "Was Andrew Garfield nominated for anything" is about the making, not his part.
  if (credits.length > 0 && !MAKING.test(text))
    return {
      kind: 'role-of',
      credits,
      askedAbout: characters.filter((c) => !credits.some((credit) => credit.character === c)),
    };
  if (
    characters.length > 0 &&
    PLAYS.test(text) &&
    !MAKING.test(text) &&
    !PLAYING_A_THING.test(text) &&
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
  // "who's the headmistress", "what's a carer": nothing asked beyond the name itself.
  if (
    entities.length === 1 &&
    chapters.length === 0 &&
    // "explain the carers", "tell me about Madame" ask the same as "what is…", and so does
    // "what's the tape called": its name is where the answer starts.
    leftover.every(
      (term) =>
        (term === 'say' && questionWord === 'other') ||
        (['call', 'name'].includes(term) && questionWord === 'what' && namedOtherwise(question, mentions)),
    ) &&
    ['who', 'what', 'other'].includes(questionWord)
  )
    return { kind: 'identity', entity: entities[0]!, questionWord };
  const typed = words(question);
  const after = afterOf(typed, mentions, questionWord);
  const speaker = speakerOf(typed, mentions);
  return {
    kind: 'search',
    questionWord,
    chapters,
    ...(after ? { after } : {}),
    ...(speaker ? { speaker } : {}),
  };
};

/** "What did Miss Emily tell them": one character named before the first word of saying. */
const speakerOf = (typed: readonly string[], mentions: readonly Mention[]): string | undefined => {
  const verb = typed.findIndex((word) => SAYING.has(word));
  if (verb < 0 || !['what', 'whats', 'wat'].includes(typed[0] ?? '')) return undefined;
  const before = mentions.filter((m) => m.end <= verb);
  const only = before.length === 1 ? before[0] : undefined;
  return only?.type === 'entity' && only.entity.kind === 'character' ? only.entity.id : undefined;
};
