import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@keyv/redis';
import type { z } from 'zod';
import type { ShardInfo } from '../../src/app/services.js';
import type { SimulatedClock } from '../../src/clock.js';
import type { Logger } from '../../src/logger.js';
import { nonceFor, type PartyOutbox } from '../../src/party/outbox.js';
import { PartyService } from '../../src/party/service.js';
import { stopsOf } from '../../src/party/stops.js';
import { createStore } from '../../src/store/factory.js';
import { StoreUnavailableError, type Store } from '../../src/store/store.js';
import type { FilmLibrary } from '../../src/story/library.js';
import type { FakeOutbox, RecordedPost } from './party.js';

/**
 * A store as one process sees it: the real one, until the test cuts it off.
 * `down` is an outage (every operation fails as an unreachable Redis does);
 * after `kill` the process is gone for good, and nothing it tries lands.
 */
export class SwitchableStore implements Store {
  down = false;
  /** Operations refused while down. */
  refused = 0;
  constructor(readonly inner: Store) {}

  private check(operation: string): void {
    if (!this.down) return;
    this.refused += 1;
    throw new StoreUnavailableError(`the store could not ${operation}: it is down (test)`);
  }
  async get<T>(key: string, schema: z.ZodType<T>) {
    this.check('get');
    return this.inner.get(key, schema);
  }
  async set(key: string, value: unknown, ttlMs?: number) {
    this.check('set');
    return this.inner.set(key, value, ttlMs);
  }
  async delete(key: string) {
    this.check('delete');
    return this.inner.delete(key);
  }
  async claim(key: string, owner: string, ttlMs: number, now: number) {
    this.check('claim');
    return this.inner.claim(key, owner, ttlMs, now);
  }
  async claimEach(keys: readonly string[], owner: string, ttlMs: number, now: number) {
    this.check('claim');
    return this.inner.claimEach(keys, owner, ttlMs, now);
  }
  async release(key: string, owner: string) {
    this.check('release');
    return this.inner.release(key, owner);
  }
  async close() {
    // The shared store is closed once, by the cluster.
  }
}

