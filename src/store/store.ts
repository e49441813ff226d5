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
  close(): Promise<void>;
}

/** Raised when the backend cannot be reached; commands turn it into a clear ephemeral message. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}
