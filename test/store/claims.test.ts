import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SWEEP_EVERY } from '../../src/store/claims.js';
import { createStore } from '../../src/store/factory.js';
import { storeKey } from '../../src/store/keys.js';
import type { KeyvStore } from '../../src/store/keyv-store.js';
import { StoreUnavailableError } from '../../src/store/store.js';
import { capturingLogger, reachableBackends, REDIS_URL, type BackendUnderTest } from './backends.js';

const key = storeKey('post-claim', '200000000000000001-abc', 'cp1');
const T0 = Date.UTC(2026, 0, 1, 20, 0, 0);
const SECOND = 1000;

describe.each(reachableBackends().map((make) => [make().name, make] as const))(
  'claims on the %s store',
  (name, make) => {
    let backend: BackendUnderTest;
    const opened: KeyvStore[] = [];
    const open = async () => {
      backend ??= make();
      const store = await backend.open(capturingLogger().logger);
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
      await backend?.cleanup();
      backend = undefined as unknown as BackendUnderTest;
    });

    it('GIVEN a free key WHEN A claims it THEN A holds it, B is refused, and A may extend it', async () => {
      const store = await open();
      expect(await store.claim(key, 'A', 60 * SECOND, T0)).toBe(true);
      expect(await store.claim(key, 'B', 60 * SECOND, T0 + SECOND)).toBe(false);
      expect(await store.claim(key, 'A', 60 * SECOND, T0 + 50 * SECOND)).toBe(true);
      // Extended to T0 + 110 s: still A's at T0 + 100 s.
      expect(await store.claim(key, 'B', 60 * SECOND, T0 + 100 * SECOND)).toBe(false);
    });

    it("GIVEN A's claim WHEN its time runs out on the caller's clock THEN B may take it, and A no longer holds it", async () => {
      const store = await open();
      expect(await store.claim(key, 'A', 90 * SECOND, T0)).toBe(true);
      expect(await store.claim(key, 'B', 90 * SECOND, T0 + 90 * SECOND - 1)).toBe(false);
      expect(await store.claim(key, 'B', 90 * SECOND, T0 + 90 * SECOND)).toBe(true);
      expect(await store.claim(key, 'A', 90 * SECOND, T0 + 91 * SECOND)).toBe(false);
    });

    it('GIVEN a claim WHEN someone else releases it THEN nothing changes; WHEN its holder does THEN it is free at once', async () => {
      const store = await open();
      await store.claim(key, 'A', 60 * SECOND, T0);
      expect(await store.release(key, 'B')).toBe(false);
      expect(await store.claim(key, 'B', 60 * SECOND, T0)).toBe(false);
      expect(await store.release(key, 'A')).toBe(true);
      expect(await store.release(key, 'A')).toBe(false);
      expect(await store.claim(key, 'B', 60 * SECOND, T0)).toBe(true);
    });

    it('GIVEN some keys held by A WHEN B claims them all in one call THEN B gets just the free and lapsed ones', async () => {
      const store = await open();
      const keys = ['0', '1', '2', '3'].map((n) => storeKey('party-lease', 'test', n));
      await store.claim(keys[0]!, 'A', 60 * SECOND, T0);
      await store.claim(keys[2]!, 'A', 10 * SECOND, T0);
      expect(await store.claimEach(keys, 'B', 60 * SECOND, T0 + 10 * SECOND)).toEqual([
        false,
        true,
        true,
        true,
      ]);
      expect(await store.claimEach(keys, 'A', 60 * SECOND, T0 + 10 * SECOND)).toEqual([
        true,
        false,
        false,
        false,
      ]);
      expect(await store.claimEach([], 'A', 60 * SECOND, T0)).toEqual([]);
    });

    it('GIVEN 20 owners claiming one key at once THEN exactly one gets it', async () => {
      const store = await open();
      const won = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.claim(key, `owner-${i}`, 60 * SECOND, T0)),
      );
      expect(won.filter(Boolean)).toHaveLength(1);
    });

    // Memory stores are each their own process: nothing is shared, so there is nothing to race.
    it.skipIf(name === 'memory')(
      'GIVEN two stores on one URL (two processes) claiming 50 keys at once from each THEN each key goes to exactly one',
      async () => {
        const first = await open();
        const second = await open();
        const keys = Array.from({ length: 50 }, (_, i) => storeKey('post-claim', 'party', `cp${i}`));
        const results = await Promise.all(
          keys.flatMap((k) => [
            first.claim(k, 'first', 60 * SECOND, T0),
            second.claim(k, 'second', 60 * SECOND, T0),
          ]),
        );
        for (let i = 0; i < keys.length; i++) expect(results[2 * i]! !== results[2 * i + 1]!).toBe(true);
      },
    );

    it('GIVEN a claim THEN it is stored like any value: readable, under the namespaced key', async () => {
      const store = await open();
      await store.claim(key, 'A', 60 * SECOND, T0);
      expect(await store.get(key, z.object({ claimedBy: z.string(), until: z.number() }))).toEqual({
        claimedBy: 'A',
        until: T0 + 60 * SECOND,
      });
    });

    it('GIVEN many lapsed claims THEN they are swept, and records are left alone', async () => {
      const store = await open();
      const record = storeKey('progress', 'film', '100000000000000001');
      await store.set(record, { seconds: 60 });
      for (let i = 0; i < SWEEP_EVERY; i++)
        await store.claim(storeKey('post-claim', 'p', String(i)), 'A', 1, T0 + i);
      // The sweep ran with the last claim, at T0 + SWEEP_EVERY - 1, when the first had lapsed: it is gone,
      // so B gets it even at T0, when it would still have been A's. (Redis drops it itself, by its PX.)
      expect(await store.claim(storeKey('post-claim', 'p', '0'), 'B', SECOND, T0)).toBe(true);
      expect(await store.get(record, z.object({ seconds: z.number() }))).toEqual({ seconds: 60 });
    });
  },
);

