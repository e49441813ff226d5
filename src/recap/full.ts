import { text, type Line, type ReplyEmbed } from '../reply/model.js';
import { LIMITS } from '../reply/limits.js';
import type { Beat, Pack } from '../story/pack.js';
import { beatLine, embedSize, partyWarning, renderedLength, untilText } from './layout.js';
import { byChapter, fitBeats, importance } from './seen.js';

/** Below Discord's 6000-character total, so the renderer never has to drop an embed. */
const TOTAL_BUDGET = LIMITS.embedTotal - 100;

/** Lines into descriptions that each fit one embed, never splitting a line. */
const chunk = (lines: readonly Line[]): Line[][] => {
  const chunks: Line[][] = [[]];
  for (const line of lines) {
    const current = chunks.at(-1)!;
    if (current.length > 0 && renderedLength([...current, line]) > LIMITS.embedDescription)
      chunks.push([line]);
    else current.push(line);
  }
  return chunks;
};

const embeds = (
  pack: Pack,
  seconds: number,
  chosen: readonly Beat[],
  seen: readonly Beat[],
  party?: number,
) => {
  const hidden = (beat: Beat) => party !== undefined && beat.end > party;
  const totals = new Map(byChapter(seen).map((group) => [group.chapter.id, group.beats.length]));
  let warned = false;
  const out: ReplyEmbed[] = [];
  for (const { chapter, beats } of byChapter(chosen)) {
    const lines: Line[] = [];
    const total = totals.get(chapter.id) ?? beats.length;
    if (beats.length < total) lines.push([text(`(Condensed to fit: ${beats.length} of ${total} scenes.)`)]);
    for (const beat of beats) {
      if (hidden(beat) && !warned && party !== undefined) {
        lines.push(partyWarning(party));
        warned = true;
      }
      lines.push(beatLine(beat, hidden(beat)));
    }
    // Chapter titles are short names the pack schema keeps free of years and twists, and /film lists
    // them too: safe in an embed title, which Discord never hides.
    chunk(lines).forEach((description, i) =>
      out.push({ title: i === 0 ? chapter.title : `${chapter.title} (continued)`, description }),
    );
  }
  const last = out.at(-1);
  if (last)
    out[out.length - 1] = {
      ...last,
      footer: `Times are approximate. Nothing after ${untilText(pack, seconds)} is included.`,
    };
  return out;
};

const fits = (layout: readonly ReplyEmbed[]) =>
  layout.length <= LIMITS.embeds && layout.reduce((sum, embed) => sum + embedSize(embed), 0) <= TOTAL_BUDGET;

/**
 * Every scene so far, one embed per chapter with its time. When the whole
 * stretch is more than one message can hold, the latest chapter stays whole
 * and earlier ones keep their key scenes, each marked as condensed.
 */
export const fullRecap = (
  pack: Pack,
  seconds: number,
  seen: readonly Beat[],
  partySeconds?: number,
): { embeds: ReplyEmbed[]; condensed: boolean } => {
  const score = importance(pack);
  const chapters = byChapter(seen);
  const lastChapter = chapters.at(-1)?.chapter.id;
  // Each chapter's most important scene goes in first, so none disappears entirely.
  const seed = chapters.map((group) => [...group.beats].sort((a, b) => score(b) - score(a))[0]!);
  const chosen = fitBeats(
    seen,
    (beat) => score(beat) + (beat.chapter.id === lastChapter ? 100 : 0),
    (kept) => fits(embeds(pack, seconds, kept, seen, partySeconds)),
    seed,
  );
  return {
    embeds: embeds(pack, seconds, chosen, seen, partySeconds),
    condensed: chosen.length < seen.length,
  };
};
