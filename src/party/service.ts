import type { PartyPositions } from '../app/services.js';
import { UserError } from '../errors.js';
import type { Position } from '../position/position.js';
import { canControl, CONTROL_REFUSAL, type PartyActor } from './access.js';
import { missingChannelPermissions, type PartyOutbox } from './outbox.js';
import { clockStartingAt, pauseClock, positionMs, resumeClock, syncClock } from './party-clock.js';
import { channelOfPartyId, MAX_REMINDERS, withPosted, type PartyRecord } from './record.js';
import { PartyRunner, type PartyRunnerDeps } from './runner.js';
import { runtimeMs, stopsOf, type Stop } from './stops.js';
import { startParty, type StartOutcome, type StartRequest } from './start.js';
import { canonicalZone } from './timezone.js';
import { viewOf, type PartyView } from './view.js';

export type { PartyView, StartOutcome, StartRequest };

export const DEFAULT_ZONE = 'UTC';
/** Discord mentions at most 100 users per message. */

export interface SyncOutcome {
  readonly view: PartyView;
  readonly fromMs: number;
  readonly skipped: readonly Stop[];
  readonly backward: boolean;
  /** The party had not started: the sync starts it, and the start post (with its pings) follows. */
  readonly startedEarly: boolean;
  readonly toMs: number;
}

export type ReminderOutcome = 'added' | 'removed' | 'started' | 'full' | 'gone';

/**
 * Watch parties as commands use them: start, pause, resume, sync, stop and
 * status, the "Remind me" list, and the server's timezone. Every change is
 * saved to the store before it takes effect; PartyRunner fires what falls due.
 */
export class PartyService implements PartyPositions {
  private readonly runner: PartyRunner;

  constructor(private readonly deps: PartyRunnerDeps) {
    this.runner = new PartyRunner(deps);
  }

  attach(outbox: PartyOutbox): Promise<void> {
    return this.runner.attach(outbox);
  }
  /** Runs whatever is due by the clock now: the console's `:advance` calls this after moving a simulated clock. */
  runDue(): Promise<number> {
    return this.runner.runDue();
  }
  close(): Promise<void> {
    return this.runner.close();
  }
  get size(): number {
    return this.runner.table.size;
  }
  /** How many of the 64 partitions of parties this process runs (see ownership.ts). */
  get partitions(): number {
    return this.runner.ownership.partitions.length;
  }

  private now(): number {
    return this.deps.clock.now();
  }

  viewOf(record: PartyRecord, now = this.now()): PartyView {
    return viewOf(record, this.runner.packOf(record), now);
  }

  async positionInChannel(channelId: string): Promise<Position | undefined> {
    const record = this.runner.table.get(channelId);
    if (!record || record.phase !== 'running') return undefined;
    return { seconds: Math.floor(this.viewOf(record).positionMs / 1000) };
  }

  /**
   * The party a "Catch me up" or "Where are we?" button belongs to, if it is still on and in the
   * presser's server: a button's id can be forged, and another server's party is none of theirs.
   */
  byPartyId(partyId: string, guildId: string | null): PartyView | undefined {
    const record = this.buttonParty(partyId, guildId);
    return record ? this.viewOf(record) : undefined;
  }

  private buttonParty(partyId: string, guildId: string | null): PartyRecord | undefined {
    const record = this.runner.table.get(channelOfPartyId(partyId) ?? '');
    return record?.id === partyId && record.guildId === guildId ? record : undefined;
  }

  async timezone(guildId: string | null): Promise<string> {
    return (guildId && (await this.runner.table.repo.timezone(guildId))) || DEFAULT_ZONE;
  }

  async setTimezone(actor: PartyActor, zone: string): Promise<string> {
    if (!actor.guildId) throw new UserError('Timezones are set per server; run this in a server channel.');
    if (!actor.canManageEvents)
      throw new UserError("Only members with Manage Events can set the server's timezone.");
    const canonical = canonicalZone(zone);
    if (!canonical)
      throw new UserError(
        `"${zone}" is not a timezone I know. Pick one from the list, such as Europe/London or America/New_York.`,
      );
    await this.runner.table.repo.setTimezone(actor.guildId, canonical);
    return canonical;
  }

  async start(request: StartRequest): Promise<StartOutcome> {
    const outcome = await startParty(this.runner, request, (guildId) => this.timezone(guildId));
    await this.settle();
    return outcome;
  }

  async pause(actor: PartyActor): Promise<PartyView> {
    return this.control(actor, async (record, now) => {
      if (record.phase === 'scheduled')
        throw new UserError(
          "The party hasn't started yet, so there is nothing to pause. Use /watchparty stop to call it off.",
        );
      if (record.pauseReason !== null)
        throw new UserError('The party is already paused. Use /watchparty resume when you are ready.');
      const paused: PartyRecord = {
        ...record,
        clock: pauseClock(record.clock, now),
        pauseReason: 'organiser',
      };
      await this.runner.commit(paused, now);
      return this.viewOf(await this.runner.events.request(paused, now), now);
    });
  }

