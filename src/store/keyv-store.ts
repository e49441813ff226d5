import type Keyv from 'keyv';
import type { z } from 'zod';
import type { Logger } from '../logger.js';
import type { Claims } from './claims.js';
import { CorruptValue } from './serialize.js';
import { StoreUnavailableError, type Store } from './store.js';

/** One backend behind keyv: how to reach it before an operation, and how to let go of it. */
export interface Backend {
  readonly name: 'memory' | 'sqlite' | 'redis';
  readonly keyv: Keyv;
  /** The atomic claims (Store.claim) this backend can make; shared with other processes when the backend is. */
  readonly claims: Claims;
  /** Connects if not connected; rejects quickly when the backend cannot be reached. */
  ensureReady?(): Promise<void>;
  close(): Promise<void>;
}

export interface KeyvStoreOptions {
  readonly namespace: string;
  readonly logger: Logger;
  /** Longest any one operation may take: commands must answer within Discord's 3 seconds. */
  readonly timeoutMs: number;
}

/**
 * The Store over keyv: namespaced keys, a deadline on every operation,
 * values checked on the way out, and every backend failure turned into a
 * StoreUnavailableError that the error path shows as a clear message.
 */
export class KeyvStore implements Store {
  constructor(
    /** Exposed so tests can write raw values under a key, as a bug or an old release might have. */
    readonly backend: Backend,
    private readonly options: KeyvStoreOptions,
  ) {}

  /** The key as the backend sees it. */
  fullKey(key: string): string {
    return `${this.options.namespace}:${key}`;
  }

  async get<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const stored = await this.run('get', key, () => this.backend.keyv.get<unknown>(this.fullKey(key)));
    if (stored === undefined) return undefined;
    const value = stored instanceof CorruptValue ? undefined : stored;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    this.options.logger.warn(
      {
        key: this.fullKey(key),
        ...(stored instanceof CorruptValue
          ? { raw: stored.raw }
          : { issues: parsed.error.issues.map((i) => i.message) }),
      },
      'ignoring a stored value that is corrupt or from an older version',
    );
    return undefined;
  }

  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    if (value === undefined) throw new Error(`store.set(${key}): use delete to remove a value`);
    await this.run('set', key, () => this.backend.keyv.set(this.fullKey(key), value, ttlMs));
  }

  async delete(key: string): Promise<boolean> {
    return this.run('delete', key, () => this.backend.keyv.delete(this.fullKey(key)));
  }

  async claim(key: string, owner: string, ttlMs: number, now: number): Promise<boolean> {
    const [won] = await this.claimEach([key], owner, ttlMs, now);
    return won === true;
  }

  async claimEach(keys: readonly string[], owner: string, ttlMs: number, now: number): Promise<boolean[]> {
    if (!(ttlMs > 0)) throw new Error(`store.claim(${keys.join(', ')}): ttlMs must be more than 0`);
    if (keys.length === 0) return [];
    return this.run('claim', keys[0]!, () =>
      this.backend.claims.claim(
        keys.map((key) => this.fullKey(key)),
        owner,
        ttlMs,
        now,
      ),
    );
  }

  async release(key: string, owner: string): Promise<boolean> {
    return this.run('release', key, () => this.backend.claims.release(this.fullKey(key), owner));
  }

  async close(): Promise<void> {
    try {
      await this.backend.close();
    } catch (error) {
      // Closing a store that never connected, or already lost its connection, is not worth a crash.
      this.options.logger.warn({ err: error, store: this.backend.name }, 'store did not close cleanly');
    }
  }

  private async run<T>(operation: string, key: string, work: () => Promise<T>): Promise<T> {
    const { timeoutMs } = this.options;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${this.backend.name} ${operation} took longer than ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([(async () => (await this.backend.ensureReady?.(), work()))(), deadline]);
    } catch (error) {
      this.options.logger.warn(
        { err: error, store: this.backend.name, operation, key: this.fullKey(key) },
        'store unavailable',
      );
      throw new StoreUnavailableError(`the ${this.backend.name} store could not ${operation} ${key}`, {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }
}
