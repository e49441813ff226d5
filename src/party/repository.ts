import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { StoreUnavailableError, type Store } from '../store/store.js';
import { storeKey } from '../store/keys.js';
import { PartyRecordSchema, type PartyRecord } from './record.js';

/**
 * The index of active parties is split into buckets, so starting or ending one
 * party rewrites a 64th of the list rather than all of it, and start-up reads
 * 64 keys instead of scanning the store.
 */
export const INDEX_BUCKETS = 64;
const IdList = z.array(z.string());
const Zone = z.string();

/** FNV-1a: a stable spread of channel ids over the buckets. */
export const bucketOf = (channelId: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < channelId.length; i++) hash = Math.imul(hash ^ channelId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % INDEX_BUCKETS;
};

const partyKey = (channelId: string) => storeKey('party', channelId);
const indexKey = (bucket: number) => storeKey('party-index', String(bucket));
const indexLockKey = (bucket: number) => storeKey('party-index-lock', String(bucket));
const endedKey = (partyId: string) => storeKey('party-ended', partyId);
const timezoneKey = (guildId: string) => storeKey('guild', guildId, 'timezone');

/** Long enough for one read and one write of a bucket; a process that dies holding it delays the next writer this long at most. */
const INDEX_LOCK_TTL_MS = 10 * 1000;
/** How long a writer waits for another process's lock on a bucket before giving up (as for an unreachable store). */
const INDEX_LOCK_WAIT_MS = 2000;
/** How long an ended party's id is remembered: far longer than any process keeps a stale copy of it. */
const ENDED_TTL_MS = 24 * 60 * 60 * 1000;
const Ended = z.literal(true);

/** Who is writing, and when by their clock: the lock on an index bucket is a claim in the store. */
export interface Writer {
  readonly owner: string;
  readonly now: () => number;
}

/** Where parties and server timezones live: `party:<channelId>`, `party-index:<n>`, `guild:<id>:timezone`. */
export class PartyRepository {
  constructor(private readonly store: Store) {}

  load(channelId: string): Promise<PartyRecord | undefined> {
    return this.store.get(partyKey(channelId), PartyRecordSchema);
  }

  save(record: PartyRecord): Promise<void> {
    return this.store.set(partyKey(record.channelId), record);
  }

  async remove(channelId: string): Promise<void> {
    await this.store.delete(partyKey(channelId));
  }

  /**
   * Notes that a party has ended, before its record goes. A process still
   * holding a copy then knows, on finding no record, that the party is over,
   * and not that the store lost it (a Redis restarted empty), which it would
   * write back.
   */
  markEnded(partyId: string): Promise<void> {
    return this.store.set(endedKey(partyId), true, ENDED_TTL_MS);
  }

  async wasEnded(partyId: string): Promise<boolean> {
    return (await this.store.get(endedKey(partyId), Ended)) === true;
  }

  /** Every active party's channel id. */
  async activeChannels(): Promise<string[]> {
    const buckets = await Promise.all(
      Array.from({ length: INDEX_BUCKETS }, (_, bucket) => this.store.get(indexKey(bucket), IdList)),
    );
    return buckets.flatMap((ids) => ids ?? []);
  }

  async bucket(bucket: number): Promise<string[]> {
    return (await this.store.get(indexKey(bucket), IdList)) ?? [];
  }

  /**
   * Adds and removes ids in one bucket of the index. Several processes may
   * write one bucket (a party started on one and run by another), so this
   * reads the bucket and writes it back while holding a lock, a claim in the
   * store: a list written from one process's memory would drop the others' parties.
   * Resolves with the bucket as it was found and as it now stands.
   */
  async changeBucket(
    bucket: number,
    change: { readonly add?: readonly string[]; readonly remove?: readonly string[] },
    writer: Writer,
  ): Promise<{ before: string[]; after: string[] }> {
    await this.lockBucket(bucket, writer);
    try {
      const before = await this.bucket(bucket);
      const ids = new Set(before);
      for (const id of change.add ?? []) ids.add(id);
      for (const id of change.remove ?? []) ids.delete(id);
      if (ids.size === before.length && before.every((id) => ids.has(id))) return { before, after: before };
      if (ids.size === 0) await this.store.delete(indexKey(bucket));
      else await this.store.set(indexKey(bucket), [...ids]);
      return { before, after: [...ids] };
    } finally {
      await this.store.release(indexLockKey(bucket), writer.owner).catch(() => undefined);
    }
  }

  private async lockBucket(bucket: number, writer: Writer): Promise<void> {
    const started = Date.now();
    for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
      if (await this.store.claim(indexLockKey(bucket), writer.owner, INDEX_LOCK_TTL_MS, writer.now())) return;
      // Real time, not the injected clock: another process is in the middle of one read and one write.
      if (Date.now() - started > INDEX_LOCK_WAIT_MS)
        throw new StoreUnavailableError(`party index bucket ${bucket} stayed locked by another process`);
      await sleep(wait);
    }
  }

  timezone(guildId: string): Promise<string | undefined> {
    return this.store.get(timezoneKey(guildId), Zone);
  }

  setTimezone(guildId: string, zone: string): Promise<void> {
    return this.store.set(timezoneKey(guildId), zone);
  }
}
