import Keyv from 'keyv';
import type { Backend } from './keyv-store.js';
import { deserialize, serialize } from './serialize.js';

/** Process memory: for tests and throwaway console sessions. Nothing survives a restart. */
export const memoryBackend = (): Backend => {
  const keyv = new Keyv({
    store: new Map(),
    useKeyPrefix: false,
    throwOnErrors: true,
    serialize,
    deserialize,
  });
  return { name: 'memory', keyv, close: async () => keyv.clear() };
};
