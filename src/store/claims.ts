import { deserialize, serialize } from './serialize.js';

/**
 * A backend's atomic "take it if it is free" (see Store.claim). Keys arrive
 * namespaced, as the backend stores them. A claim is held by `owner` until
 * `until`, on the caller's clock; an entry past its `until` counts as free.
 */
export interface Claims {
  /** Each key claimed on its own (not all or nothing), in one round trip: whether each is now the owner's. */
  claim(fullKeys: readonly string[], owner: string, ttlMs: number, now: number): Promise<boolean[]>;
  release(fullKey: string, owner: string): Promise<boolean>;
}

/**
 * What a claim holds, as written into the store: inside keyv's envelope, so
 * sqlite3 and redis-cli show it like any other value. `claimedBy` (not a
 * field any record has) is how a sweep tells claims from records.
 */
export interface ClaimValue {
  readonly claimedBy: string;
  readonly until: number;
}

/** Lapsed claims are swept from memory (and SQLite) once every this many claims, so they never pile up. */
export const SWEEP_EVERY = 512;

/** The store's own (synchronous) record format: a claim reads back through Store.get like any value. */
const write = (value: ClaimValue): string => serialize({ value }) as string;
const read = (raw: unknown): ClaimValue | undefined => {
  if (typeof raw !== 'string') return undefined;
  const value = (deserialize(raw) as { value?: Partial<ClaimValue> } | undefined)?.value;
  return typeof value?.claimedBy === 'string' && typeof value.until === 'number'
    ? { claimedBy: value.claimedBy, until: value.until }
    : undefined;
};

/**
 * Claims in the memory store's Map, beside its records: every party service
 * sharing the store is in this process, and nothing here awaits between the
 * check and the write, so two claims can never interleave.
 */
export const memoryClaims = (map: Map<string, unknown>): Claims => {
  const keys = new Set<string>();
  let sinceSweep = 0;
  const sweep = (now: number) => {
    for (const key of keys) {
      const held = read(map.get(key));
      if (!held || held.until <= now) {
        keys.delete(key);
        if (held) map.delete(key);
      }
    }
  };
  return {
    async claim(fullKeys, owner, ttlMs, now) {
      if ((sinceSweep += fullKeys.length) >= SWEEP_EVERY) {
        sinceSweep = 0;
        sweep(now);
      }
      return fullKeys.map((key) => {
        const held = read(map.get(key));
        if (held && held.claimedBy !== owner && held.until > now) return false;
        map.set(key, write({ claimedBy: owner, until: now + ttlMs }));
        keys.add(key);
        return true;
      });
    },
    async release(key, owner) {
      if (read(map.get(key))?.claimedBy !== owner) return false;
      keys.delete(key);
      return map.delete(key);
    },
  };
};
