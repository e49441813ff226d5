import type { ShardInfo } from '../app/services.js';
import { shardForGuild } from '../discord/shard.js';
import { storeKey } from '../store/keys.js';
import { StoreUnavailableError, type Store } from '../store/store.js';
import { bucketOf, INDEX_BUCKETS } from './repository.js';

/** A partition's lease lasts this long after its last renewal: how long parties wait when their process dies. */
export const LEASE_TTL_MS = 90 * 1000;
/** How often leases are renewed, and lapsed ones taken over: three chances before one lapses. */
export const LEASE_RENEW_MS = 30 * 1000;

export const UNSHARDED: ShardInfo = { id: 0, count: 1 };

/** Discord's rule; direct messages (no guild) and anything that is not a guild id go with shard 0. */
const shardOfGuild = (guildId: string | null, count: number): number => {
  try {
    return guildId === null ? 0 : shardForGuild(guildId, count);
  } catch {
    return 0;
  }
};

export interface LeaseChanges {
  readonly gained: readonly number[];
  readonly lost: readonly number[];
  /** The store could not be reached: partitions not yet renewed were left as they were. */
  readonly unreachable: boolean;
}

/**
 * Which parties this process schedules. A party belongs to its guild's shard
 * (Discord's rule: the shard that gets the guild's events, and so its
 * commands; parties outside a guild go with shard 0), and within a shard to
 * one of the 64 partitions of the party index. Each partition is leased:
 * claimed in the store for LEASE_TTL_MS and renewed every LEASE_RENEW_MS, so
 * with two copies of a shard running (a restart overlapping the old process,
 * or one started by mistake) each partition is run by one of them, and when
 * one dies the other takes its partitions over once their leases lapse.
 * The first process up takes every free partition; the others stand by.
 */
export class Ownership {
  private readonly held = new Set<number>();

  constructor(
    private readonly store: Store,
    readonly owner: string,
    readonly shard: ShardInfo = UNSHARDED,
    private readonly ttlMs = LEASE_TTL_MS,
  ) {}

  ownsGuild(guildId: string | null): boolean {
    if (this.shard.count === 1) return true;
    return shardOfGuild(guildId, this.shard.count) === this.shard.id;
  }

  holds(bucket: number): boolean {
    return this.held.has(bucket);
  }

  /** Whether this process schedules the party: its guild is this shard's, and its partition is leased here. */
  owns(party: { readonly guildId: string | null; readonly channelId: string }): boolean {
    return this.held.has(bucketOf(party.channelId)) && this.ownsGuild(party.guildId);
  }

  get partitions(): number[] {
    return [...this.held].sort((a, b) => a - b);
  }

  /**
   * Renews the partitions held and takes any whose lease has lapsed, in one
   * round trip. When the store cannot be reached, what was held stays held:
   * nobody else can take it from an unreachable store either, and every post
   * is still claimed on its own before it is sent.
   */
  async renew(now: number): Promise<LeaseChanges> {
    const buckets = Array.from({ length: INDEX_BUCKETS }, (_, bucket) => bucket);
    let mine: boolean[];
    try {
      mine = await this.store.claimEach(
        buckets.map((bucket) => this.leaseKey(bucket)),
        this.owner,
        this.ttlMs,
        now,
      );
    } catch (error) {
      if (error instanceof StoreUnavailableError) return { gained: [], lost: [], unreachable: true };
      throw error;
    }
    const gained = buckets.filter((bucket) => mine[bucket] && !this.held.has(bucket));
    const lost = buckets.filter((bucket) => !mine[bucket] && this.held.has(bucket));
    for (const bucket of gained) this.held.add(bucket);
    for (const bucket of lost) this.held.delete(bucket);
    return { gained, lost, unreachable: false };
  }

  /** Lets every partition go at once, on a clean shutdown, so another process need not wait for the leases to lapse. */
  async releaseAll(): Promise<void> {
    const held = this.partitions;
    this.held.clear();
    await Promise.allSettled(held.map((bucket) => this.store.release(this.leaseKey(bucket), this.owner)));
  }

  /** Per shard layout: processes sharded differently (during a re-shard) never share a lease. */
  private leaseKey(bucket: number): string {
    return storeKey('party-lease', `${this.shard.id}of${this.shard.count}`, String(bucket));
  }
}
