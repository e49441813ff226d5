import { z } from 'zod';
import type { Position } from '../position/position.js';
import { storeKey } from '../store/keys.js';
import type { Store } from '../store/store.js';
import type { Pack } from '../story/pack.js';

/** How far one viewer has got in one film, as saved. Times are film seconds; savedAt is the app clock. */
const SavedProgress = z.object({
  seconds: z.number().int().nonnegative(),
  chapterId: z.string().optional(),
  savedAt: z.number(),
});
export type SavedProgress = z.infer<typeof SavedProgress>;

const progressKey = (pack: Pack, userId: string) => storeKey('progress', pack.film.id, userId);

export const saveProgress = async (
  store: Store,
  pack: Pack,
  userId: string,
  position: Position,
  now: number,
): Promise<void> => {
  const saved: SavedProgress = {
    seconds: position.seconds,
    ...(position.chapter ? { chapterId: position.chapter.id } : {}),
    savedAt: now,
  };
  await store.set(progressKey(pack, userId), saved);
};

/**
 * The viewer's saved position, or undefined if they never saved one. A pack
 * edited since (a shorter runtime, a renamed chapter) cannot push it past the
 * end or point at a chapter that is gone.
 */
export const loadProgress = async (
  store: Store,
  pack: Pack,
  userId: string,
): Promise<{ position: Position; savedAt: number } | undefined> => {
  const saved = await store.get(progressKey(pack, userId), SavedProgress);
  if (!saved) return undefined;
  const chapter = pack.chapters.find((c) => c.id === saved.chapterId);
  const seconds = chapter ? chapter.end : Math.min(saved.seconds, pack.film.runtimeSeconds);
  return { position: chapter ? { seconds, chapter } : { seconds }, savedAt: saved.savedAt };
};

/** True when there was something to clear. */
export const clearProgress = (store: Store, pack: Pack, userId: string): Promise<boolean> =>
  store.delete(progressKey(pack, userId));
