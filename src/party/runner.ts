import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { ShardInfo } from '../app/services.js';
import type { Clock } from '../clock.js';
import { UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { FilmLibrary } from '../story/library.js';
import type { Pack } from '../story/pack.js';
import type { Store } from '../store/store.js';
import { nextDue, planDue } from './due.js';
import { EventSync } from './event-sync.js';
import { eventEditAt } from './events.js';
import { missingChannelPermissions, nonceFor, type PartyOutbox, type SendFailure } from './outbox.js';
import { LEASE_RENEW_MS, Ownership } from './ownership.js';
import { pauseClock } from './party-clock.js';
import { Partitions } from './partitions.js';
import { PartyTable } from './party-table.js';
import { PostGate } from './post-claim.js';
import { permissionPauseNotice } from './posts.js';
import { withPosted, type PartyRecord } from './record.js';
import { Scheduler, type Timers } from './scheduler.js';
import { KeyedLock } from './lock.js';

/** Due this long ago or more, a prompt counts as missed (the bot was away): it goes into one catch-up post. */
export const LATE_MS = 2 * 60 * 1000;
const RETRY_BASE_MS = 15 * 1000;
const RETRY_MAX_MS = 10 * 60 * 1000;
const SAVE_RETRY_MS = 30 * 1000;
const RELOAD_RETRY_MS = 30 * 1000;

export interface PartyRunnerDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly films: FilmLibrary;
  /** Due work runs only when runDue is called: for simulated clocks. */
  readonly manual: boolean;
  readonly timers?: Timers;
  /** This process's shard under `npm run start:sharded`: it runs only its own guilds' parties. */
  readonly shard?: ShardInfo;
  /** Names this process in leases and claims; made up (host, pid, random) when not given. */
  readonly instanceId?: string;
}

const partyKey = (channelId: string) => `p:${channelId}`;
const eventKey = (channelId: string) => `e:${channelId}`;
const LEASES = 'leases';

