import type { Chapter, Entity, Fact, Pack } from '../story/pack.js';
import type { Mention } from './entities.js';
import type { QuestionWord } from './intent.js';
import { words } from './text.js';

/**
 * "What becomes of Chrissie after the Cottages": only what the film shows once
 * that part (or the first visit to that place) is over; "after they arrive at
 * the beach": once it has begun.
 */
export interface After {
  readonly what: Chapter | Entity;
  readonly edge: 'start' | 'end';
  /** Which typed word is the "after", so it is not also searched for. */
  readonly word: number;
  /** The words naming the part or place: a point in time here, not something the answer is about. */
  readonly span: readonly [number, number];
}

// "after they got to", "after arriving at": the words between may say the film reaches it…
const ARRIVING =
  /^(arriv\w*|reach\w*|get|gets|got|getting|go|goes|going|went|gone|mov\w*|come|comes|came|coming|enter\w*)$/;
// …unless they say it is left behind: "after they get back from Madame's".
const LEAVING = /^(back|from|left|leav\w*|quit\w*)$/;
const WINDOW = 6;
// "Do they ever make up after the Cottages" looks past them; "did she say sorry after the beach" does not.
const LATER = /^(ever|again|later|eventually|still)$/;

/**
 * A part of the film or a place named within a few words after "after". A part
 * wins over a place of the same name. For why and how the earlier scene is the
 * cause, and a yes/no question is about the scene itself unless it looks further on
 * ("ever", "again"), so those keep their whole search.
 */
export const afterOf = (
  typed: readonly string[],
  mentions: readonly Mention[],
  questionWord: QuestionWord,
): After | undefined => {
  if (['why', 'how', 'when'].includes(questionWord)) return undefined;
  if (questionWord === 'yes-no' && !typed.some((word) => LATER.test(word))) return undefined;
  for (const type of ['chapter', 'entity'] as const)
    for (const m of mentions) {
      if (m.type !== type) continue;
      const from = Math.max(0, m.start - WINDOW);
      const word = typed.slice(from, m.start).lastIndexOf('after');
      if (word < 0) continue;
      const between = typed.slice(from + word + 1, m.start);
      // Another name in between means the "after" belongs to that one.
      if (mentions.some((other) => other !== m && other.start > from + word && other.end <= m.start))
        continue;
      const what = m.type === 'chapter' ? m.chapter : m.entity.kind === 'place' ? m.entity : undefined;
      if (!what) continue;
      const arriving = between.some((w) => ARRIVING.test(w)) && !between.some((w) => LEAVING.test(w));
      return { what, edge: arriving ? 'start' : 'end', word: from + word, span: [m.start, m.end] };
    }
  return undefined;
};

/** When a part starts or ends, or when the film first reaches or leaves a place. */
export const timeOf = (pack: Pack, { what, edge }: After): number => {
  if (!('kind' in what)) return what[edge];
  const first = pack.beats.findIndex((beat) => beat.place === what.id);
  if (first < 0) return Infinity;
  if (edge === 'start') return pack.beats[first]!.at;
  // The scenes of one visit run together; a place seen again much later is a new visit.
  const leaving = pack.beats.findIndex((beat, i) => i > first && beat.place !== what.id);
  return leaving < 0 ? Infinity : pack.beats[leaving]!.at;
};

/** Whether a fact is about one of the people a question names (any fact, when it names none). */
export const isAboutAny = (fact: Fact, people: readonly string[]): boolean =>
  people.length === 0 || people.some((id) => fact.about.includes(id));

/** Whether a fact is shown past that point and, when people are named, is about one of them. */
export const isAfter = (pack: Pack, fact: Fact, after: After, people: readonly string[]): boolean =>
  fact.learnedAt !== null && fact.learnedAt.at >= timeOf(pack, after) && isAboutAny(fact, people);

// "What happens after Ruth dies": here "after" relates two events; in "go after Tommy" it is a word.
const WHAT_FOLLOWS = /\bwhat (happens|happened) after\b/;

/**
 * The question without the words that only say when: "after they got back from the
 * beach" once the facts are limited to what follows it, or the "after" of "what
 * happens after…". The rest is what to search for.
 */
export const withoutWhen = (question: string, after: After | undefined): string => {
  if (!after && !WHAT_FOLLOWS.test(question)) return question;
  return words(question)
    .filter((word, i) => (after ? i < after.word || i >= after.span[1] : word !== 'after'))
    .join(' ');
};
