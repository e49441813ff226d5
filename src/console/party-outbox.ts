import type {
  ChannelPermissions,
  EventPatch,
  EventResult,
  EventSpec,
  PartyOutbox,
  SendResult,
} from '../party/outbox.js';
import type { Reply } from '../reply/model.js';
import { renderReply } from '../reply/render.js';
import type { ConsoleMessage, StepResult } from './session.js';

const OK = { ok: true } as const;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Watch-party side effects in the console: channel posts and other Discord
 * calls are recorded, and the session hands them out with the step they
 * happened in (`posts` and `actions`). The bot has every permission here.
 * Repeats are recorded too, not dropped by nonce as Discord would, so a
 * duplicate shows up instead of hiding.
 */
export class ConsolePartyOutbox implements PartyOutbox {
  private posts: StepResult['posts'] = [];
  private actions: unknown[] = [];
  private events = 0;

  async post(channelId: string, reply: Reply, _options: { nonce: string }): Promise<SendResult> {
    const { content, embeds, components, ephemeral }: ConsoleMessage = renderReply(reply);
    this.posts.push({ channelId, content, embeds, components, ephemeral });
    return OK;
  }

  async notify(userId: string, reply: Reply): Promise<SendResult> {
    this.actions.push({ type: 'direct-message', userId, content: renderReply(reply).content });
    return OK;
  }

  async channelPermissions(_channelId: string): Promise<ChannelPermissions> {
    return { view: true, send: true, embed: true, manageEvents: true };
  }

  async createEvent(guildId: string, channelId: string, spec: EventSpec): Promise<EventResult> {
    this.events += 1;
    const id = `6${String(this.events).padStart(17, '0')}`;
    this.actions.push({
      type: 'create-event',
      guildId,
      eventId: id,
      location: channelId,
      name: spec.name,
      start: iso(spec.startAt),
      end: iso(spec.endAt),
    });
    return { ok: true, id };
  }

  async editEvent(guildId: string, eventId: string, patch: EventPatch): Promise<SendResult> {
    this.actions.push({
      type: 'edit-event',
      guildId,
      eventId,
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.endAt !== undefined ? { end: iso(patch.endAt) } : {}),
    });
    return OK;
  }

  async deleteEvent(guildId: string, eventId: string): Promise<SendResult> {
    this.actions.push({ type: 'delete-event', guildId, eventId });
    return OK;
  }

  /** What was recorded since the last call. */
  take(): { posts: StepResult['posts']; actions: unknown[] } {
    const taken = { posts: this.posts, actions: this.actions };
    this.posts = [];
    this.actions = [];
    return taken;
  }
}