describe('claims and the SQLite file check', () => {
  it('GIVEN a SQLite store that has held claims WHEN it is opened again THEN it is still accepted as a film-club store', async () => {
    const backend = reachableBackends()
      .map((make) => make())
      .find((b) => b.name === 'sqlite')!;
    const store = await backend.open(capturingLogger().logger);
    await store.claim(key, 'A', 60 * SECOND, T0);
    await store.close();
    const again = await backend.open(capturingLogger().logger);
    expect(await again.claim(key, 'B', 60 * SECOND, T0)).toBe(false);
    await again.close();
    await backend.cleanup();
  });
});

describe.runIf(REDIS_URL)('claims on Redis (skipped unless REDIS_URL is set)', () => {
  it('GIVEN a claim THEN Redis also expires the entry by itself', async () => {
    const { redis } = await import('./backends.js');
    const backend = redis(REDIS_URL!);
    const store = await backend.open(capturingLogger().logger);
    await store.claim(key, 'A', 60 * SECOND, Date.now());
    const { createClient } = await import('@keyv/redis');
    const client = createClient({ url: REDIS_URL! });
    await client.connect();
    const ttl = await client.pTTL(`keyv::${store.fullKey(key)}`);
    expect(ttl).toBeGreaterThan(50 * SECOND);
    expect(ttl).toBeLessThanOrEqual(60 * SECOND);
    await client.close();
    await store.close();
    await backend.cleanup();
  });
});

describe('claims when the store cannot be reached', () => {
  it('GIVEN Redis refusing connections WHEN claiming or releasing THEN StoreUnavailableError, fast', async () => {
    const store = await createStore('redis://127.0.0.1:1', { logger: capturingLogger().logger });
    await expect(store.claim(key, 'A', SECOND, T0)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.release(key, 'A')).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close();
  });
});
