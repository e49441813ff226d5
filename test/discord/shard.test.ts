import { ShardClientUtil } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shardForGuild, shardingRefusal, shardOf } from '../../src/discord/shard.js';
import { testApp } from '../support/app.js';

describe('shardForGuild', () => {
  it.each([
    ['175928847299117063', 1, 0],
    ['175928847299117063', 16, 4],
    ['81384788765712384', 3, 1],
    ['41771983423143937', 10, 4],
    // Above 2^53: a Number would have lost the low bits before the shift.
    ['18446744073709551615', 7, 0],
  ])('GIVEN guild %s and %i shards THEN it is shard %i: (id >> 22) %% count', (guildId, count, shard) => {
    expect(shardForGuild(guildId, count)).toBe(shard);
  });

  it("GIVEN any guild id and shard count THEN it agrees with discord.js, which routes the guild's events", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
        fc.integer({ min: 1, max: 5000 }),
        (id, count) => {
          const shard = shardForGuild(String(id), count);
          expect(shard).toBe(ShardClientUtil.shardIdForGuildId(String(id), count));
          expect(shard).toBeGreaterThanOrEqual(0);
          expect(shard).toBeLessThan(count);
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    ['abc', 2],
    ['', 2],
    ['-1', 2],
    ['175928847299117063', 0],
    ['175928847299117063', 1.5],
  ])('GIVEN guild "%s" and %s shards THEN it refuses instead of guessing', (guildId, count) => {
    expect(() => shardForGuild(guildId, count)).toThrow(RangeError);
  });
});

describe('the shard a process runs', () => {
  it('GIVEN SHARDS and SHARD_COUNT set by the sharding manager THEN the app knows its shard', async () => {
    const app = await testApp({ SHARDS: '1', SHARD_COUNT: '4' });
    expect(app.shard).toEqual({ id: 1, count: 4 });
  });

  it('GIVEN no sharding manager THEN the app has no shard', async () => {
    const app = await testApp();
    expect(app.shard).toBeUndefined();
    expect(shardOf({ SHARDS: undefined, SHARD_COUNT: 'auto' })).toBeUndefined();
  });

  it.each(['sqlite://./var/filmclub.sqlite', 'memory://'])(
    'GIVEN STORE_URL %s THEN sharding is refused in one line that says to use Redis',
    (url) => {
      const refusal = shardingRefusal(url);
      expect(refusal).toMatch(/STORE_URL=redis:\/\/host:port/);
      expect(refusal).not.toContain('\n');
    },
  );

  it.each(['redis://127.0.0.1:6379', 'rediss://cache.example:6380'])(
    'GIVEN STORE_URL %s THEN sharding may go ahead',
    (url) => {
      expect(shardingRefusal(url)).toBeUndefined();
    },
  );
});
