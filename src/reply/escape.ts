/*
 * Markdown escaping for everything the bot did not format itself. Not
 * escapeMarkdown from @discordjs/formatters: it runs dozens of regex passes
 * (about 7 ms for 4 KB of prose here), which alone would blow /ask's latency
 * budget; one pass with a backslash before each markdown character is enough,
 * since Discord honours a backslash before any ASCII punctuation.
 */
const INLINE = /[\\*_~`|[\]<]/g;
const LINE_MARKERS = /^([ \t]*)(?:([>#+-])|(\d+)\.)/gm;
const MASS_MENTION = /@(everyone|here)/gi;

/**
 * The bot's own text: every markdown character shown literally, spoiler bars
 * included, and mass mentions broken with a zero-width space so no client shows
 * them as pings, whatever allowed_mentions says. Error messages quote what a
 * user typed ("I can't read "@here" as a point in the film"), so this matters
 * for the bot's text too, not only for user spans.
 */
export const escapeText = (value: string): string =>
  value
    .replace(INLINE, '\\$&')
    .replace(LINE_MARKERS, (_match, space: string, marker?: string, digits?: string) =>
      marker ? `${space}\\${marker}` : `${space}${digits}\\.`,
    )
    .replace(MASS_MENTION, '@\u200b$1');

// Direction overrides would let typed text reorder what is shown around it.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// A bare link in an echoed question would be live, and Discord would preview it.
const LINK_SCHEME = /\b([a-z][a-z0-9+.-]*)(:\/\/)/gi;

/** Text a user typed: one line without direction controls or live links, then escaped as above. */
export const escapeUserText = (value: string): string =>
  escapeText(
    value
      .replace(BIDI_CONTROLS, '')
      .replace(/[\s\u0085]+/g, ' ')
      .trim()
      .replace(LINK_SCHEME, '$1\u200b$2'),
  );
