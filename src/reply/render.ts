import { bold, spoiler } from '@discordjs/formatters';
import { escapeText, escapeUserText } from './escape.js';
import { LIMITS } from './limits.js';
import type { Line, Reply, ReplyEmbed, Span } from './model.js';

/** A reply as Discord's API takes it; the console prints exactly this. */
export interface RenderedMessage {
  readonly content: string;
  readonly embeds: readonly RenderedEmbed[];
  readonly components: readonly RenderedRow[];
  readonly ephemeral: boolean;
  readonly allowedMentions: { parse: []; users?: string[]; roles?: string[] };
}
export interface RenderedEmbed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  color: number;
}
export interface RenderedRow {
  type: 1;
  components: { type: 2; style: 1 | 2 | 3 | 4; label: string; custom_id: string }[];
}

const BRAND_COLOR = 0x5b7a99;
const STYLES = { primary: 1, secondary: 2, success: 3, danger: 4 } as const;
const SHORTENED = '…';

const renderSpan = (span: Span): string => {
  switch (span.kind) {
    case 'text':
      return escapeText(span.text);
    case 'strong':
      return bold(escapeText(span.text));
    case 'user':
      return escapeUserText(span.text);
    case 'spoiler':
      // Escaping inside removes any "||" that would close the spoiler early.
      return spoiler(escapeText(span.text.replace(/\s*\n\s*/g, ' ')));
    case 'small':
      return `-# ${escapeText(span.text.replace(/\s*\n\s*/g, ' '))}`;
    case 'raw':
      return span.text;
  }
};

/** The longest prefix of a span that renders within budget; spoilers and raw spans are all or nothing. */
const fitSpan = (span: Span, budget: number): string | undefined => {
  const whole = renderSpan(span);
  if (whole.length <= budget) return whole;
  if (span.kind === 'spoiler' || span.kind === 'raw') return undefined;
  let low = 0;
  let high = Math.min(span.text.length, budget); // escaping only lengthens text
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (renderSpan({ ...span, text: span.text.slice(0, mid) }).length <= budget) low = mid;
    else high = mid - 1;
  }
  return low > 0 ? renderSpan({ ...span, text: span.text.slice(0, low) }) : undefined;
};

/**
 * Joins lines within a character limit. When something must go, whole spans go
 * from the end and an ellipsis says so: a spoiler is never cut open.
 */
export const renderLines = (lines: readonly Line[], limit: number): string => {
  const budget = limit - SHORTENED.length - 1;
  const out: string[] = [];
  let used = 0;
  for (const line of lines) {
    let rendered = '';
    const separator = out.length > 0 ? 1 : 0;
    for (const span of line) {
      const piece = fitSpan(span, budget - used - separator - rendered.length);
      if (piece === undefined || piece !== renderSpan(span)) {
        const kept = `${rendered}${piece ?? ''}`;
        if (kept) out.push(kept.trimEnd());
        return `${out.join('\n')}${out.length > 0 ? ' ' : ''}${SHORTENED}`;
      }
      rendered += piece;
    }
    out.push(rendered);
    used += rendered.length + separator;
  }
  return out.join('\n');
};

const clip = (value: string, limit: number) =>
  value.length <= limit ? value : `${value.slice(0, limit - 1)}${SHORTENED}`;

const renderEmbed = (embed: ReplyEmbed): RenderedEmbed => {
  const out: RenderedEmbed = { color: BRAND_COLOR };
  if (embed.title) out.title = clip(escapeText(embed.title), LIMITS.embedTitle);
  if (embed.description) out.description = renderLines(embed.description, LIMITS.embedDescription);
  if (embed.fields)
    out.fields = embed.fields.slice(0, LIMITS.embedFields).map((field) => ({
      name: clip(escapeText(field.name), LIMITS.fieldName),
      value: renderLines(field.value, LIMITS.fieldValue) || '\u200b',
      ...(field.inline ? { inline: true } : {}),
    }));
  if (embed.footer) out.footer = { text: clip(embed.footer, LIMITS.footer) };
  return out;
};

const embedSize = (embed: RenderedEmbed) =>
  (embed.title?.length ?? 0) +
  (embed.description?.length ?? 0) +
  (embed.footer?.text.length ?? 0) +
  (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);

/** The one way a reply becomes a message: escaped, spoilers wrapped, within Discord's limits, no stray pings. */
export const renderReply = (reply: Reply): RenderedMessage => {
  const embeds: RenderedEmbed[] = [];
  let total = 0;
  for (const embed of (reply.embeds ?? []).slice(0, LIMITS.embeds)) {
    const rendered = renderEmbed(embed);
    if (total + embedSize(rendered) > LIMITS.embedTotal) break;
    total += embedSize(rendered);
    embeds.push(rendered);
  }
  const buttons = (reply.buttons ?? []).slice(0, LIMITS.buttonsPerRow * LIMITS.rows);
  const components: RenderedRow[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow)
    components.push({
      type: 1,
      components: buttons.slice(i, i + LIMITS.buttonsPerRow).map((button) => ({
        type: 2,
        style: STYLES[button.style ?? 'secondary'],
        label: clip(button.label, LIMITS.buttonLabel),
        custom_id: button.customId.slice(0, LIMITS.customId),
      })),
    });
  const allowedMentions: RenderedMessage['allowedMentions'] = { parse: [] };
  if (reply.mentions?.users?.length) allowedMentions.users = [...reply.mentions.users].slice(0, 100);
  if (reply.mentions?.roles?.length) allowedMentions.roles = [...reply.mentions.roles].slice(0, 100);
  return {
    content: renderLines(reply.lines, LIMITS.content),
    embeds,
    components,
    ephemeral: reply.ephemeral ?? false,
    allowedMentions,
  };
};
