import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@keyv/redis';
import type { Logger } from 'pino';
import { createStore } from '../../src/store/factory.js';
import { KeyvStore } from '../../src/store/keyv-store.js';
import type { Store } from '../../src/store/store.js';

/** A logger whose warnings the test can read. */
export { capturingLogger } from '../support/logs.js';

/** One backend under test: how to open a store on it, and how to remove what the test wrote. */
export interface BackendUnderTest {
  readonly name: string;
  /** Whether a second store opened on the same URL sees what the first wrote (a restart, another process). */
  readonly persistent: boolean;
  open(logger: Logger): Promise<KeyvStore>;
  cleanup(): Promise<void>;
}

const asKeyvStore = (store: Store): KeyvStore => {
  if (!(store instanceof KeyvStore)) throw new Error('createStore returned something other than a KeyvStore');
  return store;
};

export const memory = (): BackendUnderTest => ({
  name: 'memory',
  persistent: false,
  open: async (logger) => asKeyvStore(await createStore('memory://', { logger })),
  cleanup: async () => undefined,
});

/** A fresh SQLite file per test, in a folder that does not exist yet: the store must make it. */
export const sqlite = (): BackendUnderTest => {
  let dir: string | undefined;
  let file: string | undefined;
  return {
    name: 'sqlite',
    persistent: true,
    async open(logger) {
      dir ??= await mkdtemp(path.join(tmpdir(), 'filmclub-store-'));
      file ??= path.join(dir, 'nested', 'store.sqlite');
      return asKeyvStore(await createStore(`sqlite://${file}`, { logger }));
    },
    cleanup: async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
};

/** Redis with a key prefix unique to this run, deleted afterwards so a shared Redis stays clean. */
export const redis = (url: string): BackendUnderTest => {
  const namespace = `filmclub-test-${randomUUID()}`;
  return {
    name: 'redis',
    persistent: true,
    open: async (logger) => asKeyvStore(await createStore(url, { logger, namespace })),
    async cleanup() {
      const client = createClient({ url });
      client.on('error', () => undefined);
      await client.connect();
      // keyv's Redis adapter puts its own prefix (`keyv::`) in front of ours.
      for await (const keys of client.scanIterator({ MATCH: `*${namespace}:*` }))
        if (keys.length > 0) await client.del(keys);
      await client.close();
    },
  };
};

export const REDIS_URL = process.env.REDIS_URL;

/** Every backend this machine can reach: memory and SQLite always, Redis when REDIS_URL is set. */
export const reachableBackends = (): (() => BackendUnderTest)[] => [
  memory,
  sqlite,
  ...(REDIS_URL ? [() => redis(REDIS_URL)] : []),
];
