import type { Logger } from '../logger.js';
import { StoreUnavailableError } from '../store/store.js';
import type { KeyedLock } from './lock.js';
import type { Ownership } from './ownership.js';
import type { PartyTable } from './party-table.js';
import type { PartyRecord } from './record.js';
import { bucketOf } from './repository.js';

export interface PartitionsDeps {
  readonly table: PartyTable;
  readonly ownership: Ownership;
  readonly logger: Logger;
  /** The runner's lock per channel, which commands hold while they change a party. */
  readonly lock: KeyedLock;
  /** Holds a party read from the store and arms it (what it missed is due at once). */
  readonly adopt: (record: PartyRecord, now: number) => void;
  /** Stops running a party in memory: its timers, and its place in the table. */
  readonly drop: (channelId: string) => void;
}

/**
 * Keeps the parties a process holds in step with the partitions it leases
 * (see ownership.ts), at start-up and at every renewal: takes over the
 * parties of partitions gained, drops those of partitions lost, picks up
 * parties another process started in a partition held here, and writes back
 * any held here that the store no longer has (a Redis restarted empty).
 */
export class Partitions {
  /** Parties seen in the index that belong to another shard's guilds: never read again. */
  private readonly foreign = new Set<string>();
  /** Parties ended here whose record an outage kept in the store: removed again at each renewal, never taken back. */
  private readonly unended = new Map<string, string>();

  constructor(private readonly deps: PartitionsDeps) {}

  /** At start-up: leases what is free and takes its parties; throws when the store cannot be reached. */
  async load(now: number): Promise<void> {
    if ((await this.deps.ownership.renew(now)).unreachable)
      throw new StoreUnavailableError('the store could not be reached to lease partitions');
    await this.takeOver(now);
  }

  /** At each renewal; logs rather than throws, so the next renewal simply tries again. */
  async renew(now: number): Promise<void> {
    const { ownership, table, logger } = this.deps;
    try {
      const { gained, lost, unreachable } = await ownership.renew(now);
      for (const bucket of lost) {
        for (const channelId of table.channelsIn(bucket)) this.drop(channelId);
        table.unsee(bucket);
      }
      if (gained.length > 0 || lost.length > 0)
        logger.info({ gained, lost, instance: ownership.owner }, 'watch party partitions moved');
      if (unreachable) return;
      await this.removeUnended();
      await this.takeOver(now);
    } catch (error) {
      logger.warn({ err: error }, 'could not renew watch party leases; will retry');
    }
  }

  /** A party ended here but the store kept its record: it is removed again later, and never taken back meanwhile. */
  endFailed(party: PartyRecord): void {
    this.unended.set(party.channelId, party.id);
  }

  private async takeOver(now: number): Promise<void> {
    const { table, ownership } = this.deps;
    const held = ownership.partitions;
    const skip = (channelId: string) => table.get(channelId) !== undefined || this.foreign.has(channelId);
    const { records, changed, listed } = await table.read(held, skip);
    for (const record of records) {
      if (!ownership.ownsGuild(record.guildId)) this.foreign.add(record.channelId);
      // Held meanwhile (a command started it here), let go meanwhile, or ended here: leave it be.
      if (
        !ownership.owns(record) ||
        table.get(record.channelId) ||
        this.unended.get(record.channelId) === record.id
      )
        continue;
      this.deps.adopt(record, now);
    }
    const missing = changed.flatMap((bucket) => table.channelsIn(bucket).filter((id) => !listed.has(id)));
    for (const channelId of missing) await this.restore(channelId);
  }

  /**
   * A party held here but not in the index: just started here (its entry is
   * being written), ended by another process (which left a note), or lost by
   * the store. Looked at again under the party's lock, once any command on it is done.
   */
  private restore(channelId: string): Promise<void> {
    const { table, logger } = this.deps;
    return this.deps.lock.run(channelId, async () => {
      const record = table.get(channelId);
      if (!record || (await table.repo.bucket(bucketOf(channelId))).includes(channelId)) return;
      if (await table.repo.wasEnded(record.id)) return this.drop(channelId);
      logger.warn({ party: record.id }, 'the store had lost a running watch party; writing it back');
      await table.restore(record);
    });
  }

  private async removeUnended(): Promise<void> {
    for (const [channelId, id] of this.unended) {
      try {
        await this.deps.table.removeAgain({ channelId, id });
        this.unended.delete(channelId);
      } catch (error) {
        return this.deps.logger.warn({ err: error, party: id }, 'could not remove an ended watch party yet');
      }
    }
  }

  private drop(channelId: string): void {
    if (this.deps.table.isUnsaved(channelId))
      this.deps.logger.warn({ channelId }, 'letting go of a watch party whose latest change was not saved');
    this.deps.drop(channelId);
  }
}
