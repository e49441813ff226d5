import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../src/clock.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { libraryOf, type FilmLibrary } from '../../src/story/library.js';
import {
  cluster,
  coverageProblems,
  sharedMemory,
  sharedRedis,
  type Instance,
  type PartyStarted,
  type SharedBackend,
} from '../support/cluster.js';
import { bundledPack, fixturePack } from '../support/pack.js';
import { FakeOutbox, MINUTE, ORGANISER } from '../support/party.js';
import { freePort, hasRedisServer, startRedis, type ThrowawayRedis } from '../support/redis-server.js';
import { capturingLogger } from '../support/logs.js';

const GUILD = '300000000000000001';
const PARTIES = 60;
const channelOf = (i: number) => `22000000000000${String(i).padStart(5, '0')}`;

/** Info and up, as JSON lines the test can read. */

describe('watch parties when the store goes away and comes back', () => {
  let films: FilmLibrary;
  let c: ReturnType<typeof cluster> | undefined;
  let redis: ThrowawayRedis | undefined;
  const setUp = async (backend: SharedBackend, logger: Logger) => {
    films ??= libraryOf([await bundledPack(), await fixturePack()], 'never-let-me-go');
    const clock = new SimulatedClock();
    c = cluster({ backend, clock, films, outbox: new FakeOutbox(clock), logger });
    return c;
  };
  afterEach(async () => {
    await c?.close();
    await redis?.kill();
    c = undefined;
    redis = undefined;
  });

  /** Party i starts i % 40 minutes from now, so some start while the store is away. */
  const startParties = async (on: Instance): Promise<PartyStarted[]> => {
    const started: PartyStarted[] = [];
    for (let i = 0; i < PARTIES; i++) {
      const channelId = channelOf(i);
      const minutes = i % 40;
      const outcome = await on.service.start({
        actor: { userId: ORGANISER, guildId: GUILD, channelId, canManageEvents: false },
        channelId,
        when: `in ${minutes}m`,
        event: false,
      });
      started.push({ id: outcome.view.record.id, channelId, guildId: GUILD, minutes });
    }
    return started;
  };

  it('GIVEN the store unreachable for five minutes mid-film THEN nothing is posted meanwhile, no party is dropped, and afterwards every post is made once (what was missed in one catch-up each)', async () => {
    const { logger, lines } = capturingLogger('info');
    const c = await setUp(sharedMemory(logger), logger);
    const bot = await c.start('bot');
    const parties = await startParties(bot);
    await c.advance(35 * MINUTE);
    const before = c.posts.length;
    bot.store.down = true;
    await c.advance(5 * MINUTE);
    expect(c.posts.length).toBe(before);
    expect(bot.service.size).toBe(PARTIES);
    expect(bot.store.refused).toBeGreaterThan(0);
    bot.store.down = false;
    await c.advance(3 * 60 * MINUTE);

    const { problems, catchUps } = coverageProblems(c.posts, parties, films, { maxCatchUps: 1 });
    expect(problems).toEqual([]);
    expect(catchUps).toBeGreaterThan(0);
    expect(bot.service.size).toBe(0);
    const messages = lines().map((line) => line.msg);
    expect(messages).toContain('watch party post waits for the store');
    expect(lines().filter((line) => line.level >= 50)).toEqual([]);
  });

  it('GIVEN an outage shorter than two minutes THEN the posts it held up go out late, each as itself', async () => {
    const { logger } = capturingLogger('info');
    const c = await setUp(sharedMemory(logger), logger);
    const bot = await c.start('bot');
    const parties = await startParties(bot);
    await c.advance(35 * MINUTE);
    bot.store.down = true;
    await c.advance(MINUTE);
    bot.store.down = false;
    await c.advance(3 * 60 * MINUTE);

    const { problems, catchUps } = coverageProblems(c.posts, parties, films);
    expect(problems).toEqual([]);
    expect(catchUps).toBe(0);
  });

  it('GIVEN two copies of the bot and an outage longer than a lease THEN when the store is back one of them runs the parties, and every post is made once', async () => {
    const { logger, lines } = capturingLogger('info');
    const c = await setUp(sharedMemory(logger), logger);
    const a = await c.start('A');
    const b = await c.start('B');
    const parties = await startParties(a);
    await c.advance(35 * MINUTE);
    a.store.down = true;
    b.store.down = true;
    await c.advance(4 * MINUTE);
    a.store.down = false;
    b.store.down = false;
    await c.advance(3 * 60 * MINUTE);

    expect(coverageProblems(c.posts, parties, films, { maxCatchUps: 1 }).problems).toEqual([]);
    expect(a.service.size + b.service.size).toBe(0);
    expect(lines().filter((line) => line.level >= 50)).toEqual([]);
  });

  it('GIVEN a party stopped while the store is away THEN it stays stopped when the store is back, and after a restart', async () => {
    const { logger } = capturingLogger('info');
    const c = await setUp(sharedMemory(logger), logger);
    const bot = await c.start('bot');
    const channelId = channelOf(0);
    const actor = { userId: ORGANISER, guildId: GUILD, channelId, canManageEvents: false };
    await bot.service.start({ actor, channelId, when: 'now', event: false });
    await c.advance(10 * MINUTE);
    bot.store.down = true;
    await bot.service.stop(actor);
    await c.advance(MINUTE);
    bot.store.down = false;
    await c.advance(MINUTE);
    await bot.service.close();
    bot.stalled = true;
    const again = await c.start('bot-again');
    expect(again.service.size).toBe(0);
    await c.advance(2 * 60 * MINUTE);
    expect(c.posts).toEqual([]);
  });

  it.skipIf(!hasRedisServer())(
    'GIVEN a real Redis killed mid-film and started again empty THEN the bot writes its parties back, posts resume, and a restart afterwards still finds every party',
    { timeout: 60_000 },
    async () => {
      const port = await freePort();
      redis = await startRedis(port);
      const quiet = createLogger({ level: 'silent' });
      const { logger, lines } = capturingLogger('info');
      const c = await setUp(sharedRedis(redis.url, quiet), logger);
      let bot = await c.start('bot');
      const parties = await startParties(bot);
      await c.advance(35 * MINUTE);
      await redis.kill();
      await c.advance(3 * MINUTE);
      expect(bot.service.size).toBe(PARTIES);
      redis = await startRedis(port); // nothing kept: an empty Redis
      await c.advance(MINUTE);
      expect(lines().map((line) => line.msg)).toContain(
        'the store had lost a running watch party; writing it back',
      );
      // The index is whole again: a fresh process finds every party still running.
      const running = bot.service.size;
      await bot.service.close();
      bot.stalled = true;
      bot = await c.start('bot-again');
      expect(bot.service.size).toBe(running);
      await c.advance(3 * 60 * MINUTE);

      expect(coverageProblems(c.posts, parties, films, { maxCatchUps: 1 }).problems).toEqual([]);
      expect(bot.service.size).toBe(0);
    },
  );
});
