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
import { pauseClock } from './party-clock.js';
import { PartyTable } from './party-table.js';
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
}

const partyKey = (channelId: string) => `p:${channelId}`;
const eventKey = (channelId: string) => `e:${channelId}`;

/**
 * Keeps every active party armed and fires what falls due: one scheduler for
 * all parties, the table of parties, and the outbox. Commands change parties
 * through PartyService, which uses this.
 */
export class PartyRunner {
  readonly table: PartyTable;
  readonly events: EventSync;
  readonly lock = new KeyedLock();
  private readonly scheduler: Scheduler;
  private outboxRef: PartyOutbox | undefined;
  private loaded = false;
  private readonly retries = new Map<string, number>();

  constructor(readonly deps: PartyRunnerDeps) {
    this.table = new PartyTable(deps.store, deps.logger);
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

  close(): Promise<void> {
    return this.scheduler.close();
  }

  packOf(record: PartyRecord): Pack {
    return this.deps.films.get(record.filmId) ?? this.deps.films.default;
  }

  /** Reads every active party back and re-arms it; a failure is retried rather than thrown. */
  private async reload(): Promise<void> {
    const now = this.deps.clock.now();
    try {
      for (const record of await this.table.load()) {
        this.arm(record, now, { reloading: true });
        if (record.event?.dirty)
          this.scheduler.schedule(eventKey(record.channelId), eventEditAt(record, now));
      }
      this.loaded = true;
      this.deps.logger.info({ parties: this.table.size }, 'watch parties reloaded');
    } catch (error) {
      this.deps.logger.error({ err: error }, 'could not reload watch parties; retrying');
      this.scheduler.schedule('reload', now + RELOAD_RETRY_MS);
    }
  }

  /** Arms the party's next due time, or disarms it when nothing is due (paused, or waiting on its organiser). */
  arm(record: PartyRecord, now: number, { reloading = false } = {}): void {
    let due = nextDue(record, this.packOf(record));
    // Missed while the bot was down: due now, and late enough that it becomes one catch-up post.
    if (reloading && due !== undefined && due < now - LATE_MS) due = now;
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
    const channelId = key.slice(2);
    await this.lock.run(channelId, async () => {
      const record = this.table.get(channelId);
      if (!record) return;
      // A change the store missed is saved first; if it still can't be, posting goes on (marks are in memory).
      if (this.table.isUnsaved(channelId) && !(await this.table.update(record))) this.arm(record, now);
      if (key.startsWith('e:')) await this.events.flush(record, now);
      else await this.fire(record, now);
    });
  }

  /*
   * Exactly once. Each post is sent with a nonce derived from the party and the
   * post, with enforce_nonce, and only then marked as posted in the store.
   * Marking first would lose a post whenever the process died before sending;
   * sending first can only repeat one when it dies between the send and the
   * mark, and a repeat sent on restart carries the same nonce, so Discord drops
   * it (restarts take seconds; its nonce window is minutes). Within one
   * process the mark goes into memory at once, so nothing fires twice there.
   * A post missed by more than LATE_MS is not sent late one by one: it becomes
   * part of one catch-up post, or nothing at all if the film has ended.
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
      const sent = await this.outbox.post(record.channelId, post.reply, {
        nonce: nonceFor(record.id, post.key),
      });
      if (!sent.ok) return this.postFailed(current, sent.reason, now);
      current = withPosted(current, post.marks);
      if (post.starts) current = { ...current, phase: 'running' };
      if (post.ends) return this.end(current, now);
      await this.table.update(current);
      if (post.starts) current = await this.events.flush(current, now);
    }
    this.retries.delete(record.channelId);
    this.arm(current, now);
  }

  private async postFailed(record: PartyRecord, reason: SendFailure, now: number): Promise<void> {
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
      await this.table.remove(channelId);
    } catch (error) {
      // On the next start-up the film is over, so the party ends there, silently.
      this.deps.logger.warn(
        { err: error, party: record.id },
        'could not remove an ended watch party from the store',
      );
    }
    await this.events.close(record, now);
  }
}
