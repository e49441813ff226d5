import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_UNAVAILABLE } from '../../src/command/run.js';
import type { StepResult } from '../../src/console/session.js';
import { consoleSession } from '../support/console.js';
import { freePort, hasRedisServer, startRedis, type ThrowawayRedis } from '../support/redis-server.js';

const available = hasRedisServer();

/** The one reply of a step, with how long the step took. */
const only = (step: StepResult | undefined) => {
  expect(step?.error).toBeUndefined();
  expect(step?.replies).toHaveLength(1);
  return step!.replies[0]!;
};
const text = (reply: ReturnType<typeof only>) =>
  [reply.content, ...reply.embeds.map((embed) => JSON.stringify(embed))].join('\n');

describe.skipIf(!available)('GIVEN the bot on a Redis of its own that goes away and comes back', () => {
  let redis: ThrowawayRedis;
  let port: number;
  let console: Awaited<ReturnType<typeof consoleSession>>;
  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    console = await consoleSession({ STORE_URL: redis.url });
  });
  afterAll(async () => {
    await console?.session.close();
    await redis?.kill();
  });

  it('WHEN Redis is up THEN progress is saved and read back', async () => {
    const [set, show] = await console.run('/progress set watched:45m', '/progress show');
    expect(only(set).content).toMatch(/^Saved: you are at 0:45/);
    expect(only(show).content).toMatch(/you are at 0:45, saved/);
  });

  it('WHEN Redis is killed THEN progress commands answer privately that storage is unavailable, quickly', async () => {
    await redis.kill();
    for (const line of ['/progress show', '/progress set watched:1:05', '/progress clear']) {
      const started = performance.now();
      const reply = only((await console.run(line))[0]);
      expect(performance.now() - started, line).toBeLessThan(1600);
      expect(reply, line).toMatchObject({ ephemeral: true, content: STORE_UNAVAILABLE });
    }
  });

  it('WHEN Redis is down THEN /ask, /recap until:, /character, /film and /help still answer', async () => {
    for (const line of [
      '/ask question:who plays ruth',
      '/recap until:45m',
      '/character name:ruth',
      '/film',
      '/help',
    ]) {
      const reply = only((await console.run(line))[0]);
      expect(text(reply), line).not.toContain("can't reach my storage");
      expect(text(reply).length, line).toBeGreaterThan(20);
    }
    const [ask] = await console.run('/ask question:who plays ruth');
    expect(only(ask)).toMatchObject({ ephemeral: false });
    expect(text(only(ask))).toMatch(/Keira Knightley/);
  });

  it('WHEN Redis is down and /recap has no until: THEN it asks for one instead of guessing', async () => {
    const reply = only((await console.run('/recap'))[0]);
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/can't read your saved progress right now\. Add until: with/);
  });

  it('WHEN Redis comes back on the same port THEN progress commands work again', async () => {
    redis = await startRedis(port);
    const [set, show, recap] = await console.run('/progress set watched:1:05', '/progress show', '/recap');
    expect(only(set).content).toMatch(/^Saved: you are at 1:05/);
    expect(only(show).content).toMatch(/you are at 1:05, saved/);
    expect(only(recap).content).not.toMatch(/can't read your saved progress/);
  });
});

// Named so a machine without redis-server says so in the report instead of passing quietly.
if (!available)
  describe('Redis outage tests', () => {
    it.skip('are skipped: redis-server is not on PATH', () => {});
  });
