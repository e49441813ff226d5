import KeyvRedis, { createClient } from '@keyv/redis';
import Keyv from 'keyv';
import type { Logger } from '../logger.js';
import type { Backend } from './keyv-store.js';
import { redisClaims } from './redis-claims.js';
import { deserialize, serialize } from './serialize.js';

/** How often a Redis that stays down is mentioned in the logs: once is news, every command is noise. */
const LOG_EVERY_MS = 30_000;

/**
 * Redis, for several processes or machines. The client connects on demand and
 * never retries on its own: while Redis is down each operation fails within
 * connectTimeout (at once when the port refuses) instead of queueing, and the
 * first operation after it comes back reconnects.
 */
export const redisBackend = (url: string, logger: Logger, timeoutMs: number): Backend => {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: timeoutMs, reconnectStrategy: false },
  });
  let lastLogged = 0;
  // Without a listener an 'error' event would take the whole process down.
  client.on('error', (error: Error) => {
    const now = Date.now();
    if (now - lastLogged < LOG_EVERY_MS) return;
    lastLogged = now;
    logger.warn({ err: error, store: 'redis' }, 'redis connection problem');
  });
  const adapter = new KeyvRedis(client, { throwOnConnectError: true, throwOnErrors: true });
  const keyv = new Keyv({ store: adapter, useKeyPrefix: false, throwOnErrors: true, serialize, deserialize });
  keyv.on('error', () => undefined); // already logged above, or rethrown to the caller

  let connecting: Promise<void> | undefined;
  // connectTimeout covers the TCP connect only; a server that accepts and then says nothing
  // would leave client.connect() pending for ever, so the whole handshake gets a deadline too.
  const connect = async () => {
    if (client.isOpen) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        client.connect(),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer from Redis within ${timeoutMs} ms`)),
            timeoutMs,
          );
        }),
      ]);
    } catch (error) {
      if (client.isOpen) client.destroy();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
  const ensureReady = (): Promise<void> => {
    if (client.isReady) return Promise.resolve();
    // One connection attempt at a time, shared by every operation waiting for it.
    connecting ??= connect().finally(() => {
      connecting = undefined;
    });
    return connecting;
  };

  return {
    name: 'redis',
    keyv,
    claims: redisClaims(client, (key) => adapter.createKeyPrefix(key, adapter.namespace)),
    ensureReady,
    async close() {
      await connecting?.catch(() => undefined);
      if (!client.isOpen) return;
      // QUIT politely, but a Redis that stopped answering must not hold up a restart or shutdown.
      const quit = client.close().catch(() => undefined);
      const gaveUp = await Promise.race([
        quit.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(resolve, timeoutMs, true).unref()),
      ]);
      if (gaveUp && client.isOpen) client.destroy();
    },
  };
};
