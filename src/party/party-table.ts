import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { KeyedLock } from './lock.js';
import type { PartyRecord } from './record.js';
import { bucketOf, INDEX_BUCKETS, PartyRepository, type Writer } from './repository.js';

const RELOAD_BATCH = 500;

const sameList = (a: readonly string[] | undefined, b: readonly string[]): boolean =>
  a !== undefined && a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * The active parties this process runs: held in memory, written through to
 * the store, with the bucketed index kept in step. The store stays the record
 * (and the only one shared with other processes); memory is what the
 * scheduler and commands read between restarts.
 */
export class PartyTable {
  private readonly parties = new Map<string, PartyRecord>();
  private readonly buckets = Array.from({ length: INDEX_BUCKETS }, () => new Set<string>());
  private readonly indexLock = new KeyedLock();
  /** Parties whose latest change the store has not taken yet (an outage); retried by the runner. */
  private readonly unsaved = new Set<string>();
  /** Each bucket's list as this process last wrote or read it: one read back unchanged needs no second look. */
  private readonly seen = new Map<number, readonly string[]>();
  readonly repo: PartyRepository;

  constructor(
    store: Store,
    private readonly logger: Logger,
    private readonly writer: Writer,
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
  /** The parties held from one partition of the index. */
  channelsIn(bucket: number): string[] {
    return [...this.buckets[bucket]!];
  }

  /**
   * Reads the index buckets given and, in those that changed since this
   * process last wrote or read them (`changed`, `listed`: every id in them),
   * the parties but for those `skip` names (held already, or known to be
   * another shard's). Not remembered: the runner takes the ones it owns. Ids
   * whose record is gone are dropped from the index.
   */
  async read(
    buckets: readonly number[],
    skip: (channelId: string) => boolean,
  ): Promise<{ records: PartyRecord[]; changed: number[]; listed: Set<string> }> {
    const lists = await Promise.all(buckets.map((bucket) => this.repo.bucket(bucket)));
    const changed = buckets.filter((bucket, i) => !sameList(this.seen.get(bucket), lists[i]!));
    const listed = new Set(lists.filter((_, i) => changed.includes(buckets[i]!)).flat());
    const channels = [...listed].filter((channelId) => !skip(channelId));
    const loaded: PartyRecord[] = [];
    const stale = new Map<number, string[]>();
    for (let i = 0; i < channels.length; i += RELOAD_BATCH) {
      const batch = channels.slice(i, i + RELOAD_BATCH);
      const records = await Promise.all(batch.map((channelId) => this.repo.load(channelId)));
      records.forEach((record, j) => {
        if (record) return void loaded.push(record);
        const bucket = bucketOf(batch[j]!);
        stale.set(bucket, [...(stale.get(bucket) ?? []), batch[j]!]);
      });
    }
    // Seen only once every party in them was read: a read that failed half-way is done again next time.
    lists.forEach((list, i) => this.seen.set(buckets[i]!, list));
    for (const [bucket, remove] of stale) await this.changeIndex(bucket, { remove });
    return { records: loaded, changed, listed };
  }

  /** A partition this process no longer runs: its parties are dropped, so its bucket must be looked at afresh. */
  unsee(bucket: number): void {
    this.seen.delete(bucket);
  }

  /** Holds a party read from the store (at start-up, or taken over from another process). */
  adopt(record: PartyRecord): void {
    this.remember(record);
  }

  /** Lets go of a party in memory only: another process runs it now, or has ended it. */
  forget(channelId: string): void {
    this.parties.delete(channelId);
    this.buckets[bucketOf(channelId)]!.delete(channelId);
    this.unsaved.delete(channelId);
  }

  /** A command's change: saved first, so a store failure (thrown) leaves everything as it was. */
  async commit(record: PartyRecord): Promise<void> {
    await this.repo.save(record);
    this.unsaved.delete(record.channelId);
    const added = !this.parties.has(record.channelId);
    this.remember(record);
    if (added) await this.changeIndex(bucketOf(record.channelId), { add: [record.channelId] });
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

  /** Forgets an ended party, here and in the store, leaving a note that it ended (see PartyRepository.markEnded). */
  async remove(party: { readonly channelId: string; readonly id: string }): Promise<void> {
    this.forget(party.channelId);
    await this.repo.markEnded(party.id);
    await this.repo.remove(party.channelId);
    await this.changeIndex(bucketOf(party.channelId), { remove: [party.channelId] });
  }

  /** Removes an ended party the store kept through an outage; never a newer party in the same channel. */
  async removeAgain(party: { readonly channelId: string; readonly id: string }): Promise<void> {
    const stored = await this.repo.load(party.channelId);
    if (stored && stored.id !== party.id) return;
    await this.remove(party);
  }

  /** Writes back a party the store lost (a Redis restarted empty): its record and its place in the index. */
  async restore(record: PartyRecord): Promise<void> {
    await this.repo.save(record);
    this.unsaved.delete(record.channelId);
    await this.changeIndex(bucketOf(record.channelId), { add: [record.channelId] });
  }

  private remember(record: PartyRecord): void {
    this.parties.set(record.channelId, record);
    this.buckets[bucketOf(record.channelId)]!.add(record.channelId);
  }

  private changeIndex(bucket: number, change: { add?: string[]; remove?: string[] }): Promise<void> {
    // One change at a time per bucket here; the repository locks it against other processes.
    return this.indexLock.run(String(bucket), async () => {
      const { before, after } = await this.repo.changeBucket(bucket, change, this.writer);
      // Another process's additions came along in `before` unseen: the next read must look at them.
      if (sameList(this.seen.get(bucket), before)) this.seen.set(bucket, after);
      else this.seen.delete(bucket);
    });
  }
}
