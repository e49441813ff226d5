import type { Logger } from '../logger.js';
import { KeyvStore, type Backend } from './keyv-store.js';
import { memoryBackend } from './memory.js';
import { redisBackend } from './redis.js';
import { sqliteBackend } from './sqlite.js';
import type { Store } from './store.js';

export interface StoreOptions {
  readonly logger: Logger;
  /** Prefix for every key, so several bots (or test runs) can share one Redis. */
  readonly namespace?: string;
  /** The longest one operation may take before the command says storage is unavailable. */
  readonly timeoutMs?: number;
}

export const DEFAULT_NAMESPACE = 'filmclub';
/** Well inside Discord's 3 seconds, with room left for the command's own work. */
export const DEFAULT_TIMEOUT_MS = 1500;

const backendFor = async (
  url: string,
  logger: Logger,
  timeoutMs: number,
  namespace: string,
): Promise<Backend> => {
  const scheme = /^([a-z]+):\/\//i.exec(url)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'memory':
      return memoryBackend();
    case 'sqlite':
      return sqliteBackend(url, logger, timeoutMs, namespace);
    case 'redis':
    case 'rediss':
      return redisBackend(url, logger, timeoutMs);
    default:
      throw new Error(
        `STORE_URL "${url}" is not a store this bot knows: use sqlite://path/to/file.sqlite, redis://host:port or memory://.`,
      );
  }
};

/**
 * The one way to open a store; STORE_URL picks the backend. SQLite is opened
 * (and its folder made) here; Redis connects on first use, so a Redis that is
 * down makes commands say so instead of stopping the bot from starting. A
 * SQLite file that is not a film-club store (NotAStoreError) stops start-up.
 */
export const createStore = async (url: string, options: StoreOptions): Promise<Store> => {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  const backend = await backendFor(url, options.logger, timeoutMs, namespace);
  return new KeyvStore(backend, {
    namespace,
    logger: options.logger,
    timeoutMs,
  });
};
