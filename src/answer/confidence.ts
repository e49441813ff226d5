import type { Fact } from '../story/pack.js';
import { namedCharacters, type Mention } from './entities.js';
import { asksAboutTheMaking, type QuestionWord } from './intent.js';
import { words } from './text.js';

export interface Evidence {
  readonly question: string;
  readonly questionWord: QuestionWord;
  readonly mentions: readonly Mention[];
  /** The question's search terms outside the names it mentions. */
  readonly asked: readonly string[];
  /** The best fact and which query terms it matched. */
  readonly top: { readonly fact: Fact; readonly terms: readonly string[] };
  readonly knows: (term: string) => boolean;
  /** How many facts use a term. */
  readonly frequency: (term: string) => number;
  /** Whether a word belongs to the name of a character or place in the pack. */
  readonly isPackName: (word: string) => boolean;
  /** The search term a word folds into (null for a stopword). */
  readonly term: (word: string) => string | null;
}

const RARE = 3;
const NAME_REQUEST = /\b(name|last name|surname)\b/i;
const HOW_OLD = /\bhow old\b/i;
// Things that have a title or a make: "which make of car", "what tv show", "what's the tape called".
const TITLED =
  '(?<thing>(?:car|book|novel|song|sitcom|show|programme|program|film|movie|band|album|brand|model|poem|tape|cassette)s?|series)';
const TITLE_REQUEST = new RegExp(
  `\\b(what|which|wat|whats)( kind of| sort of| type of| make of| (?!does|did|do|is|are|was|were)[a-z]+)? ${TITLED}\\b`,
  'i',
);
const CALLED = new RegExp(`\\bwhat( is| was|s|'s)? the ${TITLED}\\b.*\\b(called|named)\\b`, 'i');
// A quoted title is capitalised ("Never Let Me Go"); a quoted term ("carer") is not.
const QUOTED = /["“][A-Z][^"”]*["”]/;
// An age is a small number, never a year: "12", "eighteen", "28 years old".
const AGE = /\b(\d{1,2}|twelve|eighteen|twenty[\w-]*)\b(?!\d)/i;
const NUMBER =
  /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty|hundred|first|second|third|fourth|half|minutes?|hours?|days?|weeks?|months?|years?)\b/i;

/**
 * Whether the question is about something the pack covers at all. Most of its
 * own words unknown to the pack means it is not ("how much did it make at the
 * box office"); naming someone the pack knows earns the benefit of one unknown word.
 */
export const coversQuestion = ({
  mentions,
  asked,
  knows,
}: Pick<Evidence, 'mentions' | 'asked' | 'knows'>): boolean => {
  if (asked.length === 0) return mentions.length > 0;
  const unknown = asked.filter((term) => !knows(term));
  const mostlyUnknown = unknown.length / asked.length >= 0.5;
  return !(mentions.length > 0 ? mostlyUnknown && unknown.length >= 2 : mostlyUnknown);
};

/**
 * Whether one retrieved fact answers the question rather than merely sharing
 * words with it: it must match the question's specific words ("does Tommy have
 * a surname" is not answered by any fact about Tommy), and "how old…" needs a number.
 * What depends on the question alone is read once; the test runs per retrieved fact.
 */
export const answerTest = ({
  question,
  questionWord,
  mentions,
  asked,
  frequency,
  isPackName,
  term,
}: Omit<Evidence, 'knows' | 'top'>): ((top: Evidence['top']) => boolean) => {
  const making = asksAboutTheMaking(question);
  const people = namedCharacters(mentions).map((c) => c.id);
  const naming = people.length > 0;
  const specific = asked.some((t) => frequency(t) > 0 && frequency(t) <= RARE);
  const named = mentions.flatMap((m) => (m.type === 'entity' ? [m.entity.id] : []));
  const matchable = asked.filter((t) => frequency(t) > 0).length;
  const nameRequest = NAME_REQUEST.test(question) && asked.includes('name');
  const titled = (TITLE_REQUEST.exec(question) ?? CALLED.exec(question))?.groups?.thing;
  const titledAt = titled ? words(question).indexOf(titled) : -1;
  const titledName = mentions.find((m) => m.start <= titledAt && titledAt < m.end);
  const titledTerm = titled ? (term(titled) ?? titled) : undefined;
  const wanted = HOW_OLD.test(question) ? AGE : NUMBER;

  return (top) => {
    if (top.terms.length === 0) return false;
    const about = (id: string) => top.fact.about.includes(id);
    // Where it was shot or what it won: only a credit that says so, never the story.
    if (making && !(top.fact.kind === 'film' && asksAboutTheMaking(top.fact.text))) return false;
    // Credits answer cast questions before retrieval; a question about someone wants the story.
    if (top.fact.kind === 'film' && naming) return false;
    // A rare word is what the question is really about ("surname"); common ones ("end") are not.
    // A named thing or place the fact is about ("the sale") is specific enough on its own.
    const namedThing = mentions.some(
      (m) => m.type === 'entity' && m.entity.kind !== 'character' && about(m.entity.id),
    );
    const matched = asked.filter((t) => top.terms.includes(t)).length;
    if (specific && !namedThing && matched === 0) return false;
    // A fact about none of the things the question names must carry more of its words than one.
    if (named.length > 0 && !named.some(about) && matched < Math.min(2, asked.length)) return false;
    // A long question needs a fact that carries a third of what the pack could match: "how much
    // did it make at the box office" shares a word each with many facts and none answers it.
    // The thing the question names ("technically complete") counts as one of its words matched.
    if ((asked.length >= 3 || matchable < asked.length) && matched + (namedThing ? 1 : 0) < matchable / 3)
      return false;
    // "What's the name of the hospital" needs a fact that names it, not one that merely mentions it.
    if (nameRequest) {
      const others = asked.filter((t) => t !== 'name');
      // A fact about the thing that gives its title names it too ("the tape" → Songs After Dark).
      const titles = named.some(about) && namesATitle(top.fact.text, isPackName);
      if (!top.terms.includes('name') && !titles) return false;
      if (others.length > 0 && !others.some((t) => top.terms.includes(t))) return false;
      if (named.length > 0 && !named.some(about)) return false;
    }
    // "Which TV show is on" is not answered by "they watch a sitcom": the fact must name it.
    if (titled) {
      const concerns = titledName
        ? titledName.type === 'entity' && about(titledName.entity.id)
        : top.terms.includes(titledTerm!);
      if (!concerns || !namesATitle(top.fact.text, isPackName)) return false;
    }
    if (questionWord !== 'how-many') return true;
    // "How old is Miss Emily" wants a number about her (an age, when asked "how old"), not anyone else's.
    return wanted.test(top.fact.text) && (people.length === 0 || people.some(about));
  };
};

/**
 * Whether a fact names a title or a make: a quoted name, or a capitalised word
 * that starts no sentence and names no one in the story ("a sitcom" does not).
 */
const namesATitle = (text: string, isPackName: (word: string) => boolean): boolean =>
  QUOTED.test(text) ||
  [...text.matchAll(/(^|[.!?:;]\s+|\s)([A-Z][a-z][\w'-]*)/g)].some(
    ([, before, word]) =>
      before !== '' && !/[.!?:;]/.test(before!) && !isPackName(word!.toLowerCase().replace(/'s$/, '')),
  );
