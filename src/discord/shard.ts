import type { ShardInfo } from '../app/services.js';
import type { Config } from '../config.js';

/**
 * Which shard receives a guild's events: Discord's rule, (guild_id >> 22) % shard_count.
 * BigInt, as snowflakes are 64-bit and a Number would lose their low bits.
 * Pure, so the watch-party scheduler can pick its own guilds' parties without discord.js.
 */
export const shardForGuild = (guildId: string, shardCount: number): number => {
  if (!/^\d{1,20}$/.test(guildId)) throw new RangeError(`"${guildId}" is not a guild id`);
  if (!Number.isInteger(shardCount) || shardCount < 1)
    throw new RangeError(`shard count must be a whole number, 1 or more; got ${shardCount}`);
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
};

/**
 * This process's shard, when the ShardingManager started it: the manager sets
 * SHARDS (this shard's id) and SHARD_COUNT in each shard's environment, which
 * is also where discord.js's own Client reads them from.
 */
export const shardOf = (config: Pick<Config, 'SHARDS' | 'SHARD_COUNT'>): ShardInfo | undefined =>
  config.SHARDS !== undefined && typeof config.SHARD_COUNT === 'number'
    ? { id: config.SHARDS, count: config.SHARD_COUNT }
    : undefined;

/** Backends every shard can share: the store must be one state for all of them. */
export const SHARED_STORES = /^rediss?:\/\//i;

/** Why this configuration cannot run sharded, as one line; undefined when it can. */
export const shardingRefusal = (storeUrl: string): string | undefined =>
  SHARED_STORES.test(storeUrl)
    ? undefined
    : `Sharding needs a store every shard shares, but STORE_URL is ${storeUrl.split('://')[0]}://: set STORE_URL=redis://host:port (see README, "Running at scale"), or run one process with npm start.`;
