import type { Mention } from './entities.js';
import { questionWordOf } from './intent.js';
import { words } from './text.js';

/** A message in pieces: the ones that ask something, and the chat around them. */
export interface MessageParts {
  readonly asking: readonly string[];
  readonly chat: readonly string[];
}

// Sentences, dashes and "… or did I …" always part a message; a comma only sometimes.
const MAY_BREAK = /[?!;,.\u2013\u2014-]|\sor\s/;
const BREAK = /[?!;]+|\.\s|\s[-–—]\s|\s+or\s+(?=(?:did|do|does|is|was|am|are|were|has|have)\b)/;
// Words that mark a piece as the asker talking ("I cried", "she seems nice"), not a list.
const CHAT_MARKERS = new Set(
  'i im me my you your she he her him his hers they them their it its shes hes theyre'.split(' '),
);
const POINTING_BACK = new Set('she he her him his hers they them their it its shes hes theyre'.split(' '));

const asks = (piece: string) => questionWordOf(piece) !== 'other';

/**
 * "Who plays Kathy, Ruth and Tommy" is one question; "Miss Lucy seems nice, does
 * she stay long" is chat then a question. A comma parts a message only where the
 * piece after it asks something or is the asker talking; otherwise it lists.
 */
const commaPieces = (sentence: string): string[] =>
  sentence.split(',').reduce<string[]>((pieces, piece) => {
    const typed = words(piece);
    const separate = asks(piece) || typed.some((word) => CHAT_MARKERS.has(word));
    if (pieces.length > 0 && !separate) pieces[pieces.length - 1] += `,${piece}`;
    else pieces.push(piece);
    return pieces;
  }, []);

/** The pieces of a message with two words or more; a message in one piece is just a question. */
export const messageParts = (message: string): MessageParts => {
  // Most questions are one piece: nothing to split, and nothing to normalise twice.
  if (!MAY_BREAK.test(message)) return { asking: [], chat: [] };
  const pieces = message
    .split(BREAK)
    .flatMap((sentence) => commaPieces(sentence ?? ''))
    .map((piece) => piece.trim())
    .filter((piece) => words(piece).length >= 2);
  if (pieces.length < 2) return { asking: [], chat: [] };
  return { asking: pieces.filter(asks), chat: pieces.filter((piece) => !asks(piece)) };
};

/** A piece that names no character and points back with a pronoun needs the rest of the message. */
export const dependsOnChat = (piece: string, mentions: readonly Mention[]): boolean =>
  !mentions.some((m) => m.type === 'actor' || (m.type === 'entity' && m.entity.kind === 'character')) &&
  words(piece).some((word) => POINTING_BACK.has(word));
