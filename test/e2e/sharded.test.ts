import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord/index.js';
import { freePort, hasRedisServer, startRedis, type ThrowawayRedis } from '../support/redis-server.js';
import { startScript } from './support/spawn.js';

const logLines = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map(
      (line) => JSON.parse(line) as { msg: string; level: number; shardId?: number; totalShards?: number },
    );

const available = hasRedisServer();

describe.skipIf(!available)('npm run start:sharded against the fake Discord and a Redis of its own', () => {
  let fake: FakeDiscord;
  let redis: ThrowawayRedis;
  beforeAll(async () => {
    fake = await startFakeDiscord();
    redis = await startRedis(await freePort());
  });
  afterAll(async () => {
    await fake?.close();
    await redis?.kill();
  });

  it('GIVEN SHARD_COUNT=auto WHEN started THEN it asks Discord through DISCORD_API_URL, starts that many shards over src/main.ts, and stops them all on SIGTERM', async () => {
    const manager = startScript('src/shard.ts', [], {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      STORE_URL: redis.url,
      SHARD_COUNT: 'auto',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
    });
    try {
      await expect
        .poll(() => logLines(manager.output.stderr).map((line) => line.msg), {
          timeout: 20_000,
          interval: 100,
        })
        .toEqual(expect.arrayContaining(['every shard is up', 'connected to Discord']));
      const lines = logLines(manager.output.stderr);
      // The fake Discord recommends one shard.
      expect(lines).toContainEqual(
        expect.objectContaining({ msg: 'shard started', shardId: 0, totalShards: 1 }),
      );
      expect(lines).toContainEqual(expect.objectContaining({ msg: 'connected to Discord', shardId: 0 }));
      manager.child.kill('SIGTERM');
      const { code, stderr } = await manager.finished;
      expect(code).toBe(0);
      const messages = logLines(stderr).map((line) => line.msg);
      expect(messages).toEqual(expect.arrayContaining(['stopped', 'all shards stopped']));
      expect(fake.gateway.closeCodes).toEqual([1000]);
      expect(stderr).not.toContain(fake.token);
    } finally {
      manager.child.kill('SIGKILL');
    }
  }, 40_000);
});

describe('the sharded start-up test', () => {
  it.skipIf(!available)(
    available ? 'ran above with a redis-server of its own' : 'is skipped: redis-server is not on PATH',
    () => expect(available).toBe(true),
  );
});

describe('npm start with the sharding settings of .env.example', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('GIVEN SHARD_COUNT=auto and SHARDS blank (which discord.js would read as its own options) WHEN npm start THEN it connects as one process and stops cleanly', async () => {
    const bot = startScript('src/main.ts', [], {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      STORE_URL: 'memory://',
      SHARD_COUNT: 'auto',
      SHARDS: '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
    });
    try {
      await expect
        .poll(() => logLines(bot.output.stderr).map((line) => line.msg), { timeout: 15_000, interval: 100 })
        .toContain('connected to Discord');
      bot.child.kill('SIGTERM');
      const { code, stderr } = await bot.finished;
      expect(code, stderr).toBe(0);
      expect(logLines(stderr).find((line) => line.msg === 'connected to Discord')?.shardId).toBeUndefined();
    } finally {
      bot.child.kill('SIGKILL');
    }
  }, 30_000);
});
