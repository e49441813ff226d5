import type { Pack } from '../story/pack.js';
import { formatFilmTime } from '../story/time.js';
import { spoiler, text, type Line } from '../reply/model.js';

/**
 * "Revealed later, in The Cottages (about 0:52):" says when, never what. The
 * label stays visible, so it names only the chapter's short title and the time.
 */
export const revealLabel = (at: number, pack: Pack): string =>
  `Revealed later, in ${pack.chapterAt(Math.max(0, at - 1)).title} (about ${formatFilmTime(at)}):`;

/** Something the viewer has not reached: the plain label, then the text behind spoiler bars. */
export const hiddenLine = (content: string, at: number, pack: Pack): Line => [
  text(`${revealLabel(at, pack)} `),
  spoiler(content),
];

/** Splits anything with a reveal time into what a viewer at position has seen and what is still ahead. */
export const splitByPosition = <T extends { readonly at: number }>(
  items: readonly T[],
  position: number,
) => ({
  known: items.filter((item) => item.at <= position),
  later: items.filter((item) => item.at > position),
});
