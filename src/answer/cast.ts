import type { Character } from '../story/pack.js';

const as = { adult: ' as an adult', child: ' as a child', both: '' } as const;

const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** "Ruth is played by Keira Knightley as an adult and Ella Purnell as a child." Credits are never spoilers. */
export const castSentence = (character: Character): string | undefined =>
  character.actors.length === 0
    ? undefined
    : `${character.name} is played by ${list(character.actors.map((actor) => `${actor.name}${as[actor.plays]}`))}.`;

/** "Carey Mulligan plays Kathy H. as an adult." */
export const roleSentence = (actor: string, character: Character): string => {
  const credit = character.actors.find((entry) => entry.name === actor);
  return `${actor} plays ${character.name}${credit ? as[credit.plays] : ''}.`;
};
