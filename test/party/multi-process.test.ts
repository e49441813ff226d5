import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../src/clock.js';
import { shardForGuild } from '../../src/discord/shard.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { LEASE_RENEW_MS, LEASE_TTL_MS } from '../../src/party/ownership.js';
import { libraryOf, type FilmLibrary } from '../../src/story/library.js';
import {
  cluster,
  coverageProblems,
  sharedMemory,
  sharedRedis,
  sharedSqlite,
  type Instance,
  type PartyStarted,
  type SharedBackend,
} from '../support/cluster.js';
import { bundledPack, fixturePack } from '../support/pack.js';
import { FakeOutbox, MINUTE, ORGANISER } from '../support/party.js';
import { capturingLogger } from '../support/logs.js';

const logger = createLogger({ level: 'silent' });
/** Info and up, as JSON lines the test can read. */
const REDIS_URL = process.env.REDIS_URL;
const PARTIES = 200;
/** Parties start 0 to 39 minutes after they are made; the film runs 103 minutes. */
const SPREAD_MIN = 40;
const FILM_MIN = 110;

/** Ten guilds, alternating between the two shards of a two-shard bot. */
const GUILDS = Array.from({ length: 10 }, (_, k) => String(300000000000000001n + (BigInt(k) << 22n)));
const channelOf = (i: number) => `21000000000000${String(i).padStart(5, '0')}`;

const backends: [string, (log: typeof logger) => SharedBackend][] = [
  ['memory (one store object, as two services in one process)', sharedMemory],
  ['SQLite (two connections to one file)', sharedSqlite],
  ...(REDIS_URL
    ? [
        ['Redis (two connections)', (log: typeof logger) => sharedRedis(REDIS_URL, log)] as [
          string,
          typeof sharedMemory,
        ],
      ]
    : []),
];

