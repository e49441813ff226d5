import type { Beat, Chapter, Entity, Fact, Pack } from '../story/pack.js';
import { revealedAt } from '../story/pack.js';
import type { AnswerItem } from './engine.js';

/** The next thing the film shows about the same people, within a couple of scenes. */
export const nextFact = (pack: Pack, fact: Fact): Fact | undefined => {
  const from = fact.learnedAt;
  if (!from) return undefined;
  return pack.facts
    .filter(
      (other) =>
        other !== fact &&
        other.learnedAt !== null &&
        other.learnedAt.index >= from.index &&
        other.learnedAt.index <= from.index + 2 &&
        other.about.some((id) => fact.about.includes(id)),
    )
    .sort((a, b) => revealedAt(a) - revealedAt(b) || pack.facts.indexOf(a) - pack.facts.indexOf(b))
    .find(
      (other) => other.learnedAt!.index > from.index || pack.facts.indexOf(other) > pack.facts.indexOf(fact),
    );
};

/**
 * "What happens at the beach", "what's the 1994 part about": the first scene
 * there, then the weightiest (most facts learned), in film order.
 */
export const sceneRecap = (
  pack: Pack,
  chapter: Chapter | undefined,
  place: Entity | undefined,
  max: number,
): AnswerItem[] => {
  const weight = (beat: Beat) => pack.facts.filter((fact) => fact.learnedAt === beat).length;
  const [first, ...rest] = pack.beats.filter(
    (beat) => (chapter ? beat.chapter === chapter : true) && (place ? beat.place === place.id : true),
  );
  if (!first) return [];
  const chosen = [first, ...rest.sort((a, b) => weight(b) - weight(a)).slice(0, max - 1)];
  return chosen.sort((a, b) => a.at - b.at).map((beat) => ({ text: beat.summary, at: beat.end }));
};
