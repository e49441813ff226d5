import { z } from 'zod';
import type { Store } from '../store/store.js';
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
const timezoneKey = (guildId: string) => storeKey('guild', guildId, 'timezone');

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

  /** Every active party's channel id. */
  async activeChannels(): Promise<string[]> {
    const buckets = await Promise.all(
      Array.from({ length: INDEX_BUCKETS }, (_, bucket) => this.store.get(indexKey(bucket), IdList)),
    );
    return buckets.flatMap((ids) => ids ?? []);
  }

  async writeBucket(bucket: number, channelIds: readonly string[]): Promise<void> {
    if (channelIds.length === 0) await this.store.delete(indexKey(bucket));
    else await this.store.set(indexKey(bucket), channelIds);
  }

  timezone(guildId: string): Promise<string | undefined> {
    return this.store.get(timezoneKey(guildId), Zone);
  }

  setTimezone(guildId: string, zone: string): Promise<void> {
    return this.store.set(timezoneKey(guildId), zone);
  }
}
