import { distance } from 'fastest-levenshtein';
import { entityName, type Chapter, type Character, type Entity, type Pack } from '../story/pack.js';
import { STOPWORDS } from './lexicon.js';
import { words } from './text.js';

/** A name found in a question: the entity, actor or chapter it names, and the words it spans. */
export type Mention = Target & { readonly start: number; readonly end: number };

type Target =
  | { readonly type: 'entity'; readonly entity: Entity }
  | { readonly type: 'actor'; readonly actor: string; readonly character: Character }
  | { readonly type: 'chapter'; readonly chapter: Chapter };

interface Name {
  readonly words: readonly string[];
  readonly target: Target;
}

/**
 * Typos allowed per word: none for names under four letters, and the first
 * letter must match, so "truth" never reads as "Ruth" while "rutth" does.
 */
const tolerance = (word: string) => (word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0);
const sameWord = (typed: string, known: string) =>
  typed === known ||
  (!STOPWORDS.has(typed) &&
    typed[0] === known[0] &&
    Math.abs(typed.length - known.length) <= tolerance(known) &&
    distance(typed, known) <= tolerance(known));

const nameWords = (name: string) => {
  const all = words(name);
  const trimmed = all[0] === 'the' ? all.slice(1) : all;
  // A name made only of common words ("the other kids") would match half of all questions.
  return trimmed.every((word) => STOPWORDS.has(word)) ? [] : trimmed;
};

/**
 * Finds the characters, places, terms and actors a question names, by name or
 * alias, tolerating typos. Longer names win, so "Miss Lucy" beats "Lucy".
 */
export class EntityMatcher {
  private readonly names: Name[] = [];
  private readonly chapterNames: Name[] = [];

  constructor(pack: Pack) {
    const entities: Entity[] = [...pack.characters, ...pack.places, ...pack.glossary];
    for (const entity of entities)
      for (const name of [entityName(entity), ...entity.aliases]) {
        const w = nameWords(name);
        if (w.length > 0) this.names.push({ words: w, target: { type: 'entity', entity } });
      }
    for (const character of pack.characters)
      for (const { name } of character.actors) {
        const full = words(name);
        for (const variant of [full, full.slice(-1), full.slice(0, 1)])
          if (variant.join(' ').length >= 4)
            this.names.push({ words: variant, target: { type: 'actor', actor: name, character } });
      }
    for (const chapter of pack.chapters)
      for (const name of [chapter.title, chapter.caption ?? '', ...chapter.aliases]) {
        const w = nameWords(name);
        if (w.length > 0) this.chapterNames.push({ words: w, target: { type: 'chapter', chapter } });
      }
    const longestFirst = (a: Name, b: Name) => b.words.join(' ').length - a.words.join(' ').length;
    this.names.sort(longestFirst);
    this.chapterNames.sort(longestFirst);
  }

  /** Names in the question; a chapter may be named by the same words as a place ("the Cottages"). */
  find(question: string): Mention[] {
    const typed = words(question);
    return [...this.match(typed, this.names), ...this.match(typed, this.chapterNames)].sort(
      (a, b) => a.start - b.start,
    );
  }

  private match(typed: readonly string[], names: readonly Name[]): Mention[] {
    const taken = new Array<boolean>(typed.length).fill(false);
    const found: Mention[] = [];
    for (const name of names) {
      const n = name.words.length;
      for (let start = 0; start + n <= typed.length; start += 1) {
        if (taken.slice(start, start + n).some(Boolean)) continue;
        if (!name.words.every((word, i) => sameWord(typed[start + i]!, word))) continue;
        taken.fill(true, start, start + n);
        found.push({ ...name.target, start, end: start + n });
      }
    }
    return found;
  }
}

export const mentionedEntityIds = (mentions: readonly Mention[]): Set<string> =>
  new Set(
    mentions.flatMap((mention) =>
      mention.type === 'entity'
        ? [mention.entity.id]
        : mention.type === 'actor'
          ? [mention.character.id]
          : [],
    ),
  );

/** The characters a question names, each once, in the order named. */
export const namedCharacters = (mentions: readonly Mention[]): Character[] => [
  ...new Set(
    mentions.flatMap((m) => (m.type === 'entity' && m.entity.kind === 'character' ? [m.entity] : [])),
  ),
];
