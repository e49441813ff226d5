import { SimulatedClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import type {
  ChannelPermissions,
  EventPatch,
  EventResult,
  EventSpec,
  PartyOutbox,
  SendFailure,
  SendResult,
} from '../../src/party/outbox.js';
import type { PartyActor } from '../../src/party/access.js';
import { nonceFor } from '../../src/party/outbox.js';
import { PartyService } from '../../src/party/service.js';
import type { Reply } from '../../src/reply/model.js';
import { renderReply } from '../../src/reply/render.js';
import { createStore } from '../../src/store/factory.js';
import type { Store } from '../../src/store/store.js';
import { libraryOf } from '../../src/story/library.js';
import { bundledPack, fixturePack } from './pack.js';

export const GUILD = '300000000000000001';
export const CHANNEL = '200000000000000001';
export const OTHER_CHANNEL = '200000000000000002';
export const ORGANISER = '100000000000000001';
export const MEMBER = '100000000000000002';
export const ADMIN = '100000000000000003';
export const ROLE = '500000000000000001';

export const actor = (userId: string, channelId = CHANNEL, canManageEvents = false): PartyActor => ({
  userId,
  guildId: GUILD,
  channelId,
  canManageEvents,
});

export interface RecordedPost {
  readonly channelId: string;
  readonly reply: Reply;
  readonly nonce: string;
  readonly at: number;
  /** The rendered message, as Discord would get it. */
  readonly text: string;
}

export type RecordedAction =
  | { kind: 'create-event'; guildId: string; channelId: string; spec: EventSpec; id: string }
  | { kind: 'edit-event'; eventId: string; patch: EventPatch; at: number }
  | { kind: 'delete-event'; eventId: string }
  | { kind: 'notify'; userId: string; text: string };

const allowed: ChannelPermissions = { view: true, send: true, embed: true, manageEvents: true };

/** The Discord side of watch parties, recorded; failures can be switched on per channel. */
export class FakeOutbox implements PartyOutbox {
  readonly posts: RecordedPost[] = [];
  readonly actions: RecordedAction[] = [];
  /** Every post attempt, failed ones included. */
  attempts = 0;
  /** Permissions per channel; every permission where not set. */
  readonly permissions = new Map<string, Partial<ChannelPermissions>>();
  /** Posts fail with this reason while set. */
  failWith: SendFailure | undefined;
  private events = 0;

  constructor(private readonly clock: SimulatedClock) {}

  deny(channelId: string, permissions: Partial<ChannelPermissions>): void {
    this.permissions.set(channelId, permissions);
  }

  async post(channelId: string, reply: Reply, { nonce }: { nonce: string }): Promise<SendResult> {
    this.attempts += 1;
    if (this.failWith) return { ok: false, reason: this.failWith };
    const perms = { ...allowed, ...this.permissions.get(channelId) };
    if (!perms.view || !perms.send) return { ok: false, reason: 'missing-permissions' };
    const rendered = renderReply(reply);
    const text = [rendered.content, ...rendered.embeds.map((e) => JSON.stringify(e))].join('\n');
    this.posts.push({ channelId, reply, nonce, at: this.clock.now(), text });
    return { ok: true };
  }

  async notify(userId: string, reply: Reply): Promise<SendResult> {
    this.actions.push({ kind: 'notify', userId, text: renderReply(reply).content });
    return { ok: true };
  }

  async channelPermissions(channelId: string): Promise<ChannelPermissions> {
    return { ...allowed, ...this.permissions.get(channelId) };
  }

  async createEvent(guildId: string, channelId: string, spec: EventSpec): Promise<EventResult> {
    const id = `60000000000000000${++this.events}`;
    this.actions.push({ kind: 'create-event', guildId, channelId, spec, id });
    return { ok: true, id };
  }

  async editEvent(_guildId: string, eventId: string, patch: EventPatch): Promise<SendResult> {
    this.actions.push({ kind: 'edit-event', eventId, patch, at: this.clock.now() });
    return { ok: true };
  }

  async deleteEvent(_guildId: string, eventId: string): Promise<SendResult> {
    this.actions.push({ kind: 'delete-event', eventId });
    return { ok: true };
  }

  /** Which stop each post was, by the heading or title it carries. */
  postsIn(channelId: string): RecordedPost[] {
    return this.posts.filter((post) => post.channelId === channelId);
  }
}

const logger = createLogger({ level: 'silent' });
export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;

/**
 * A party service on a simulated clock and a memory store, with restarts that
 * keep the store (as a process restart keeps SQLite or Redis) and outages
 * during which time passes with no bot running.
 */
export const partyHarness = async ({
  start = Date.UTC(2026, 0, 1, 20, 0, 0),
  store: given,
}: { start?: number; store?: Store } = {}) => {
  const clock = new SimulatedClock(start);
  const store = given ?? (await createStore('memory://', { logger }));
  const films = libraryOf([await bundledPack(), await fixturePack()], 'never-let-me-go');
  const outbox = new FakeOutbox(clock);
  const make = async () => {
    const service = new PartyService({ store, clock, logger, films, manual: true });
    await service.attach(outbox);
    return service;
  };
  let service = await make();
  return {
    clock,
    store,
    outbox,
    films,
    get service() {
      return service;
    },
    /** Time passes with the bot running: everything due on the way fires when it falls due. */
    async advance(ms: number) {
      clock.advance(ms);
      await service.runDue();
    },
    /** The process stops and starts again at once. */
    async restart() {
      await service.close();
      service = await make();
    },
    /** The process is down for `ms`; it comes back, reloads and catches up. */
    async down(ms: number) {
      await service.close();
      clock.advance(ms);
      service = await make();
    },
  };
};

export type PartyHarness = Awaited<ReturnType<typeof partyHarness>>;

/** Names each recorded post by what it was: 'reminder', 'start', a stop id, or 'catch-up'. */
export const postNames = (
  outbox: FakeOutbox,
  partyId: string,
  stopIds: readonly string[],
  channelId = CHANNEL,
): string[] => {
  const byNonce = new Map<string, string>([
    [nonceFor(partyId, 'reminder'), 'reminder'],
    [nonceFor(partyId, 'start'), 'start'],
    ...stopIds.map((id) => [nonceFor(partyId, `cp-${id}`), id] as [string, string]),
  ]);
  return outbox.postsIn(channelId).map((post) => byNonce.get(post.nonce) ?? 'catch-up');
};
