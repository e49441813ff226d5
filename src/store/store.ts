import type { z } from 'zod';

/**
 * The app's persistence, whatever the backend (see factory.ts). Keys are
 * namespaced and versioned by the callers' key helpers; values are validated
 * on the way out, so a corrupt or old-shaped value never reaches the domain.
 */
export interface Store {
  /** The value under key if it matches schema; undefined when absent, or when invalid (logged). */
  get<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<boolean>;
  /**
   * Takes `key` for `owner` until `now + ttlMs`, atomically across every
   * process sharing this store: true when it was free, had lapsed, or was
   * already `owner`'s (then it is extended); false while someone else holds
   * it. `now` is the caller's clock, so leases follow a simulated clock in
   * tests; the backend also forgets the entry on its own once it has lapsed.
   */
  claim(key: string, owner: string, ttlMs: number, now: number): Promise<boolean>;
  /** claim for many keys in one round trip, each on its own (not all or nothing). */
  claimEach(keys: readonly string[], owner: string, ttlMs: number, now: number): Promise<boolean[]>;
  /** Gives `key` up if `owner` holds it; true when it did. */
  release(key: string, owner: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Raised when the backend cannot be reached; commands turn it into a clear ephemeral message. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}
