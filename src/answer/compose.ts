import { describePosition, type Position, type PositionSource } from '../position/position.js';
import { raw, reply, spoiler, strong, text, user, type Line, type Reply } from '../reply/model.js';
import { hiddenLine, splitByPosition } from '../spoilers/reveal.js';
import type { Pack } from '../story/pack.js';
import type { Answer } from './engine.js';

const SOURCE_NOTE: Record<PositionSource, string> = {
  option: '',
  progress: ' (your saved /progress)',
  party: " (this channel's watch party)",
  default: ': you gave no position, so I hid the whole film. Add watched: or use /progress set',
};

/**
 * Turns an answer into a reply for a viewer at a position. Facts they have seen
 * are plain; later ones sit behind spoiler bars after a label that says only when.
 */
export const composeAnswer = (
  question: string,
  answer: Answer,
  pack: Pack,
  position: Position,
  source: PositionSource,
): Reply => {
  const lines: Line[] = [[strong('Q:'), text(' '), user(question)]];
  if (answer.kind === 'none') {
    lines.push([
      text(`I don't know that: nothing in my notes on ${pack.film.title} answers it, and I won't guess.`),
    ]);
    if (answer.suggestions.length > 0)
      lines.push([
        text(`I can answer questions like: ${answer.suggestions.map((s) => `“${s}”`).join(', ')}.`),
      ]);
  }
  if (answer.kind === 'answer') {
    const { known, later } = splitByPosition(answer.items, position.seconds);
    if (known.length > 0) lines.push([text(known.map((item) => item.text).join(' '))]);
    else lines.push([text("Nothing you've watched so far answers that.")]);
    for (const item of later) lines.push(hiddenLine(item.text, item.at, pack));
    // Where the sources disagree the note may touch on anything, so it is always hidden.
    for (const item of answer.items)
      if (item.caveat) lines.push([text('Sources differ: '), spoiler(item.caveat)]);
  }
  lines.push([
    raw('-# '),
    text(
      `Answered for a viewer at ${describePosition(position, pack.film.runtimeSeconds)}${SOURCE_NOTE[source]}. Film times are approximate.`,
    ),
  ]);
  return reply(lines);
};