  async resume(actor: PartyActor): Promise<PartyView> {
    const view = await this.control(actor, async (record, now) => {
      if (record.pauseReason === null) throw new UserError("The party isn't paused.");
      if (record.pauseReason === 'permissions') await this.requireChannelPermissions(record);
      const resumed: PartyRecord =
        record.phase === 'running'
          ? { ...record, clock: resumeClock(record.clock, now), pauseReason: null }
          : // Held before it started: it starts now if its time has passed.
            {
              ...(record.startsAt < now ? withPosted(record, ['reminder']) : record),
              pauseReason: null,
              ...(record.startsAt < now ? { startsAt: now, clock: clockStartingAt(now) } : {}),
            };
      await this.runner.commit(resumed, now);
      return this.viewOf(await this.runner.events.request(resumed, now), now);
    });
    await this.settle();
    return view;
  }

  /** The club says where it really is. Checkpoints jumped over are noted once, never posted one by one. */
  async sync(actor: PartyActor, seconds: number): Promise<SyncOutcome> {
    const outcome = await this.control(actor, async (record, now) => {
      if (record.pauseReason === 'permissions') await this.requireChannelPermissions(record);
      const pack = this.runner.packOf(record);
      const toMs = Math.min(Math.max(0, Math.round(seconds * 1000)), runtimeMs(pack));
      const fromMs = record.phase === 'running' ? positionMs(record.clock, now) : 0;
      let synced: PartyRecord =
        record.phase === 'running'
          ? { ...record, clock: syncClock(record.clock, now, toMs) }
          : // Not started yet: it starts now, where the club is, and the start post goes out as usual.
            {
              ...withPosted(record, ['reminder']),
              startsAt: now,
              pauseReason: null,
              clock: { anchorAt: now, posMs: toMs, pausedAt: null },
            };
      // The final stop is left due, so the closing post still comes when a sync reaches the end.
      const skipped = stopsOf(pack).filter(
        (stop) => !stop.final && stop.atMs <= toMs && !synced.posted.includes(stop.id),
      );
      synced = withPosted(
        synced,
        skipped.map((stop) => stop.id),
      );
      await this.runner.commit(synced, now);
      synced = await this.runner.events.request(synced, now);
      return {
        view: this.viewOf(synced, now),
        fromMs,
        skipped,
        backward: toMs < fromMs,
        startedEarly: record.phase === 'scheduled',
        toMs,
      };
    });
    await this.settle();
    return outcome;
  }

  async stop(actor: PartyActor): Promise<PartyView> {
    return this.control(actor, async (record, now) => {
      const view = this.viewOf(record, now);
      await this.runner.end(record, now);
      return view;
    });
  }

  async status(actor: PartyActor): Promise<PartyView> {
    return this.viewOf(this.locate(actor));
  }

  async toggleReminder(partyId: string, userId: string, guildId: string | null): Promise<ReminderOutcome> {
    const channelId = channelOfPartyId(partyId);
    if (!channelId) return 'gone';
    return this.runner.lock.run(channelId, async () => {
      const record = this.buttonParty(partyId, guildId);
      if (!record) return 'gone';
      if (record.phase === 'running') return 'started';
      const listed = record.remind.includes(userId);
      if (!listed && record.remind.length >= MAX_REMINDERS) return 'full';
      const remind = listed ? record.remind.filter((id) => id !== userId) : [...record.remind, userId];
      await this.runner.commit({ ...record, remind }, this.now());
      return listed ? 'removed' : 'added';
    });
  }

  /** The party in the actor's channel, or the only one in their server. */
  private locate(actor: PartyActor): PartyRecord {
    const here = this.runner.table.get(actor.channelId);
    if (here) return here;
    const inGuild = actor.guildId
      ? [...this.runner.table.all()].filter((record) => record.guildId === actor.guildId)
      : [];
    if (inGuild.length === 1) return inGuild[0]!;
    if (inGuild.length > 1)
      throw new UserError(
        `This server has ${inGuild.length} watch parties; run the command in the channel of the one you mean.`,
      );
    throw new UserError('There is no watch party here. Start one with /watchparty start.');
  }

  private control<T>(
    actor: PartyActor,
    change: (record: PartyRecord, now: number) => Promise<T>,
  ): Promise<T> {
    const { channelId } = this.locate(actor);
    return this.runner.lock.run(channelId, async () => {
      const record = this.runner.table.get(channelId);
      if (!record) throw new UserError('That watch party has just ended.');
      if (!canControl(record, actor)) throw new UserError(CONTROL_REFUSAL);
      return change(record, this.now());
    });
  }

  private async requireChannelPermissions(record: PartyRecord): Promise<void> {
    const missing = missingChannelPermissions(await this.runner.outbox.channelPermissions(record.channelId));
    if (missing.length > 0)
      throw new UserError(
        `I still can't post in the party's channel: I need ${missing.join(', ')} there. Fix that, then try again.`,
      );
  }

  /** On a simulated clock, what a change made due right now (a sync to the end) runs before the reply. */
  private async settle(): Promise<void> {
    if (this.deps.manual) await this.runner.runDue();
  }
}
