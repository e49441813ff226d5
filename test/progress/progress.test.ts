import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { clearProgress, loadProgress, saveProgress } from '../../src/progress/progress.js';
import { createStore } from '../../src/store/factory.js';
import { storeKey } from '../../src/store/keys.js';
import type { Store } from '../../src/store/store.js';
import type { Pack } from '../../src/story/pack.js';
import { bundledPack, fixturePack } from '../support/pack.js';

const USER = '100000000000000001';
let pack: Pack;
let store: Store;
beforeAll(async () => {
  pack = await bundledPack();
});
const open = async () =>
  (store = await createStore('memory://', { logger: createLogger({ level: 'silent' }) }));
afterEach(() => store?.close());

describe('saved progress', () => {
  it('GIVEN a chapter position saved WHEN loaded THEN it is the same chapter, with when it was saved', async () => {
    await open();
    const cottages = pack.chapters.find((c) => c.id === 'cottages')!;
    await saveProgress(store, pack, USER, { seconds: cottages.end, chapter: cottages }, 1234);
    expect(await loadProgress(store, pack, USER)).toEqual({
      position: { seconds: cottages.end, chapter: cottages },
      savedAt: 1234,
    });
  });

  it('GIVEN progress in one film THEN another film and another user see none', async () => {
    await open();
    await saveProgress(store, pack, USER, { seconds: 600 }, 1);
    expect(await loadProgress(store, await fixturePack(), USER)).toBeUndefined();
    expect(await loadProgress(store, pack, '100000000000000002')).toBeUndefined();
  });

  it('GIVEN progress WHEN cleared THEN it is gone, and clearing again says there was nothing', async () => {
    await open();
    await saveProgress(store, pack, USER, { seconds: 600 }, 1);
    expect(await clearProgress(store, pack, USER)).toBe(true);
    expect(await loadProgress(store, pack, USER)).toBeUndefined();
    expect(await clearProgress(store, pack, USER)).toBe(false);
  });

  it('GIVEN a saved time past the runtime (an edited pack) WHEN loaded THEN it stops at the end', async () => {
    await open();
    await store.set(storeKey('progress', pack.film.id, USER), { seconds: 999_999, savedAt: 1 });
    expect((await loadProgress(store, pack, USER))?.position).toEqual({ seconds: pack.film.runtimeSeconds });
  });

  it('GIVEN a chapter that no longer exists WHEN loaded THEN the saved time is used instead', async () => {
    await open();
    await store.set(storeKey('progress', pack.film.id, USER), {
      seconds: 600,
      chapterId: 'gone',
      savedAt: 1,
    });
    expect((await loadProgress(store, pack, USER))?.position).toEqual({ seconds: 600 });
  });

  it('GIVEN a saved value of another shape WHEN loaded THEN it counts as nothing saved', async () => {
    await open();
    await store.set(storeKey('progress', pack.film.id, USER), { watched: 'cottages' });
    expect(await loadProgress(store, pack, USER)).toBeUndefined();
  });
});
