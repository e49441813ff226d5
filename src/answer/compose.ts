import { describePosition, SOURCE_NOTE, type Position, type PositionSource } from '../position/position.js';
import { reply, small, spoiler, strong, text, user, type Line, type Reply } from '../reply/model.js';
import { hiddenTogether, revealLabel } from '../spoilers/reveal.js';
import type { Pack } from '../story/pack.js';
import { formatFilmTime } from '../story/time.js';
import type { Answer, AnswerItem } from './engine.js';

export interface Audience {
  /** How far the asker has watched: what may be plain for them. */
  readonly position: Position;
  readonly source: PositionSource;
  /**
   * For a public reply in a channel with a watch party behind the asker: the
   * party's position. Plain text then stops there, so the asker cannot spoil the room.
   */
  readonly partySeconds?: number;
}

const texts = (items: readonly AnswerItem[]) => items.map((item) => item.text);

/**
 * Turns an answer into a reply. What the audience has seen is plain; the rest
 * sits behind spoiler bars after a label that says only when.
 */
export const composeAnswer = (question: string, answer: Answer, pack: Pack, audience: Audience): Reply => {
  const { position, source, partySeconds } = audience;
  const shown = Math.min(position.seconds, partySeconds ?? Infinity);
  const lines: Line[] = [[strong('Q:'), text(' '), user(question)]];
  if (answer.kind === 'none') {
    const why = answer.reason ?? `nothing in my notes on ${pack.film.title} answers it`;
    lines.push([text(`I don't know that: ${why}, and I won't guess.`)]);
    if (answer.suggestions.length > 0)
      lines.push([
        text(`I can answer questions like: ${answer.suggestions.map((s) => `“${s}”`).join(', ')}.`),
      ]);
  }
  if (answer.kind === 'answer') {
    const known = answer.items.filter((item) => item.at <= shown);
    const pastParty = answer.items.filter((item) => item.at > shown && item.at <= position.seconds);
    const later = answer.items.filter((item) => item.at > position.seconds);
    if (known.length > 0) lines.push([text(known.map((item) => item.text).join(' '))]);
    else if (pastParty.length === 0) lines.push([text("Nothing you've watched so far answers that.")]);
    if (pastParty.length > 0 && partySeconds !== undefined)
      lines.push(
        hiddenTogether(
          `Past this channel's watch party (at ${formatFilmTime(partySeconds)}):`,
          texts(pastParty),
        ),
      );
    const first = later[0];
    if (first)
      lines.push(hiddenTogether(revealLabel(Math.min(...later.map((item) => item.at)), pack), texts(later)));
    // Where the sources disagree the note may touch on anything, so it is always hidden.
    const caveats = [...new Set(answer.items.flatMap((item) => (item.caveat ? [item.caveat] : [])))];
    for (const caveat of caveats) lines.push([text('Sources differ: '), spoiler(caveat)]);
  }
  lines.push([
    small(
      `Answered for a viewer at ${describePosition(position, pack.film.runtimeSeconds)}${SOURCE_NOTE[source]}. Film times are approximate.`,
    ),
  ]);
  return reply(lines);
};