const newInstanceId = () => `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;

/**
 * Keeps every active party armed and fires what falls due: one scheduler for
 * all parties, the table of parties, and the outbox. Commands change parties
 * through PartyService, which uses this.
 */
export class PartyRunner {
  readonly table: PartyTable;
  readonly events: EventSync;
  readonly lock = new KeyedLock();
  readonly ownership: Ownership;
  private readonly partitions: Partitions;
  private readonly gate: PostGate;
  private readonly scheduler: Scheduler;
  private outboxRef: PartyOutbox | undefined;
  private loaded = false;
  private readonly retries = new Map<string, number>();

  constructor(readonly deps: PartyRunnerDeps) {
    const owner = deps.instanceId ?? newInstanceId();
    this.ownership = new Ownership(deps.store, owner, deps.shard);
    this.table = new PartyTable(deps.store, deps.logger, { owner, now: () => deps.clock.now() });
    this.partitions = new Partitions({
      table: this.table,
      ownership: this.ownership,
      logger: deps.logger,
      lock: this.lock,
      adopt: (record, now) => this.adopt(record, now),
      drop: (channelId) => this.drop(channelId),
    });
    this.gate = new PostGate({
      store: deps.store,
      table: this.table,
      owner,
      logger: deps.logger,
      retryAt: (channelId, at) => this.scheduler.schedule(partyKey(channelId), at),
      arm: (record, now) => this.arm(record, now),
      adopt: (record, now) => this.adopt(record, now),
      drop: (channelId) => this.drop(channelId),
    });
    this.scheduler = new Scheduler((key, _dueAt, now) => this.onDue(key, now), {
      clock: deps.clock,
      logger: deps.logger,
      manual: deps.manual,
      ...(deps.timers ? { timers: deps.timers } : {}),
    });
    this.events = new EventSync({
      table: this.table,
      logger: deps.logger,
      outbox: () => this.outbox,
      packOf: (record) => this.packOf(record),
      schedule: (channelId, at) => this.scheduler.schedule(eventKey(channelId), at),
      scheduledAt: (channelId) => this.scheduler.dueAt(eventKey(channelId)),
      unsaved: (record, now) => this.arm(record, now),
    });
  }

  get outbox(): PartyOutbox {
    if (!this.outboxRef || !this.loaded)
      throw new UserError('Watch parties are still starting up. Try again in a minute.');
    return this.outboxRef;
  }

  /** Connects the outbox, reloads every active party from the store and runs whatever is already due. */
  async attach(outbox: PartyOutbox): Promise<void> {
    this.outboxRef = outbox;
    await this.reload();
    await this.scheduler.runDue();
  }

  runDue(): Promise<number> {
    return this.scheduler.runDue();
  }

  /** Stops firing, then lets every partition go, so another process takes over at once rather than after the lease. */
  async close(): Promise<void> {
    await this.scheduler.close();
    await this.ownership.releaseAll();
  }

  /** Whether this process runs the party: its guild's shard, and its partition's lease. */
  owns(record: PartyRecord): boolean {
    return this.ownership.owns(record);
  }

  packOf(record: PartyRecord): Pack {
    return this.deps.films.get(record.filmId) ?? this.deps.films.default;
  }

  /** Leases partitions, reads their parties back and re-arms them; a failure is retried rather than thrown. */
  private async reload(): Promise<void> {
    const now = this.deps.clock.now();
    try {
      await this.partitions.load(now);
      this.loaded = true;
      this.scheduler.schedule(LEASES, now + LEASE_RENEW_MS);
      this.deps.logger.info(
        { parties: this.table.size, partitions: this.ownership.partitions.length },
        'watch parties reloaded',
      );
    } catch (error) {
      this.deps.logger.error({ err: error }, 'could not reload watch parties; retrying');
      this.scheduler.schedule('reload', now + RELOAD_RETRY_MS);
    }
  }

  /** Holds a party read from the store (at start-up, or taken over) and arms what it missed. */
  private adopt(record: PartyRecord, now: number): void {
    this.table.adopt(record);
    this.arm(record, now, { reloading: true });
    if (record.event?.dirty) this.scheduler.schedule(eventKey(record.channelId), eventEditAt(record, now));
  }

  /** Stops running a party in memory (its partition moved, or it ended elsewhere); the store keeps it. */
  private drop(channelId: string): void {
    this.scheduler.cancel(partyKey(channelId));
    this.scheduler.cancel(eventKey(channelId));
    this.retries.delete(channelId);
    this.table.forget(channelId);
  }

  /** Arms the party's next due time, or disarms it when nothing is due (paused, or waiting on its organiser). */
  arm(record: PartyRecord, now: number, { reloading = false } = {}): void {
    // Another process runs it: the change is in the store, where that process reads it.
    if (!this.owns(record)) return this.scheduler.cancel(partyKey(record.channelId));
    let due = nextDue(record, this.packOf(record));
    // Missed while no process ran it: due now (and if by more than LATE_MS, it becomes one catch-up post).
    if (reloading && due !== undefined && due < now) due = now;
    if (this.table.isUnsaved(record.channelId)) due = Math.min(due ?? Infinity, now + SAVE_RETRY_MS);
    if (due === undefined) this.scheduler.cancel(partyKey(record.channelId));
    else this.scheduler.schedule(partyKey(record.channelId), due);
  }

  /** A command's change: saved first (a store failure leaves everything as it was), then armed. */
  async commit(record: PartyRecord, now: number): Promise<void> {
    await this.table.commit(record);
    this.arm(record, now);
  }

  private async onDue(key: string, now: number): Promise<void> {
    if (key === 'reload') return this.reload();
    if (key === LEASES) {
      await this.partitions.renew(now);
      return this.scheduler.schedule(LEASES, now + LEASE_RENEW_MS);
    }
    const channelId = key.slice(2);
    await this.lock.run(channelId, async () => {
      const record = this.table.get(channelId);
      if (!record || !this.owns(record)) return;
      // A change the store missed is saved first; if it still can't be, posting goes on while posts can
      // still be claimed (marks are in memory).
      if (this.table.isUnsaved(channelId) && !(await this.table.update(record))) this.arm(record, now);
      if (key.startsWith('e:')) await this.events.flush(record, now);
      else await this.fire(record, now);
    });
  }

  /*
   * Exactly once, within a process and across processes. Each post is
   *
   * 1. claimed in the store, atomically (Redis SET-if-free with an expiry,
   *    one SQLite statement, a Map): `post-claim:<partyId>:<mark>` for each
   *    mark it makes, held for POST_CLAIM_TTL_MS. A claim someone else holds
   *    means another process is sending it: skip it and look again shortly.
   * 2. checked against the party as stored: a process that took the party
   *    over with an older copy finds the marks of the one that posted, and
   *    goes on from that copy instead.
   * 3. sent with a nonce derived from the party and the post, with
   *    enforce_nonce, so Discord drops a second send made within its window.
   * 4. marked as posted (in memory at once, then in the store), and only then
   *    the claim released. A mark the store did not take leaves the claim to
   *    run out, so nobody repeats the post meanwhile.
   *
   * Marking before sending would lose a post whenever the process died in
   * between; claiming before sending loses nothing: a claim whose process
   * died runs out, and whoever runs the party then sends the post (a party
   * has one runner at a time, see ownership.ts; claims are for the moments
   * when two think they do). A process that dies after sending but before
   * marking leaves the post to be repeated; the claim runs out in less than
   * LATE_MS, so the repeat is the same post with the same nonce, and Discord
   * drops it. While the store is unreachable nothing can be claimed, so
   * nothing is posted: the party waits in memory and tries again every
   * STORE_RETRY_MS (post-claim.ts). A post missed by more than LATE_MS is not sent late one
   * by one: it becomes part of one catch-up post, or nothing at all if the
   * film has ended.
   */
  private async fire(record: PartyRecord, now: number): Promise<void> {
    const pack = this.packOf(record);
    const due = nextDue(record, pack);
    if (due === undefined) return;
    if (due > now) return this.arm(record, now);
    const plan = planDue(record, pack, now, now - due > LATE_MS);
    if (plan.endSilently) return this.end(record, now);
    if (plan.posts.length === 0) {
      // Due with nothing to post would fire again at once, forever: refuse to loop.
      this.deps.logger.error(
        { party: record.id, due, now },
        'watch party due with nothing to post; disarmed',
      );
      return;
    }
    let current = record;
    for (const post of plan.posts) {
      const turn = await this.gate.open(current, post, now);
      if (!turn) return;
      current = turn.record;
      const sent = await this.outbox.post(record.channelId, post.reply, {
        nonce: nonceFor(record.id, post.key),
      });
      if (!sent.ok) {
        if (sent.reason !== 'rejected') {
          await turn.release();
          return this.postFailed(current, sent.reason, now);
        }
        // Discord will never take this post: it is given up (and logged), so the film goes on.
        this.deps.logger.error(
          { party: record.id, post: post.key },
          'Discord rejected a watch party post; skipped',
        );
      }
      current = withPosted(current, post.marks);
      if (post.starts) current = { ...current, phase: 'running' };
      if (post.ends) {
        await this.end(current, now);
        return turn.release();
      }
      if (await this.table.update(current)) await turn.release();
      if (post.starts) current = await this.events.flush(current, now);
    }
    this.retries.delete(record.channelId);
    this.arm(current, now);
  }

  private async postFailed(
    record: PartyRecord,
    reason: Exclude<SendFailure, 'rejected'>,
    now: number,
  ): Promise<void> {
    const { logger } = this.deps;
    if (reason === 'unavailable') {
      const attempt = (this.retries.get(record.channelId) ?? 0) + 1;
      this.retries.set(record.channelId, attempt);
      const wait = Math.min(RETRY_BASE_MS * 2 ** (attempt - 1), RETRY_MAX_MS);
      logger.warn({ party: record.id, attempt, waitMs: wait }, 'watch party post failed; will retry');
      return this.scheduler.schedule(partyKey(record.channelId), now + wait);
    }
    if (reason === 'not-found') {
      logger.info({ party: record.id }, 'watch party channel is gone; ending the party');
      return this.end(record, now);
    }
    // Missing permissions: pause (so nothing retries in a loop) and tell the organiser, once.
    this.retries.delete(record.channelId);
    const paused: PartyRecord = {
      ...record,
      clock: record.phase === 'running' ? pauseClock(record.clock, now) : record.clock,
      pauseReason: 'permissions',
    };
    await this.table.update(paused);
    this.arm(paused, now);
    const missing = missingChannelPermissions(await this.outbox.channelPermissions(paused.channelId));
    const notice = permissionPauseNotice(paused, this.packOf(paused), missing);
    const told = await this.outbox.notify(paused.organiserId, notice);
    logger.warn(
      { party: paused.id, missing, organiserTold: told.ok },
      'watch party paused: cannot post in its channel',
    );
    if (paused.phase === 'running') await this.events.request(paused, now);
  }

  /** Ends a party: disarmed, removed from the store and the index, its event completed or cancelled. */
  async end(record: PartyRecord, now: number): Promise<void> {
    const { channelId } = record;
    this.scheduler.cancel(partyKey(channelId));
    this.scheduler.cancel(eventKey(channelId));
    this.retries.delete(channelId);
    try {
      await this.table.remove(record);
    } catch (error) {
      // Removed again at the next lease renewal; and if the process stops first, the film is over by
      // the next start-up (a stopped party aside), so the party ends there, silently.
      this.partitions.endFailed(record);
      this.deps.logger.warn(
        { err: error, party: record.id },
        'could not remove an ended watch party from the store',
      );
    }
    await this.events.close(record, now);
  }
}
