import { UserError } from '../errors.js';
import { fold } from '../text/fold.js';
import type { Chapter, Pack } from '../story/pack.js';
import { formatFilmTime } from '../story/time.js';
import { parseDuration } from '../time/duration.js';
import type { Position } from './position.js';

const normalize = fold;

const chapterNames = (chapter: Chapter) =>
  [chapter.id, chapter.title, chapter.caption ?? '', ...chapter.aliases].map(normalize).filter(Boolean);

/** Seconds for the clock and duration forms, or undefined when the text is none of them. */
/** Seconds for the clock and duration forms, most likely reading first; empty when the text is none of them. */
const readTime = (text: string): number[] => {
  const compact = text.trim().toLowerCase();
  if (/^\d{1,3}$/.test(compact)) return [Number(compact) * 60]; // a bare number is minutes: "45"
  const clock = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/.exec(compact);
  if (clock) {
    const [, a, b, c] = clock;
    if (c !== undefined) return [Number(a) * 3600 + Number(b) * 60 + Number(c)];
    const minutesSeconds = Number(a) * 60 + Number(b);
    // "0:45" and "1:05" read as H:MM; "65:00" can only be MM:SS, and "05:30" (a player's
    // display) falls back to MM:SS when H:MM would run past the film.
    return Number(a) < 10 ? [Number(a) * 3600 + Number(b) * 60, minutesSeconds] : [minutesSeconds];
  }
  const duration = parseDuration(compact);
  return duration === undefined ? [] : [duration];
};

export const acceptedForms = (pack: Pack): string =>
  `start, end, a time such as 45m, 1h05m, 1:05:00, 65:00 or 0:45, or a chapter: ${pack.chapters
    .map((chapter) => chapter.id)
    .join(', ')}`;

/**
 * The one parser for "how far into the film". Throws a UserError that lists the
 * accepted forms, so every command explains bad input the same way.
 */
export const parsePosition = (
  input: string,
  pack: Pack,
  { chapter: chapterMeans = 'end' }: { chapter?: 'start' | 'end' } = {},
): Position => {
  const runtime = pack.film.runtimeSeconds;
  const text = normalize(input);
  if (text === '') throw new UserError(`Say how far into the film you are: ${acceptedForms(pack)}.`);
  if (['start', 'beginning', 'nothing', 'none', '0'].includes(text)) return { seconds: 0 };
  if (['end', 'finish', 'finished', 'all', 'everything', 'credits'].includes(text))
    return { seconds: runtime };

  const readings = readTime(input);
  if (readings.length > 0) {
    const seconds = readings.find((reading) => reading <= runtime);
    if (seconds === undefined)
      throw new UserError(
        `${input.trim()} is past the end of ${pack.film.title}, which runs ${formatFilmTime(runtime)}. Use end if you have seen it all.`,
      );
    return { seconds };
  }

  const exact = pack.chapters.filter((chapter) => chapterNames(chapter).includes(text));
  const matches =
    exact.length > 0
      ? exact
      : text.length >= 3
        ? pack.chapters.filter((chapter) => chapterNames(chapter).some((name) => name.startsWith(text)))
        : [];
  // A club syncing to "cottages" means it is starting that chapter; a viewer saying it has watched it.
  if (matches.length === 1)
    return chapterMeans === 'start'
      ? { seconds: matches[0]!.start }
      : { seconds: matches[0]!.end, chapter: matches[0]! };
  if (matches.length > 1)
    throw new UserError(
      `"${input.trim()}" could be ${matches.map((chapter) => chapter.id).join(' or ')}; say which.`,
    );
  throw new UserError(`I can't read "${input.trim()}" as a point in the film. Use ${acceptedForms(pack)}.`);
};
