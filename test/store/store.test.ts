import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { storeKey } from '../../src/store/keys.js';
import type { KeyvStore } from '../../src/store/keyv-store.js';
import { capturingLogger, reachableBackends, REDIS_URL, type BackendUnderTest } from './backends.js';

const Progress = z.object({ seconds: z.number().int().nonnegative() });
const key = storeKey('progress', 'never-let-me-go', '100000000000000001');

describe.each(reachableBackends().map((make) => [make().name, make] as const))(
  'the %s store',
  (_name, make) => {
    let backend: BackendUnderTest;
    const opened: KeyvStore[] = [];
    const open = async (logger = capturingLogger().logger) => {
      backend ??= make();
      const store = await backend.open(logger);
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
      await backend?.cleanup();
      backend = undefined as unknown as BackendUnderTest;
    });

    it('GIVEN nothing saved WHEN a key is read THEN it is undefined', async () => {
      const store = await open();
      expect(await store.get(key, Progress)).toBeUndefined();
    });

    it('GIVEN a value saved WHEN it is read back THEN it is the same value', async () => {
      const store = await open();
      await store.set(key, { seconds: 2280 });
      expect(await store.get(key, Progress)).toEqual({ seconds: 2280 });
    });

    it('GIVEN a value WHEN it is deleted THEN it is gone, and a second delete says nothing was there', async () => {
      const store = await open();
      await store.set(key, { seconds: 60 });
      expect(await store.delete(key)).toBe(true);
      expect(await store.get(key, Progress)).toBeUndefined();
      expect(await store.delete(key)).toBe(false);
    });

    it('GIVEN a value with a time to live WHEN it has passed THEN the value is gone', async () => {
      const store = await open();
      await store.set(key, { seconds: 60 }, 50);
      expect(await store.get(key, Progress)).toEqual({ seconds: 60 });
      await sleep(120);
      expect(await store.get(key, Progress)).toBeUndefined();
    });

    it('GIVEN a value WHEN a second store opens on the same URL THEN it sees the value if the backend persists', async () => {
      const first = await open();
      await first.set(key, { seconds: 2280 });
      const second = await open();
      expect(await second.get(key, Progress)).toEqual(backend.persistent ? { seconds: 2280 } : undefined);
    });

    it('GIVEN keys WHEN stored THEN they are namespaced and versioned', async () => {
      const store = await open();
      expect(store.fullKey(key)).toMatch(/^filmclub[^:]*:v1:progress:never-let-me-go:100000000000000001$/);
    });

    it('GIVEN garbage written under a key WHEN it is read THEN the default comes back and a warning is logged', async () => {
      const { logger, lines } = capturingLogger();
      const store = await open(logger);
      await store.backend.keyv.store.set(store.fullKey(key), 'not json {{{');
      expect(await store.get(key, Progress)).toBeUndefined();
      expect(lines()).toContainEqual(
        expect.objectContaining({ level: 40, key: store.fullKey(key), raw: 'not json {{{' }),
      );
    });

    it('GIVEN a value of an older shape WHEN it is read THEN it is ignored with a warning, not a crash', async () => {
      const { logger, lines } = capturingLogger();
      const store = await open(logger);
      await store.set(key, { position: '0:36' });
      expect(await store.get(key, Progress)).toBeUndefined();
      expect(lines().some((line) => line.level === 40 && line.key === store.fullKey(key))).toBe(true);
    });
  },
);

// Named so a run without Redis says so in its report, rather than passing quietly without it.
if (!REDIS_URL)
  describe('Redis', () => {
    it.skip('Redis store tests are skipped: set REDIS_URL to run them', () => undefined);
  });
