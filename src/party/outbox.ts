import { createHash } from 'node:crypto';
import type { Reply } from '../reply/model.js';

/**
 * Why Discord refused: permissions (pause and tell the organiser), a channel or event gone
 * (end or let go), a passing fault (retry), or a request it will never take (give up on it).
 */
export type SendFailure = 'missing-permissions' | 'not-found' | 'unavailable' | 'rejected';
export type SendResult = { readonly ok: true } | { readonly ok: false; readonly reason: SendFailure };

/** What the bot may do in a channel, as far as a party needs. */
export interface ChannelPermissions {
  readonly view: boolean;
  readonly send: boolean;
  readonly embed: boolean;
  /** Manage Events in the server: needed for the party's scheduled event. */
  readonly manageEvents: boolean;
}

/** A guild scheduled event for a party: external, located in its channel. */
export interface EventSpec {
  readonly name: string;
  readonly description: string;
  readonly startAt: number;
  readonly endAt: number;
}

export interface EventPatch {
  readonly status?: 'active' | 'completed';
  readonly endAt?: number;
}

export type EventResult =
  { readonly ok: true; readonly id: string } | { readonly ok: false; readonly reason: SendFailure };

/**
 * Everything a party does on Discord, as a port: the Discord adapter
 * (src/discord/party-outbox.ts), the console (src/console/party-outbox.ts) and
 * test fakes implement it. None of it throws: failures come back as a reason.
 */
export interface PartyOutbox {
  /**
   * A channel message, sent with `nonce` and `enforce_nonce`, so Discord drops
   * a second send of the same post made within its nonce window.
   */
  post(channelId: string, reply: Reply, options: { readonly nonce: string }): Promise<SendResult>;
  /** A direct message, best effort: how the organiser hears that a party was paused. */
  notify(userId: string, reply: Reply): Promise<SendResult>;
  /** The bot's own permissions in a channel; undefined when the channel cannot be found. */
  channelPermissions(channelId: string): Promise<ChannelPermissions | undefined>;
  createEvent(guildId: string, channelId: string, spec: EventSpec): Promise<EventResult>;
  editEvent(guildId: string, eventId: string, patch: EventPatch): Promise<SendResult>;
  deleteEvent(guildId: string, eventId: string): Promise<SendResult>;
}

/**
 * Discord's nonce for one post of one party: at most 25 characters, the same
 * every time that post is attempted, different for every other post.
 */
export const nonceFor = (partyId: string, postKey: string): string =>
  createHash('sha256').update(`${partyId}:${postKey}`).digest('hex').slice(0, 25);

/** The permissions a party needs in its channel that the bot lacks, by their names in Discord's settings. */
export const missingChannelPermissions = (permissions: ChannelPermissions | undefined): string[] => {
  if (!permissions) return ['View Channel'];
  return [
    ...(permissions.view ? [] : ['View Channel']),
    ...(permissions.send ? [] : ['Send Messages']),
    ...(permissions.embed ? [] : ['Embed Links']),
  ];
};
