import { describePosition } from '../position/position.js';
import { escapeText } from '../reply/escape.js';
import { spoiler, strong, text, type Line, type ReplyEmbed } from '../reply/model.js';
import { renderLines } from '../reply/render.js';
import type { Beat, Pack } from '../story/pack.js';
import { formatFilmTime } from '../story/time.js';

const lineLengths = new WeakMap<Line, number>();
const lineLength = (line: Line): number => {
  let length = lineLengths.get(line);
  if (length === undefined)
    lineLengths.set(line, (length = renderLines([line], Number.MAX_SAFE_INTEGER).length));
  return length;
};

/**
 * Characters a set of lines takes once rendered (escaped, spoilers wrapped),
 * uncut. Fitting a full recap measures the same lines hundreds of times, so
 * each line's length is worked out once.
 */
export const renderedLength = (lines: readonly Line[]): number =>
  lines.length === 0 ? 0 : lines.reduce((sum, line) => sum + lineLength(line), lines.length - 1);

/** What an embed counts against Discord's 6000-character total for a message. */
export const embedSize = (embed: ReplyEmbed): number =>
  escapeText(embed.title ?? '').length +
  renderedLength(embed.description ?? []) +
  (embed.footer?.length ?? 0);

/** "the end of Hailsham School, 1978 (about 0:36)" when a chapter ends there, else the time. */
export const untilText = (pack: Pack, seconds: number): string => {
  const chapter = pack.chapters.find((c) => c.end === seconds && seconds < pack.film.runtimeSeconds);
  return describePosition(chapter ? { seconds, chapter } : { seconds }, pack.film.runtimeSeconds);
};

export const headerLine = (pack: Pack, seconds: number): Line => [
  strong('The story so far'),
  text(` in ${pack.film.title}, up to ${untilText(pack, seconds)}:`),
];

/** Said in plain text before anything the channel's watch party has not reached. */
export const partyWarning = (partySeconds: number): Line => [
  strong('Spoiler warning'),
  text(
    `: this channel's watch party is only at about ${formatFilmTime(partySeconds)}. What follows is hidden in case others here haven't seen it yet.`,
  ),
];

const beatLines = new WeakMap<Beat, { plain?: Line; hidden?: Line }>();

/** "0:29 In class Miss Lucy says…", the scene itself behind spoiler bars when hidden. */
export const beatLine = (beat: Beat, hidden: boolean): Line => {
  // The same line object each time, so its measured length is reused.
  const cached = beatLines.get(beat) ?? {};
  const line = (cached[hidden ? 'hidden' : 'plain'] ??= hidden
    ? [strong(formatFilmTime(beat.at)), text(' '), spoiler(beat.summary)]
    : [strong(formatFilmTime(beat.at)), text(` ${beat.summary}`)]);
  beatLines.set(beat, cached);
  return line;
};
