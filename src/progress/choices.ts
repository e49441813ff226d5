import type { Choice } from '../command/context.js';
import { fold } from '../text/fold.js';
import { parsePosition } from '../position/parse.js';
import { describePosition } from '../position/position.js';
import type { Pack } from '../story/pack.js';
import { formatFilmTime } from '../story/time.js';

/**
 * Suggestions while typing a position: what was typed, read back, when it is a
 * time; otherwise start, each chapter and end. Chapter titles are short names
 * the pack schema keeps free of years and twists, listed by /film too.
 */
export const positionChoices = (pack: Pack, typed: string): Choice[] => {
  const runtime = pack.film.runtimeSeconds;
  const fixed: Choice[] = [
    { name: 'start (nothing watched yet)', value: 'start' },
    ...pack.chapters.map((chapter) => ({
      name: `${chapter.title} (to about ${formatFilmTime(chapter.end)})`,
      value: chapter.id,
    })),
    { name: `end (${formatFilmTime(runtime)}, seen it all)`, value: 'end' },
  ];
  const query = fold(typed);
  const matching = fixed.filter((choice) => fold(`${choice.value} ${choice.name}`).includes(query));
  return [...readBack(pack, typed), ...matching].slice(0, 25);
};

/** "45m" → "45m: 0:45", so the viewer sees how it was read before sending. */
const readBack = (pack: Pack, typed: string): Choice[] => {
  if (!/\d/.test(typed) || typed.length > 20) return [];
  try {
    const position = parsePosition(typed, pack);
    const name = `${typed.trim()}: ${describePosition(position, pack.film.runtimeSeconds)}`;
    return [{ name, value: typed.trim() }];
  } catch {
    return [];
  }
};
