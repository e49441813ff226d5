/**
 * Idioms that mean one word, so retrieval sees the word ("went out with" is a
 * relationship). Each becomes its lexicon group's own word, which no name resembles.
 */
const PHRASES: readonly [RegExp, string][] = [
  [/\b(go|goes|going|went|gone) out with\b/g, 'relationship'],
  [/\b(get|gets|got|getting) together with\b|\b(get|gets|got|getting) with\b/g, 'relationship'],
  [/\b(end|ends|ended|ending) up (together|with)\b/g, 'relationship'],
  [
    /\b(flip|flips|flipped|freak|freaks|freaked) out\b|\b(lose|loses|lost|losing) it\b|\b(blow|blows|blew) up\b/g,
    'outburst',
  ],
  [/\bpass(es|ed)? away\b/g, 'die'],
  [/\bface to face\b/g, 'meet'],
  // "The drive back", "driving home", "on the way home": the same journey.
  [/\b(drive|drives|driving|drove) (back|home)\b/g, 'drive homeward'],
  [/\b(way|journey|ride|trip) (back|home)\b/g, 'homeward'],
  [/\b(find|finds|found) out\b/g, 'learn'],
  [/\bwrap(s|ped)? up\b/g, 'end'],
];

// One question is read by several matchers, each normalising what it is given; the same few
// strings come back many times, so the last ones are remembered.
const recent = new Map<string, string>();
const RECENT = 512;

/** Lowercase, accents and markdown gone, curly quotes straightened: the form every matcher compares. */
export const normalizeText = (value: string): string => {
  let normal = recent.get(value);
  if (normal === undefined) {
    normal = normalize(value);
    if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
    recent.set(value, normal);
  }
  return normal;
};

const normalize = (value: string): string =>
  PHRASES.reduce(
    (text, [pattern, word]) => text.replace(pattern, word),
    // "sooo", "whyyy": a letter stretched at the end of a word is one letter; "Tommmy",
    // "cotttages": stretched inside a word, two.
    value
      .toLowerCase()
      .replace(/([a-z])\1{2,}(?![a-z])/g, '$1')
      .replace(/([a-z])\1{2,}/g, '$1$1'),
  )
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/<@[!&]?\d+>|<#\d+>|@(everyone|here)/g, ' ')
    .replace(/[^a-z0-9'\s-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export const words = (value: string): string[] =>
  normalizeText(value)
    .split(/[\s-]+/)
    .map((word) => word.replace(/^'+|'+$/g, '').replace(/'s$/, ''))
    .filter(Boolean);
