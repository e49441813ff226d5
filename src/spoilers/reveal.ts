import { isKnownAt, revealedAt, type Fact, type Pack } from '../story/pack.js';
import { formatFilmTime } from '../story/time.js';
import { spoiler, text, type Line } from '../reply/model.js';

/** Facts split by what a viewer at this position has seen. */
export const splitByPosition = (facts: readonly Fact[], position: number) => ({
  known: facts.filter((fact) => isKnownAt(fact, position)),
  later: facts.filter((fact) => !isKnownAt(fact, position)),
});

/**
 * "Revealed later, in The Cottages (about 0:52):" — says when, never what.
 * The label stays visible, so it names only the chapter and the time.
 */
export const revealLabel = (fact: Fact, pack: Pack): string => {
  const at = revealedAt(fact);
  return `Revealed later, in ${pack.chapterAt(Math.max(0, at - 1)).title} (about ${formatFilmTime(at)}):`;
};

/** One line per later fact: the plain label, then the fact behind spoiler bars. */
export const hiddenLine = (fact: Fact, pack: Pack): Line => [
  text(`${revealLabel(fact, pack)} `),
  spoiler(fact.text),
];
