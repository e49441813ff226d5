import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { LEASE_RENEW_MS, LEASE_TTL_MS, Ownership } from '../../src/party/ownership.js';
import { bucketOf } from '../../src/party/repository.js';
import { createStore } from '../../src/store/factory.js';
import { SwitchableStore } from '../support/cluster.js';

const logger = createLogger({ level: 'silent' });
const T0 = Date.UTC(2026, 0, 1, 20, 0, 0);
/** Guild ids whose shard of two is 0 and 1: (id >> 22) % 2. */
const ON_SHARD = ['300000000000000001', String(300000000000000001n + (1n << 22n))];
const CHANNEL = '200000000000000001';

describe('which process runs a party', () => {
  it("GIVEN two shards THEN each owns exactly its guilds' parties, by Discord's rule; parties outside a guild go with shard 0", async () => {
    const store = await createStore('memory://', { logger });
    const shards = [0, 1].map((id) => new Ownership(store, `shard-${id}`, { id, count: 2 }));
    for (const shard of shards) await shard.renew(T0);
    expect(shards.map((shard) => shard.partitions.length)).toEqual([64, 64]);
    for (const [index, guildId] of ON_SHARD.entries())
      expect(shards.map((shard) => shard.owns({ guildId, channelId: CHANNEL }))).toEqual([
        index === 0,
        index === 1,
      ]);
    expect(shards.map((shard) => shard.owns({ guildId: null, channelId: CHANNEL }))).toEqual([true, false]);
  });

  it('GIVEN A holds every partition WHEN it stops renewing THEN B gets them once the lease lapses, and A finds it has lost them', async () => {
    const store = await createStore('memory://', { logger });
    const a = new Ownership(store, 'A');
    const b = new Ownership(store, 'B');
    expect((await a.renew(T0)).gained).toHaveLength(64);
    expect((await b.renew(T0 + LEASE_RENEW_MS)).gained).toEqual([]);
    expect(b.owns({ guildId: ON_SHARD[0]!, channelId: CHANNEL })).toBe(false);
    expect((await b.renew(T0 + LEASE_TTL_MS)).gained).toHaveLength(64);
    const { lost } = await a.renew(T0 + LEASE_TTL_MS + 1);
    expect(lost).toHaveLength(64);
    expect(a.holds(bucketOf(CHANNEL))).toBe(false);
  });

  it('GIVEN A lets go cleanly THEN B gets every partition at once', async () => {
    const store = await createStore('memory://', { logger });
    const a = new Ownership(store, 'A');
    const b = new Ownership(store, 'B');
    await a.renew(T0);
    await a.releaseAll();
    expect((await b.renew(T0 + 1)).gained).toHaveLength(64);
  });

  it('GIVEN the store unreachable at a renewal THEN what was held stays held, and nothing is thrown', async () => {
    const store = new SwitchableStore(await createStore('memory://', { logger }));
    const a = new Ownership(store, 'A');
    await a.renew(T0);
    store.down = true;
    expect(await a.renew(T0 + LEASE_RENEW_MS)).toEqual({ gained: [], lost: [], unreachable: true });
    expect(a.partitions).toHaveLength(64);
  });
});
