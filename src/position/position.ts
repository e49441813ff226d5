import type { Chapter } from '../story/pack.js';
import { formatFilmTime } from '../story/time.js';

/** How far into the film someone is. A chapter position means "through the end of that chapter". */
export interface Position {
  readonly seconds: number;
  readonly chapter?: Chapter;
}

/** Where a viewer's position came from, so a reply can say "(your saved /progress)". */
export type PositionSource = 'option' | 'progress' | 'party' | 'default';

/** What follows "at 0:45" in a reply, so the asker sees where the position came from. */
export const SOURCE_NOTE: Record<PositionSource, string> = {
  option: '',
  progress: ' (your saved /progress)',
  party: " (this channel's watch party)",
  default:
    ': you gave no position, so everything after the start is hidden. Add watched: or use /progress set',
};

export const atSeconds = (seconds: number): Position => ({ seconds });

/** "1:05", or "the end of The Cottages (1:04)" for a chapter position. */
export const describePosition = (position: Position, runtimeSeconds: number): string => {
  if (position.chapter)
    return `the end of ${position.chapter.title} (about ${formatFilmTime(position.seconds)})`;
  if (position.seconds <= 0) return 'the start (nothing watched yet)';
  if (position.seconds >= runtimeSeconds) return `the end (${formatFilmTime(runtimeSeconds)})`;
  return formatFilmTime(position.seconds);
};
