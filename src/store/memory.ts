import Keyv from 'keyv';
import { memoryClaims } from './claims.js';
import type { Backend } from './keyv-store.js';
import { deserialize, serialize } from './serialize.js';

/** Process memory: for tests and throwaway console sessions. Nothing survives a restart. */
export const memoryBackend = (): Backend => {
  const map = new Map<string, unknown>();
  const keyv = new Keyv({
    store: map,
    useKeyPrefix: false,
    throwOnErrors: true,
    serialize,
    deserialize,
  });
  return { name: 'memory', keyv, claims: memoryClaims(map), close: async () => keyv.clear() };
};
