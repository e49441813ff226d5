import { PartyRepository } from '../party/repository.js';
import { clearProgress } from '../progress/progress.js';
import type { Store } from '../store/store.js';
import type { FilmLibrary } from '../story/library.js';
import { isSnowflake } from '../snowflake.js';

/** What was removed for one user. */
export interface Forgotten {
  /** Films whose saved progress was deleted. */
  readonly progress: readonly string[];
  /** Watch parties whose "Remind me" list no longer holds the user. */
  readonly reminders: readonly string[];
}

export const isUserId = isSnowflake;

/**
 * Removes what the store holds about one user: their progress in every film of
 * the library (`progress:<film>:<user>`) and their place on the "Remind me" list
 * of every active watch party, which lives inside each party's record and is
 * changed through the party repository, not by key.
 */
export const forgetUser = async (store: Store, films: FilmLibrary, userId: string): Promise<Forgotten> => {
  if (!isUserId(userId)) throw new Error(`"${userId}" is not a Discord user id (17 to 20 digits)`);
  const progress: string[] = [];
  for (const pack of films.films) if (await clearProgress(store, pack, userId)) progress.push(pack.film.id);

  const parties = new PartyRepository(store);
  const reminders: string[] = [];
  for (const channelId of await parties.activeChannels()) {
    const record = await parties.load(channelId);
    if (!record?.remind.includes(userId)) continue;
    await parties.save({ ...record, remind: record.remind.filter((id) => id !== userId) });
    reminders.push(record.id);
  }
  return { progress, reminders };
};
