import type { Beat, Chapter, Pack } from '../story/pack.js';

/** The beats a viewer at `seconds` has seen: a beat counts once its end is reached, never before. */
export const seenBeats = (pack: Pack, seconds: number): Beat[] =>
  pack.beats.filter((beat) => beat.end <= seconds);

/** Beats grouped by chapter, keeping film order. */
export const byChapter = (beats: readonly Beat[]): { chapter: Chapter; beats: Beat[] }[] => {
  const groups: { chapter: Chapter; beats: Beat[] }[] = [];
  for (const beat of beats) {
    const last = groups.at(-1);
    if (last?.chapter.id === beat.chapter.id) last.beats.push(beat);
    else groups.push({ chapter: beat.chapter, beats: [beat] });
  }
  return groups;
};

/**
 * How much a beat matters to the story, for recaps that cannot keep every
 * scene. The pack has no ranking, so it is read off the data: the plot facts a
 * viewer learns there, a checkpoint pause after it, the scene that opens a
 * chapter, and how many of the credited cast are in it.
 */
export const importance = (pack: Pack): ((beat: Beat) => number) => {
  const learned = new Map<string, number>();
  for (const fact of pack.facts)
    if (fact.learnedAt) learned.set(fact.learnedAt.id, (learned.get(fact.learnedAt.id) ?? 0) + 1);
  const credited = new Set(pack.characters.filter((c) => c.actors.length > 0).map((c) => c.id));
  const pauses = new Set(pack.checkpoints.map((checkpoint) => checkpoint.afterBeat.id));
  const opensChapter = new Set(byChapter(pack.beats).map((group) => group.beats[0]!.id));
  return (beat) =>
    3 * (learned.get(beat.id) ?? 0) +
    (pauses.has(beat.id) ? 2 : 0) +
    (opensChapter.has(beat.id) ? 2 : 0) +
    0.5 * beat.characters.filter((id) => credited.has(id)).length;
};

/**
 * The beats to keep when not all fit: the highest priority first, each kept
 * only if the layout still fits. `seed` beats go in before the rest, so every
 * chapter keeps at least its key scene.
 */
export const fitBeats = (
  beats: readonly Beat[],
  priority: (beat: Beat) => number,
  fits: (chosen: readonly Beat[]) => boolean,
  seed: readonly Beat[] = [],
): Beat[] => {
  const inFilmOrder = (set: Set<Beat>) => beats.filter((beat) => set.has(beat));
  if (fits(beats)) return [...beats];
  const chosen = new Set<Beat>();
  const ranked = [...beats].sort((a, b) => priority(b) - priority(a) || b.index - a.index);
  for (const beat of [...seed, ...ranked]) {
    if (chosen.has(beat)) continue;
    chosen.add(beat);
    if (!fits(inFilmOrder(chosen))) chosen.delete(beat);
  }
  return inFilmOrder(chosen);
};
