import type { Clock } from '../clock.js';
import { UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { FilmLibrary } from '../story/library.js';
import type { Pack } from '../story/pack.js';
import type { Store } from '../store/store.js';
import { nextDue, planDue } from './due.js';
import { EVENT_MIN_GAP_MS, eventEditAt, eventPatch } from './events.js';
import { KeyedLock } from './lock.js';
import { missingChannelPermissions, nonceFor, type PartyOutbox, type SendFailure } from './outbox.js';
import { pauseClock } from './party-clock.js';
import { permissionPauseNotice } from './posts.js';
import { withPosted, type PartyRecord } from './record.js';
import { bucketOf, INDEX_BUCKETS, PartyRepository } from './repository.js';
import { Scheduler, type Timers } from './scheduler.js';

/** Due this long ago or more, a prompt counts as missed: the bot was away, and it gets a catch-up post instead. */
export const LATE_MS = 2 * 60 * 1000;
const RETRY_BASE_MS = 15 * 1000;
const RETRY_MAX_MS = 10 * 60 * 1000;
const SAVE_RETRY_MS = 30 * 1000;
const RELOAD_RETRY_MS = 30 * 1000;
const RELOAD_BATCH = 500;

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
 * Keeps every active party armed and fires what falls due: the in-memory view
 * of the store's party records, the one scheduler, and the outbox. Commands
 * change parties through PartyService, which uses this.
 */
export class PartyRunner {
  private readonly parties = new Map<string, PartyRecord>();
  private readonly buckets = Array.from({ length: INDEX_BUCKETS }, () => new Set<string>());
  readonly repo: PartyRepository;
  readonly lock = new KeyedLock();
  private readonly indexLock = new KeyedLock();
  private readonly scheduler: Scheduler;
  private outboxRef: PartyOutbox | undefined;
  private loaded = false;
  private readonly retries = new Map<string, number>();
  private readonly unsaved = new Set<string>();

  constructor(readonly deps: PartyRunnerDeps) {
    this.repo = new PartyRepository(deps.store);
    this.scheduler = new Scheduler((key, _dueAt, now) => this.onDue(key, now), {
      clock: deps.clock,
      logger: deps.logger,
      manual: deps.manual,
      ...(deps.timers ? { timers: deps.timers } : {}),
    });
  }

  get outbox(): PartyOutbox {
    if (!this.outboxRef || !this.loaded)
      throw new UserError('Watch parties are still starting up. Try again in a minute.');
    return this.outboxRef;
  }

  get size(): number {
    return this.parties.size;
  }

  /** Connects the outbox, reloads every active party from the store and runs whatever is already due. */
  async attach(outbox: PartyOutbox): Promise<void> {
    this.outboxRef = outbox;
    await this.reloadOrRetry();
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

  get(channelId: string): PartyRecord | undefined {
    return this.parties.get(channelId);
  }

  all(): IterableIterator<PartyRecord> {
    return this.parties.values();
  }

  /** Reads every active party back and re-arms it. Anything long overdue is marked for one catch-up post. */
  async reload(): Promise<number> {
    const now = this.deps.clock.now();
    const channels = await this.repo.activeChannels();
    const stale = new Set<number>();
    for (let i = 0; i < channels.length; i += RELOAD_BATCH) {
      const batch = channels.slice(i, i + RELOAD_BATCH);
      const records = await Promise.all(batch.map((channelId) => this.repo.load(channelId)));
      records.forEach((record, j) => {
        if (!record) return void stale.add(bucketOf(batch[j]!));
        this.track(record);
        this.arm(record, now, { reloading: true });
        if (record.event?.dirty)
          this.scheduler.schedule(eventKey(record.channelId), eventEditAt(record, now));
      });
    }
    this.loaded = true;
    for (const bucket of stale) await this.writeIndex(bucket);
    this.deps.logger.info({ parties: this.parties.size }, 'watch parties reloaded');
    return this.parties.size;
  }

  private async reloadOrRetry(): Promise<void> {
    try {
      await this.reload();
    } catch (error) {
      this.deps.logger.error({ err: error }, 'could not reload watch parties; retrying');
      this.scheduler.schedule('reload', this.deps.clock.now() + RELOAD_RETRY_MS);
    }
  }

  /** Arms the party's next due time, or disarms it when nothing is due (paused, or waiting on its organiser). */
  arm(record: PartyRecord, now: number, { reloading = false } = {}): void {
    let due = nextDue(record, this.packOf(record));
    // Missed while the bot was down: due now, and late enough that it becomes one catch-up post.
    if (reloading && due !== undefined && due < now - LATE_MS) due = now;
    if (this.unsaved.has(record.channelId)) due = Math.min(due ?? Infinity, now + SAVE_RETRY_MS);
    if (due === undefined) this.scheduler.cancel(partyKey(record.channelId));
    else this.scheduler.schedule(partyKey(record.channelId), due);
  }

  /** A command's change: saved first (a store failure leaves everything as it was), then armed. */
  async commit(record: PartyRecord, now: number): Promise<void> {
    await this.repo.save(record);
    this.unsaved.delete(record.channelId);
    const added = !this.parties.has(record.channelId);
    this.track(record);
    if (added) await this.writeIndex(bucketOf(record.channelId));
    this.arm(record, now);
  }

  private track(record: PartyRecord): void {
    this.parties.set(record.channelId, record);
    this.buckets[bucketOf(record.channelId)]!.add(record.channelId);
  }

  private writeIndex(bucket: number): Promise<void> {
    // Written from memory under a lock, so the last write always holds the latest list.
    return this.indexLock.run(String(bucket), () =>
      this.repo.writeBucket(bucket, [...this.buckets[bucket]!]),
    );
  }

  private async onDue(key: string, now: number): Promise<void> {
    if (key === 'reload') return this.reloadOrRetry();
    const channelId = key.slice(2);
    await this.lock.run(channelId, async () => {
      let record = this.parties.get(channelId);
      if (!record) return;
      if (this.unsaved.has(channelId)) await this.saveQuietly(record, now);
      if (key.startsWith('e:')) return void (await this.flushEvent(record, now));
      record = this.parties.get(channelId) ?? record;
      await this.fire(record, now);
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
   * A post missed by longer than LATE_MS is not sent late one by one: it
   * becomes part of one catch-up post, or nothing if the film has ended.
   */
  private async fire(record: PartyRecord, now: number): Promise<void> {
    const pack = this.packOf(record);
    const due = nextDue(record, pack);
    if (due === undefined) return;
    if (due > now) return this.arm(record, now);
    const plan = planDue(record, pack, now, now - due > LATE_MS);
    if (plan.endSilently) return this.end(record, now);
    if (plan.posts.length === 0) {
      // Due yet nothing to post would fire again at once, forever: refuse to loop.
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
      this.parties.set(current.channelId, current);
      if (post.ends) return this.end(current, now);
      await this.saveQuietly(current, now);
      if (post.starts) current = await this.flushEvent(current, now);
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
    // Missing permissions: pause (so nothing retries in a loop) and tell the organiser once.
    this.retries.delete(record.channelId);
    const paused: PartyRecord = {
      ...record,
      clock: record.phase === 'running' ? pauseClock(record.clock, now) : record.clock,
      pauseReason: 'permissions',
    };
    this.parties.set(paused.channelId, paused);
    this.scheduler.cancel(partyKey(paused.channelId));
    await this.saveQuietly(paused, now);
    const missing = missingChannelPermissions(await this.outbox.channelPermissions(paused.channelId));
    const told = await this.outbox.notify(
      paused.organiserId,
      permissionPauseNotice(paused, this.packOf(paused), missing),
    );
    logger.warn(
      { party: paused.id, missing, organiserTold: told.ok },
      'watch party paused: cannot post in its channel',
    );
    if (paused.phase === 'running') await this.requestEventSync(paused, now);
  }

  /** Ends a party: disarmed, removed from the store and the index, its event completed or cancelled. */
  async end(record: PartyRecord, now: number): Promise<void> {
    const { channelId } = record;
    this.scheduler.cancel(partyKey(channelId));
    this.scheduler.cancel(eventKey(channelId));
    this.parties.delete(channelId);
    this.buckets[bucketOf(channelId)]!.delete(channelId);
    this.retries.delete(channelId);
    this.unsaved.delete(channelId);
    try {
      await this.repo.remove(channelId);
      await this.writeIndex(bucketOf(channelId));
    } catch (error) {
      // On the next start-up the film is over, so the party ends there, silently.
      this.deps.logger.warn(
        { err: error, party: record.id },
        'could not remove an ended watch party from the store',
      );
    }
    const event = record.event;
    if (event && record.guildId) {
      const outbox = this.outbox;
      const done =
        event.status === 'active'
          ? await outbox.editEvent(record.guildId, event.id, { status: 'completed', endAt: now })
          : await outbox.deleteEvent(record.guildId, event.id);
      if (!done.ok)
        this.deps.logger.info({ party: record.id, reason: done.reason }, 'could not close the party event');
    }
  }

  /** Marks the event as needing an edit and arms one batched edit for it. */
  async requestEventSync(record: PartyRecord, now: number): Promise<PartyRecord> {
    if (!record.event) return record;
    const marked: PartyRecord = { ...record, event: { ...record.event, dirty: true } };
    this.parties.set(marked.channelId, marked);
    await this.saveQuietly(marked, now);
    const key = eventKey(marked.channelId);
    if (this.scheduler.dueAt(key) === undefined) this.scheduler.schedule(key, eventEditAt(marked, now));
    return marked;
  }

  /** Brings the party's event in step now, in at most one edit. */
  async flushEvent(record: PartyRecord, now: number): Promise<PartyRecord> {
    const event = record.event;
    if (!event || !record.guildId) return record;
    const patch = eventPatch(record, this.packOf(record), now);
    let next = record;
    if (!patch) {
      if (event.dirty) next = { ...record, event: { ...event, dirty: false } };
    } else {
      const result = await this.outbox.editEvent(record.guildId, event.id, patch);
      if (result.ok)
        next = {
          ...record,
          event: {
            ...event,
            status: patch.status === 'active' ? 'active' : event.status,
            endAt: patch.endAt ?? event.endAt,
            dirty: false,
            lastEditAt: now,
          },
        };
      else if (result.reason === 'unavailable') {
        this.scheduler.schedule(eventKey(record.channelId), now + EVENT_MIN_GAP_MS);
        return record;
      } else {
        // Deleted by someone, or Manage Events taken away: stop keeping it in step.
        this.deps.logger.info(
          { party: record.id, reason: result.reason },
          'party event no longer kept in step',
        );
        next = { ...record, event: null };
      }
    }
    if (next !== record) {
      this.parties.set(next.channelId, next);
      await this.saveQuietly(next, now);
    }
    return next;
  }

  /** Saves what the scheduler changed; a store outage is retried, never thrown into the scheduler. */
  private async saveQuietly(record: PartyRecord, now: number): Promise<void> {
    try {
      await this.repo.save(record);
      this.unsaved.delete(record.channelId);
    } catch (error) {
      this.deps.logger.warn({ err: error, party: record.id }, 'could not save a watch party; will retry');
      this.unsaved.add(record.channelId);
      const key = partyKey(record.channelId);
      const retryAt = now + SAVE_RETRY_MS;
      if ((this.scheduler.dueAt(key) ?? Infinity) > retryAt) this.scheduler.schedule(key, retryAt);
    }
  }
}
