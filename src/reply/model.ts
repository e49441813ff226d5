/**
 * What a command answers, before it becomes a Discord message. Commands build
 * replies from spans and never write markdown or spoiler bars by hand: the
 * renderer escapes, wraps and trims, so a reply cannot leak or ping by mistake.
 */
export type Span =
  /** The bot's own words or pack text: escaped, shown as written. */
  | { readonly kind: 'text'; readonly text: string }
  /** Shown in bold: headings and labels the bot writes. */
  | { readonly kind: 'strong'; readonly text: string }
  /** Something a user typed: escaped, flattened to one line, mentions defused. */
  | { readonly kind: 'user'; readonly text: string }
  /** Hidden behind Discord's spoiler bars until clicked. */
  | { readonly kind: 'spoiler'; readonly text: string }
  /** Small grey subtext (Discord's "-# "); it must start its line. */
  | { readonly kind: 'small'; readonly text: string }
  /** Already-formatted Discord syntax the bot builds itself, such as <t:1700000000:R>. */
  | { readonly kind: 'raw'; readonly text: string };

export type Line = readonly Span[];

export interface ReplyEmbed {
  /** Plain text only: Discord shows titles unhidden, even in notifications. */
  readonly title?: string;
  readonly description?: readonly Line[];
  readonly fields?: readonly {
    readonly name: string;
    readonly value: readonly Line[];
    readonly inline?: boolean;
  }[];
  readonly footer?: string;
}

export interface ReplyButton {
  readonly customId: string;
  readonly label: string;
  readonly style?: 'primary' | 'secondary' | 'success' | 'danger';
}

export interface Reply {
  readonly lines: readonly Line[];
  readonly embeds?: readonly ReplyEmbed[];
  readonly buttons?: readonly ReplyButton[];
  readonly ephemeral?: boolean;
  /** Who may be pinged. Nobody unless a command names them (a watch party's opt-in list). */
  readonly mentions?: { readonly users?: readonly string[]; readonly roles?: readonly string[] };
}

export const text = (value: string): Span => ({ kind: 'text', text: value });
export const strong = (value: string): Span => ({ kind: 'strong', text: value });
export const user = (value: string): Span => ({ kind: 'user', text: value });
export const spoiler = (value: string): Span => ({ kind: 'spoiler', text: value });
export const raw = (value: string): Span => ({ kind: 'raw', text: value });
export const small = (value: string): Span => ({ kind: 'small', text: value });

/** A reply from lines; a plain string becomes one text line. */
export const reply = (lines: readonly (Line | string)[], extra: Omit<Reply, 'lines'> = {}): Reply => ({
  lines: lines.map((line) => (typeof line === 'string' ? [text(line)] : line)),
  ...extra,
});

/** The shape every user-facing error takes: ephemeral, one clear message. */
export const errorReply = (message: string): Reply => reply([message], { ephemeral: true });
