import type { Position } from '../position/position.js';
import { reply, strong, text, type Line, type Reply } from '../reply/model.js';
import type { Pack } from '../story/pack.js';
import { fullRecap } from './full.js';
import { beatLine, headerLine, partyWarning, untilText } from './layout.js';
import { seenBeats } from './seen.js';
import { shortRecap } from './short.js';

export type RecapLength = 'short' | 'full';

export interface RecapOptions {
  readonly length: RecapLength;
  /**
   * Where this channel's watch party is. Anything past it is spoiler-tagged,
   * after a plain warning, so a recap posted in the channel spoils nobody there.
   */
  readonly partySeconds?: number;
}

const nothingYet = (pack: Pack, seconds: number): Line[] => [
  [text(`Nothing to recap yet: at ${untilText(pack, seconds)}, ${pack.film.title} has only just begun.`)],
];

/** Beyond the party only matters when there is something past it. */
const partyFor = (seconds: number, partySeconds?: number) =>
  partySeconds !== undefined && partySeconds < seconds ? partySeconds : undefined;

/**
 * The story up to `seconds`, as lines: only beats whose end has been reached,
 * in film order. `short` fits one message (the "Catch me up" button uses it);
 * `full` is every scene under chapter headings, for a caller with room to spare.
 */
export const recapUntil = (pack: Pack, seconds: number, options: RecapOptions): Line[] => {
  const seen = seenBeats(pack, seconds);
  if (seen.length === 0) return nothingYet(pack, seconds);
  const party = partyFor(seconds, options.partySeconds);
  if (options.length === 'short') return shortRecap(pack, seconds, seen, party);
  const lines: Line[] = [headerLine(pack, seconds)];
  let chapter: string | undefined;
  let warned = false;
  for (const beat of seen) {
    const hidden = party !== undefined && beat.end > party;
    if (hidden && !warned && party !== undefined) {
      lines.push(partyWarning(party));
      warned = true;
    }
    if (beat.chapter.id !== chapter) lines.push([strong(beat.chapter.title)]);
    chapter = beat.chapter.id;
    lines.push(beatLine(beat, hidden));
  }
  return lines;
};

/** /recap's reply: `short` as one message, `full` as an embed per chapter within Discord's limits. */
export const recapReply = (pack: Pack, until: Position, options: RecapOptions): Reply => {
  const seen = seenBeats(pack, until.seconds);
  if (seen.length === 0) return reply(nothingYet(pack, until.seconds), { ephemeral: true });
  if (options.length === 'short') return reply(recapUntil(pack, until.seconds, options));
  const { embeds, condensed } = fullRecap(
    pack,
    until.seconds,
    seen,
    partyFor(until.seconds, options.partySeconds),
  );
  const lines: Line[] = [headerLine(pack, until.seconds)];
  if (condensed)
    lines.push([
      text('That is more than one message holds, so earlier chapters keep only their key scenes.'),
    ]);
  return reply(lines, { embeds });
};