/** Where the processes of a test keep their state: one store each, all on the same data. */
export interface SharedBackend {
  readonly name: string;
  /** A store for one more process: its own connection where the backend has connections. */
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

/** Memory can only be shared by processes that are really one: every instance gets the same store. */
export const sharedMemory = (logger: Logger): SharedBackend => {
  let store: Promise<Store> | undefined;
  return {
    name: 'memory',
    open: () => (store ??= createStore('memory://', { logger })),
    cleanup: async () => (await store)?.close(),
  };
};

/** One SQLite file, opened once per process, as two processes on one machine would. */
export const sharedSqlite = (logger: Logger): SharedBackend => {
  const opened: Store[] = [];
  const dir = mkdtemp(path.join(tmpdir(), 'filmclub-cluster-'));
  return {
    name: 'sqlite',
    async open() {
      const store = await createStore(`sqlite://${path.join(await dir, 'store.sqlite')}`, { logger });
      opened.push(store);
      return store;
    },
    async cleanup() {
      await Promise.all(opened.map((store) => store.close()));
      await rm(await dir, { recursive: true, force: true });
    },
  };
};

/** One Redis, a connection per process, under a namespace of this test's own that is deleted afterwards. */
export const sharedRedis = (url: string, logger: Logger): SharedBackend => {
  const namespace = `filmclub-test-${randomUUID()}`;
  const opened: Store[] = [];
  return {
    name: 'redis',
    async open() {
      const store = await createStore(url, { logger, namespace });
      opened.push(store);
      return store;
    },
    async cleanup() {
      await Promise.all(opened.map((store) => store.close()));
      const client = createClient({ url });
      client.on('error', () => undefined);
      await client.connect();
      for await (const keys of client.scanIterator({ MATCH: `*${namespace}:*` }))
        if (keys.length > 0) await client.del(keys);
      await client.close();
    },
  };
};

const STEP_MS = 60 * 1000;

/** A post as the cluster saw it: which process made it. */
export interface TaggedPost extends RecordedPost {
  readonly by: string;
}

/** One process's outbox: the shared fake Discord, remembering who sent what. */
const taggedOutbox = (shared: FakeOutbox, by: string, log: TaggedPost[]): PartyOutbox => ({
  async post(channelId, reply, options) {
    const before = shared.posts.length;
    // The fake records a post as soon as it is called: read it back before another process can post.
    const result = shared.post(channelId, reply, options);
    for (const post of shared.posts.slice(before)) log.push({ ...post, by });
    return result;
  },
  notify: (userId, reply) => shared.notify(userId, reply),
  channelPermissions: (channelId) => shared.channelPermissions(channelId),
  createEvent: (guildId, channelId, spec) => shared.createEvent(guildId, channelId, spec),
  editEvent: (guildId, eventId, patch) => shared.editEvent(guildId, eventId, patch),
  deleteEvent: (guildId, eventId) => shared.deleteEvent(guildId, eventId),
});

export interface Instance {
  readonly name: string;
  readonly service: PartyService;
  readonly store: SwitchableStore;
  /** The process dies: its store connection is cut first, so nothing it would still do lands, and it never runs again. */
  kill(): Promise<void>;
  readonly killed: boolean;
  /** A process that stopped running for a while (a long GC pause, a frozen VM): time passes it by. */
  stalled: boolean;
}

/** Several bot processes on a simulated clock, one shared store and one fake Discord. */
export const cluster = (deps: {
  readonly backend: SharedBackend;
  readonly clock: SimulatedClock;
  readonly films: FilmLibrary;
  readonly outbox: FakeOutbox;
  readonly logger: Logger;
}) => {
  const posts: TaggedPost[] = [];
  const instances: Instance[] = [];
  return {
    posts,
    instances,
    async start(name: string, shard?: ShardInfo): Promise<Instance> {
      const store = new SwitchableStore(await deps.backend.open());
      const service = new PartyService({
        store,
        clock: deps.clock,
        logger: deps.logger.child({ instance: name }),
        films: deps.films,
        manual: true,
        instanceId: name,
        ...(shard ? { shard } : {}),
      });
      await service.attach(taggedOutbox(deps.outbox, name, posts));
      let killed = false;
      const instance: Instance = {
        name,
        service,
        store,
        get killed() {
          return killed;
        },
        stalled: false,
        async kill() {
          killed = true;
          store.down = true;
          await service.close();
        },
      };
      instances.push(instance);
      return instance;
    },
    /**
     * Time passes for every live process alike: each runs what fell due, all
     * at once. In steps of at most a minute: within a step each process runs
     * its due work at its own pace, so one may be a step ahead of another in
     * simulated time, which real processes on one clock never are. A minute
     * is less than the margin of a lease (90 s, renewed every 30 s) or a post
     * claim (60 s from a time inside the step), so no claim lapses just
     * because one process got ahead.
     */
    async advance(ms: number) {
      for (let left = ms; left > 0; left -= STEP_MS) {
        deps.clock.advance(Math.min(left, STEP_MS));
        await Promise.all(instances.filter((i) => !i.killed && !i.stalled).map((i) => i.service.runDue()));
      }
    },
    async close() {
      for (const instance of instances) if (!instance.killed) await instance.service.close();
      await deps.backend.cleanup();
    },
  };
};

/**
 * What each post of a party stood for, by its nonce: 'reminder', 'start', a
 * stop id, or a catch-up covering several (every run of stops it could cover).
 */
export const postDecoder = (films: FilmLibrary) => {
  const stops = stopsOf(films.default).map((stop) => stop.id);
  return (partyId: string): Map<string, { key: string; covers: string[] }> => {
    const byNonce = new Map<string, { key: string; covers: string[] }>();
    const add = (key: string, covers: string[]) => byNonce.set(nonceFor(partyId, key), { key, covers });
    add('reminder', ['reminder']);
    add('start', ['start']);
    for (const stop of stops) add(`cp-${stop}`, [stop]);
    for (const missedStart of [false, true])
      for (let from = 0; from <= stops.length; from++)
        for (let to = from; to <= stops.length; to++) {
          const run = stops.slice(from, to);
          if (run.length === 0 && (!missedStart || from > 0)) continue;
          const marks = [...(missedStart ? ['reminder', 'start'] : []), ...run];
          add(`catchup-${marks.join('-')}`, [...(missedStart ? ['start'] : []), ...run]);
        }
    return byNonce;
  };
};

export interface PartyStarted {
  readonly id: string;
  readonly channelId: string;
  readonly guildId: string;
  /** Minutes from creation to start: 0 starts at once (the command's reply is the start post). */
  readonly minutes: number;
}

/**
 * Checks that every party got each thing it should exactly once: its reminder
 * (more than 10 minutes ahead), its start post (unless started at once) and
 * every stop, each either in its own post or in a catch-up post; and no more
 * than `maxCatchUps` catch-up posts per party. Returns what went wrong.
 */
export const coverageProblems = (
  posts: readonly RecordedPost[],
  parties: readonly PartyStarted[],
  films: FilmLibrary,
  { maxCatchUps = 0 } = {},
): { problems: string[]; catchUps: number } => {
  const decode = postDecoder(films);
  const stops = stopsOf(films.default).map((stop) => stop.id);
  const problems: string[] = [];
  let catchUps = 0;
  const byChannel = new Map<string, RecordedPost[]>();
  for (const post of posts) byChannel.set(post.channelId, [...(byChannel.get(post.channelId) ?? []), post]);
  for (const party of parties) {
    const byNonce = decode(party.id);
    const covered = new Map<string, number>();
    let partyCatchUps = 0;
    for (const post of byChannel.get(party.channelId) ?? []) {
      const what = byNonce.get(post.nonce);
      if (!what) {
        problems.push(`${party.id}: a post that is none of its own`);
        continue;
      }
      if (what.key.startsWith('catchup-')) partyCatchUps += 1;
      for (const item of what.covers) covered.set(item, (covered.get(item) ?? 0) + 1);
    }
    catchUps += partyCatchUps;
    if (partyCatchUps > maxCatchUps) problems.push(`${party.id}: ${partyCatchUps} catch-up posts`);
    const expected = [
      ...(party.minutes > 10 ? ['reminder'] : []),
      ...(party.minutes > 0 ? ['start'] : []),
      ...stops,
    ];
    for (const item of expected) {
      const times = covered.get(item) ?? 0;
      // A reminder missed along with the start is folded into the catch-up that says it started.
      if (item === 'reminder' && times === 0 && partyCatchUps > 0 && covered.has('start')) continue;
      if (times !== 1) problems.push(`${party.id}: ${item} posted ${times} times`);
    }
    for (const item of covered.keys())
      if (!expected.includes(item)) problems.push(`${party.id}: ${item} posted but not expected`);
  }
  const nonces = posts.map((post) => post.nonce);
  if (new Set(nonces).size !== nonces.length) problems.push('some nonce was sent twice');
  return { problems, catchUps };
};
