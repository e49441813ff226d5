import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { KeyedLock } from './lock.js';
import type { PartyRecord } from './record.js';
import { bucketOf, INDEX_BUCKETS, PartyRepository } from './repository.js';

const RELOAD_BATCH = 500;

/**
 * The active parties: held in memory, written through to the store, with the
 * bucketed index kept in step. The store stays the record; memory is what the
 * scheduler and commands read between restarts.
 */
export class PartyTable {
  private readonly parties = new Map<string, PartyRecord>();
  private readonly buckets = Array.from({ length: INDEX_BUCKETS }, () => new Set<string>());
  private readonly indexLock = new KeyedLock();
  /** Parties whose latest change the store has not taken yet (an outage); retried by the runner. */
  private readonly unsaved = new Set<string>();
  readonly repo: PartyRepository;

  constructor(
    store: Store,
    private readonly logger: Logger,
  ) {
    this.repo = new PartyRepository(store);
  }

  get size(): number {
    return this.parties.size;
  }
  get(channelId: string): PartyRecord | undefined {
    return this.parties.get(channelId);
  }
  all(): IterableIterator<PartyRecord> {
    return this.parties.values();
  }
  isUnsaved(channelId: string): boolean {
    return this.unsaved.has(channelId);
  }

  /** Reads every party in the index; ids whose record is gone are dropped from the index. */
  async load(): Promise<PartyRecord[]> {
    const channels = await this.repo.activeChannels();
    const loaded: PartyRecord[] = [];
    const stale = new Set<number>();
    for (let i = 0; i < channels.length; i += RELOAD_BATCH) {
      const batch = channels.slice(i, i + RELOAD_BATCH);
      const records = await Promise.all(batch.map((channelId) => this.repo.load(channelId)));
      records.forEach((record, j) => {
        if (!record) return void stale.add(bucketOf(batch[j]!));
        this.remember(record);
        loaded.push(record);
      });
    }
    for (const bucket of stale) await this.writeIndex(bucket);
    return loaded;
  }

  /** A command's change: saved first, so a store failure (thrown) leaves everything as it was. */
  async commit(record: PartyRecord): Promise<void> {
    await this.repo.save(record);
    this.unsaved.delete(record.channelId);
    const added = !this.parties.has(record.channelId);
    this.remember(record);
    if (added) await this.writeIndex(bucketOf(record.channelId));
  }

  /** The scheduler's change: in memory at once, saved if the store can take it, else marked for a retry. */
  async update(record: PartyRecord): Promise<boolean> {
    this.remember(record);
    try {
      await this.repo.save(record);
      this.unsaved.delete(record.channelId);
      return true;
    } catch (error) {
      this.logger.warn({ err: error, party: record.id }, 'could not save a watch party; will retry');
      this.unsaved.add(record.channelId);
      return false;
    }
  }

  /** Forgets an ended party, here and in the store. */
  async remove(channelId: string): Promise<void> {
    this.parties.delete(channelId);
    this.buckets[bucketOf(channelId)]!.delete(channelId);
    this.unsaved.delete(channelId);
    await this.repo.remove(channelId);
    await this.writeIndex(bucketOf(channelId));
  }

  private remember(record: PartyRecord): void {
    this.parties.set(record.channelId, record);
    this.buckets[bucketOf(record.channelId)]!.add(record.channelId);
  }

  private writeIndex(bucket: number): Promise<void> {
    // Written from memory under a lock, so the last write always holds the latest list.
    return this.indexLock.run(String(bucket), () =>
      this.repo.writeBucket(bucket, [...this.buckets[bucket]!]),
    );
  }
}
