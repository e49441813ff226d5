import { UserError } from '../errors.js';
import type { Character, Pack } from '../story/pack.js';
import { fold, suggest } from './names.js';

/** What someone typed, safe to quote back: one line, short, and unable to ping anyone. */
export const quoted = (input: string): string => {
  const line = input.replace(/\s+/g, ' ').trim();
  const short = line.length > 60 ? `${line.slice(0, 59)}…` : line;
  return `"${short.replace(/@/g, '@\u200b')}"`;
};

const namesOf = (character: Character) => [character.id, character.name, ...character.aliases].map(fold);

/**
 * The character someone means, by name, alias or id; an unambiguous start of
 * one will do. Any alias is accepted here, since the asker typed it; only
 * the suggestions in an error are limited to what is safe at their position.
 */
export const findCharacter = (pack: Pack, input: string, seconds: number): Character => {
  const query = fold(input);
  if (query === '')
    throw new UserError(
      `Say which character you mean (for example name:${pack.characters[0]?.name ?? 'Ruth'}).`,
    );
  const exact = pack.characters.filter((character) => namesOf(character).includes(query));
  if (exact.length > 0) return exact.find((character) => fold(character.name) === query) ?? exact[0]!;
  // The start of a proper name beats the start of an alias: "rut" is Ruth, not "Ruth's original".
  const byName = pack.characters.filter((character) => fold(character.name).startsWith(query));
  if (byName.length === 1 && query.length >= 2) return byName[0]!;
  const starts = pack.characters.filter((character) =>
    namesOf(character).some((name) => name.startsWith(query)),
  );
  if (starts.length === 1 && query.length >= 2) return starts[0]!;
  const close = suggest(pack, seconds, input, 5).map((label) => label.character);
  const showable = close.filter((character) => starts.includes(character));
  if (starts.length > 1 && showable.length > 1)
    throw new UserError(`${quoted(input)} could be ${showable.map((c) => c.name).join(' or ')}. Say which.`);
  const others = suggest(pack, seconds, '', 8).map((label) => label.character.name);
  throw new UserError(
    `I don't know a character called ${quoted(input)} in ${pack.film.title}. ` +
      (close.length > 0
        ? `Did you mean ${close.map((c) => c.name).join(', ')}?`
        : `Try one of: ${others.join(', ') || 'the names in /film'}.`),
  );
};
