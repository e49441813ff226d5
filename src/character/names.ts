import { fold } from '../text/fold.js';
import type { Character, Pack } from '../story/pack.js';

export { fold };

/**
 * Whether a character's name may be shown to a viewer at `seconds`: once they
 * have been on screen, or from the start if the cast list (on /film) already
 * names them. Aliases are never shown before the end: some, like "the teacher
 * who got fired", are spoilers in themselves, and they have no time of their own.
 */
export const nameIsSafe = (character: Character, seconds: number): boolean =>
  character.actors.length > 0 || character.introducedAt.end <= seconds;

export interface Label {
  readonly character: Character;
  /** What the viewer sees in a suggestion. */
  readonly text: string;
  /** What typing is matched against. */
  readonly match: string;
}

/** Everything that may be suggested at this position: safe canonical names, and every alias at the end. */
export const safeLabels = (pack: Pack, seconds: number): Label[] => {
  const atEnd = seconds >= pack.film.runtimeSeconds;
  return pack.characters.flatMap((character) => [
    ...(nameIsSafe(character, seconds) ? [{ character, text: character.name, match: character.name }] : []),
    ...(atEnd
      ? character.aliases.map((alias) => ({ character, text: `${alias} (${character.name})`, match: alias }))
      : []),
  ]);
};

/** Edit distance with swapped neighbours counted as one slip ("Ruht" is one away from "Ruth"). */
const distance = (a: string, b: string): number => {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
};

/** How well a query matches a label: 0 exact, then prefix, word prefix, substring, typo; undefined for no match. */
export const matchScore = (query: string, label: string): number | undefined => {
  const q = fold(query);
  const l = fold(label);
  if (q === '') return 4;
  if (l === q) return 0;
  if (l.startsWith(q)) return 1;
  const words = l.split(' ');
  if (words.some((word) => word.startsWith(q))) return 2;
  if (l.includes(q)) return 3;
  // A typo: one slip in a short name, two in a longer one, against a whole word or its start.
  const max = q.length <= 4 ? 1 : 2;
  const near = (part: string) => Math.min(distance(q, part), distance(q, part.slice(0, q.length))) <= max;
  if (q.length >= 3 && [l, ...words].some(near)) return 5;
  return undefined;
};

/** The best safe labels for what was typed, one per character, best first. */
export const suggest = (pack: Pack, seconds: number, typed: string, limit = 25): Label[] => {
  const best = new Map<string, { label: Label; score: number; order: number }>();
  safeLabels(pack, seconds).forEach((label, order) => {
    const score = matchScore(typed, label.match);
    const current = best.get(label.character.id);
    if (score !== undefined && (!current || score < current.score))
      best.set(label.character.id, { label, score, order });
  });
  return [...best.values()]
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .slice(0, limit)
    .map((entry) => entry.label);
};
