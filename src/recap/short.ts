import { spoiler, strong, text, type Line } from '../reply/model.js';
import { LIMITS } from '../reply/limits.js';
import type { Beat, Pack } from '../story/pack.js';
import { headerLine, partyWarning, renderedLength } from './layout.js';
import { byChapter, fitBeats, importance } from './seen.js';

/** Room kept back from the 2000-character message limit, for a caller's closing hint. */
const SHORT_BUDGET = LIMITS.content - 150;

/** A beat's first sentence, skipping an opening "Caption: ..." the chapter heading already gives. */
export const gist = (summary: string): string => {
  const sentences = summary.split(/(?<=[.!?]["”]?)\s+(?=["“]?[A-Z])/);
  const story = sentences.filter((sentence) => !/^Caption:/.test(sentence));
  return story[0] ?? summary;
};

type Telling = (beat: Beat) => string;

const lines = (
  pack: Pack,
  seconds: number,
  chosen: readonly Beat[],
  total: number,
  tell: Telling,
  partySeconds?: number,
) => {
  const hidden = (beat: Beat) => partySeconds !== undefined && beat.end > partySeconds;
  const open = byChapter(chosen.filter((beat) => !hidden(beat)));
  const later = byChapter(chosen.filter(hidden));
  const out: Line[] = [headerLine(pack, seconds)];
  for (const group of open)
    out.push([strong(group.chapter.title), text(`: ${group.beats.map(tell).join(' ')}`)]);
  if (later.length > 0 && partySeconds !== undefined) {
    out.push(partyWarning(partySeconds));
    for (const group of later) {
      const continued = open.some((o) => o.chapter.id === group.chapter.id) ? ' (continued)' : '';
      out.push([
        strong(`${group.chapter.title}${continued}`),
        text(': '),
        spoiler(group.beats.map(tell).join(' ')),
      ]);
    }
  }
  if (chosen.length < total)
    out.push([text(`(Key scenes only: ${chosen.length} of ${total}. The full recap has more.)`)]);
  return out;
};

/**
 * The story so far in one message: a paragraph per chapter. Every scene in
 * full when that fits; otherwise the first sentence of the scenes that matter
 * most: each chapter's key scene and the latest one (so the reader knows where
 * they are) first. Sentences are kept whole, never cut.
 */
export const shortRecap = (
  pack: Pack,
  seconds: number,
  seen: readonly Beat[],
  partySeconds?: number,
): Line[] => {
  const whole = lines(pack, seconds, seen, seen.length, (beat) => beat.summary, partySeconds);
  if (renderedLength(whole) <= SHORT_BUDGET) return whole;
  const score = importance(pack);
  const latest = seen.at(-1);
  const seed = [
    ...(latest ? [latest] : []),
    ...byChapter(seen).map((group) => [...group.beats].sort((a, b) => score(b) - score(a))[0]!),
  ];
  const chosen = fitBeats(
    seen,
    score,
    (kept) =>
      renderedLength(lines(pack, seconds, kept, seen.length, (beat) => gist(beat.summary), partySeconds)) <=
      SHORT_BUDGET,
    seed,
  );
  return lines(pack, seconds, chosen, seen.length, (beat) => gist(beat.summary), partySeconds);
};
