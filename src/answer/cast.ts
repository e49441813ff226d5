import { creditPhrase } from '../film/credits.js';
import type { Character, Film, Pack } from '../story/pack.js';

export const listWords = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** "Ruth is played by Keira Knightley as an adult and Ella Purnell as a child." Credits are never spoilers. */
export const castSentence = (character: Character): string =>
  character.actors.length === 0
    ? `My notes don't credit an actor for ${character.name}.`
    : `${character.name} is played by ${listWords(character.actors.map((actor) => `${actor.name}${creditPhrase[actor.plays]}`))}.`;

/** "Carey Mulligan plays Kathy H. as an adult." */
export const roleSentence = (actor: string, character: Character): string => {
  const credit = character.actors.find((entry) => entry.name === actor);
  return `${actor} plays ${character.name}${credit ? creditPhrase[credit.plays] : ''}.`;
};

/** The whole credited cast, grown-ups first, in the pack's order. */
export const castListSentence = (pack: Pack): string => {
  const credits = (plays: 'adult' | 'child') =>
    pack.characters.flatMap((c) =>
      c.actors.filter((a) => a.plays === plays || a.plays === 'both').map((a) => `${a.name} (${c.name})`),
    );
  const children = credits('child');
  return `${pack.film.title} stars ${listWords(credits('adult'))}${children.length ? `; as children: ${listWords(children)}` : ''}.`;
};

/** "Never Let Me Go (2010), directed by Mark Romanek from Alex Garland's screenplay, based on …" */
export const filmSentence = (film: Film): string =>
  `${film.title} (${film.year}), directed by ${film.director} from ${film.screenplay}'s screenplay` +
  (film.basedOn ? `, based on the ${film.basedOn.form} by ${film.basedOn.author}` : '') +
  `; ${film.runtimeMinutes} minutes.`;
