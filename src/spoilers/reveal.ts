import type { Pack } from '../story/pack.js';
import { formatFilmTime } from '../story/time.js';
import { spoiler, text, type Line } from '../reply/model.js';

/**
 * "Revealed later, in The Cottages (about 0:52):" says when, never what. The
 * label stays visible, so it names only the chapter's short title and the time.
 */
export const revealLabel = (at: number, pack: Pack): string =>
  `Revealed later, in ${pack.chapterAt(Math.max(0, at - 1)).title} (about ${formatFilmTime(at)}):`;

/**
 * Several things the viewer has not reached: one plain label, then all of them
 * behind one pair of bars. How many hidden lines there are, and when each falls,
 * would itself answer "does Ruth die?".
 */
export const hiddenTogether = (label: string, texts: readonly string[]): Line => [
  text(`${label} `),
  spoiler(texts.join(' ')),
];