describe.each(backends)('watch parties run by two processes on %s', (_name, backendFor) => {
  let films: FilmLibrary;
  let c: ReturnType<typeof cluster> | undefined;
  const setUp = async (log: Logger = logger) => {
    films ??= libraryOf([await bundledPack(), await fixturePack()], 'never-let-me-go');
    const clock = new SimulatedClock();
    c = cluster({ backend: backendFor(logger), clock, films, outbox: new FakeOutbox(clock), logger: log });
    return c;
  };
  afterEach(async () => {
    await c?.close();
    c = undefined;
  });

  /** Starts party i through `on`, in guild `guildId`, i % SPREAD_MIN minutes from now. */
  const startParties = async (on: (i: number, guildId: string) => Instance): Promise<PartyStarted[]> => {
    const started: PartyStarted[] = [];
    for (let i = 0; i < PARTIES; i++) {
      const guildId = GUILDS[i % GUILDS.length]!;
      const channelId = channelOf(i);
      const minutes = i % SPREAD_MIN;
      const outcome = await on(i, guildId).service.start({
        actor: { userId: ORGANISER, guildId, channelId, canManageEvents: false },
        channelId,
        when: `in ${minutes}m`,
        event: false,
      });
      started.push({ id: outcome.view.record.id, channelId, guildId, minutes });
    }
    return started;
  };

  it(
    'GIVEN two shards WHEN 200 parties in their guilds run through the whole film THEN each shard posts only for its own guilds, and every post is made exactly once',
    { timeout: 120_000 },
    async () => {
      const c = await setUp();
      const shards = [
        await c.start('shard-0', { id: 0, count: 2 }),
        await c.start('shard-1', { id: 1, count: 2 }),
      ];
      // Discord sends a guild's commands to its shard, so each party is started there.
      const parties = await startParties((_, guildId) => shards[shardForGuild(guildId, 2)]!);
      expect(shards.map((shard) => shard.service.size)).toEqual([PARTIES / 2, PARTIES / 2]);
      for (let minute = 0; minute < SPREAD_MIN + FILM_MIN; minute++) await c.advance(MINUTE);

      const { problems, catchUps } = coverageProblems(c.posts, parties, films);
      expect(problems).toEqual([]);
      expect(catchUps).toBe(0);
      const guildOf = new Map(parties.map((party) => [party.channelId, party.guildId]));
      for (const post of c.posts)
        expect(post.by).toBe(`shard-${shardForGuild(guildOf.get(post.channelId)!, 2)}`);
      expect(shards.map((shard) => shard.service.size)).toEqual([0, 0]);
    },
  );

  it(
    'GIVEN two copies of the bot, parties started on both WHEN the first is killed mid-film THEN the second takes its parties over within the lease, and every post is still made exactly once',
    { timeout: 120_000 },
    async () => {
      const c = await setUp();
      const a = await c.start('A');
      const b = await c.start('B');
      // The first one up leases every partition; the second stands by.
      expect([a.service.partitions, b.service.partitions]).toEqual([64, 0]);
      const parties = await startParties((i) => (i % 2 === 0 ? a : b));
      // B saved its parties for A, which picks them up at its next lease renewal.
      expect([a.service.size, b.service.size]).toEqual([PARTIES / 2, 0]);
      await c.advance(LEASE_RENEW_MS);
      expect([a.service.size, b.service.size]).toEqual([PARTIES, 0]);

      for (let minute = 1; minute < 60; minute++) await c.advance(MINUTE);
      await a.kill();
      const killedAt = c.posts.length;
      let tookOverAfter: number | undefined;
      for (let minute = 60; minute < SPREAD_MIN + FILM_MIN + 5; minute++) {
        await c.advance(MINUTE);
        if (tookOverAfter === undefined && b.service.size > 0) tookOverAfter = (minute - 59) * MINUTE;
      }
      expect(tookOverAfter).toBeLessThanOrEqual(LEASE_TTL_MS + LEASE_RENEW_MS);
      expect(b.service.partitions).toBe(64);
      expect(c.posts.slice(killedAt).every((post) => post.by === 'B')).toBe(true);

      // The gap is shorter than LATE_MS, so what fell due in it went out as itself, late; never twice.
      const { problems } = coverageProblems(c.posts, parties, films, { maxCatchUps: 1 });
      expect(problems).toEqual([]);
      expect(b.service.size).toBe(0);
    },
  );

  it(
    'GIVEN the first copy stalls past its lease WHEN it wakes and runs what fell due meanwhile THEN the posts the second already made are not made again, and the first lets go',
    { timeout: 120_000 },
    async () => {
      const { logger: capturing, lines } = capturingLogger('info');
      const c = await setUp(capturing);
      const a = await c.start('A');
      const b = await c.start('B');
      // Leases renew on the half minute; the parties post at a quarter past, so a process that
      // stalls just after renewing still believes, on waking, that it runs them when the next posts fall due.
      await c.advance(15 * 1000);
      const parties = await startParties(() => a);
      await c.advance(45 * 1000);
      for (let minute = 1; minute < 35; minute++) await c.advance(MINUTE);
      a.stalled = true;
      for (let minute = 0; minute < 3; minute++) await c.advance(MINUTE);
      expect(b.service.partitions).toBe(64);
      expect(c.posts.filter((post) => post.by === 'B').length).toBeGreaterThan(0);
      // A wakes: its timers are three minutes behind, and it still believes it runs every party.
      a.stalled = false;
      await c.advance(MINUTE);
      expect(a.service.partitions).toBe(0);
      expect(a.service.size).toBe(0);
      const stale = lines().filter(
        (line) => line.instance === 'A' && line.msg === 'watch party post already made by another process',
      );
      expect(stale.length).toBeGreaterThan(0);
      for (let minute = 0; minute < FILM_MIN; minute++) await c.advance(MINUTE);

      const { problems } = coverageProblems(c.posts, parties, films, { maxCatchUps: 1 });
      expect(problems).toEqual([]);
      expect(b.service.size).toBe(0);
    },
  );

  it(
    "GIVEN an old unsharded copy still running beside the new shard 0 of 2 (a re-shard) THEN both run shard 0's parties at the same moments, and the claims keep every post exactly once",
    { timeout: 120_000 },
    async () => {
      const { logger: capturing, lines } = capturingLogger('info');
      const c = await setUp(capturing);
      const old = await c.start('old');
      const parties = await startParties(() => old);
      // Leases are per shard layout, so the new shard takes its own and runs its guilds' parties too.
      const shard0 = await c.start('shard-0', { id: 0, count: 2 });
      expect(shard0.service.size).toBe(PARTIES / 2);
      for (let minute = 0; minute < SPREAD_MIN + FILM_MIN; minute++) await c.advance(MINUTE);

      expect(coverageProblems(c.posts, parties, films).problems).toEqual([]);
      const raced = lines().filter((line) =>
        [
          'another process is sending this watch party post',
          'watch party post already made by another process',
        ].includes(String(line.msg)),
      );
      expect(raced.length).toBeGreaterThan(0);
      expect(new Set(c.posts.map((post) => post.by))).toEqual(new Set(['old', 'shard-0']));
    },
  );

  it('GIVEN a copy that stops cleanly THEN the other takes over at its next renewal, without waiting for the lease', async () => {
    const c = await setUp();
    const a = await c.start('A');
    const b = await c.start('B');
    const parties = await startParties(() => a);
    await c.advance(10 * MINUTE);
    await a.service.close();
    a.stalled = true;
    await c.advance(LEASE_RENEW_MS);
    expect([b.service.partitions, b.service.size]).toEqual([64, PARTIES]);
    for (let minute = 0; minute < SPREAD_MIN + FILM_MIN; minute++) await c.advance(MINUTE);
    expect(coverageProblems(c.posts, parties, films).problems).toEqual([]);
  }, 120_000);
});

if (!REDIS_URL)
  describe('watch parties run by two processes on Redis', () => {
    it.skip('set REDIS_URL (e.g. redis://127.0.0.1:6379) to run these on Redis', () => undefined);
  });
