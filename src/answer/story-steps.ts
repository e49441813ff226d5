import type { Beat, Chapter, Entity, Fact, Pack } from '../story/pack.js';
import { revealedAt } from '../story/pack.js';
import type { AnswerItem } from './engine.js';

const shared = (a: Fact, b: Fact) => a.about.filter((id) => b.about.includes(id)).length;

/**
 * What follows the fact an answer leads with. For "what happens when…" and "what
 * becomes of… after…", the story's next step and one from a later scene, so the
 * answer reaches the outcome; for "what did she tell them", the rest of a speech
 * told over several facts of the same scene.
 */
export const storyAfter = (
  pack: Pack,
  lead: Fact,
  { consequence, speech, keep }: { consequence: boolean; speech: boolean; keep: (fact: Fact) => boolean },
): Fact[] => {
  if (consequence) {
    const next = nextFact(pack, lead, { keep });
    const then = next && nextFact(pack, next, { laterScene: true, keep });
    return [next, then].filter((fact): fact is Fact => fact !== undefined);
  }
  const more = speech ? nextFact(pack, lead) : undefined;
  return more && more.learnedAt === lead.learnedAt ? [more] : [];
};

/**
 * The next thing the film shows about the same people, within a couple of scenes;
 * with `laterScene`, only from a scene after this fact's own; `keep` narrows the candidates.
 */
export const nextFact = (
  pack: Pack,
  fact: Fact,
  { laterScene = false, keep = () => true }: { laterScene?: boolean; keep?: (fact: Fact) => boolean } = {},
): Fact | undefined => {
  const from = fact.learnedAt;
  if (!from) return undefined;
  return (
    pack.facts
      .filter(
        (other) =>
          other !== fact &&
          keep(other) &&
          other.learnedAt !== null &&
          other.learnedAt.index >= from.index + (laterScene ? 1 : 0) &&
          other.learnedAt.index <= from.index + 2 &&
          other.about.some((id) => fact.about.includes(id)),
      )
      // In a later scene, the fact sharing most people and things with this one continues its thread.
      .sort(
        (a, b) =>
          revealedAt(a) - revealedAt(b) ||
          (a.learnedAt === from ? 0 : shared(b, fact) - shared(a, fact)) ||
          pack.facts.indexOf(a) - pack.facts.indexOf(b),
      )
      .find(
        (other) =>
          other.learnedAt!.index > from.index || pack.facts.indexOf(other) > pack.facts.indexOf(fact),
      )
  );
};

/**
 * "What goes on by the sea": the scenes there cut into `max` stretches in film
 * order, and from each its weightiest scene (the most facts learned, counted once
 * per seed that tells them), so the recap runs from start to end rather than
 * dwelling on its busiest stretch. The first stretch opens with its first scene.
 */
export const sceneRecap = (
  pack: Pack,
  chapter: Chapter | undefined,
  place: Entity | undefined,
  max: number,
): AnswerItem[] => {
  // What all three seeds recount is central to the story; a detail only one of them gives is not.
  const weight = (beat: Beat) =>
    pack.facts.reduce((sum, fact) => sum + (fact.learnedAt === beat ? fact.sources.length : 0), 0);
  const beats = pack.beats.filter(
    (beat) => (chapter ? beat.chapter === chapter : true) && (place ? beat.place === place.id : true),
  );
  const stretches = Math.min(max, beats.length);
  const chosen = Array.from({ length: stretches }, (_, i) => {
    const stretch = beats.slice(
      Math.floor((i * beats.length) / stretches),
      Math.floor(((i + 1) * beats.length) / stretches),
    );
    return i === 0
      ? stretch[0]!
      : stretch.reduce((best, beat) => (weight(beat) > weight(best) ? beat : best));
  });
  return chosen.map((beat) => ({ text: beat.summary, at: beat.end }));
};

/**
 * "Summarise the Cottages", "what's part three about": the watch-party recaps
 * written for that part, which tell its turning points in order; a part with
 * no checkpoint (the short opening) falls back to its scenes.
 */
export const partRecap = (pack: Pack, chapter: Chapter, max: number): AnswerItem[] => {
  const recaps = pack.checkpoints.filter((checkpoint) => checkpoint.chapter === chapter);
  return recaps.length > 0
    ? recaps.map((checkpoint) => ({ text: checkpoint.recap, at: checkpoint.at }))
    : sceneRecap(pack, chapter, undefined, max);
};
