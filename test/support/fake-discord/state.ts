import {
  MessageFlags,
  type APIApplicationCommand,
  type APIDMChannel,
  type APIGuildScheduledEvent,
  type APIInteraction,
  type APIInteractionResponse,
  type APIMessage,
} from 'discord-api-types/v10';
import { snowflake } from './ids.js';
import { Changes } from './waiter.js';

/** What a user sees of one message: the fields the console prints too. */
export interface VisibleMessage {
  content: string;
  embeds: APIMessage['embeds'];
  components: NonNullable<APIMessage['components']>;
  ephemeral: boolean;
}

export const visible = (message: APIMessage): VisibleMessage => ({
  content: message.content,
  // Every embed a bot sends is a "rich" one; the type says nothing the reader sees.
  embeds: message.embeds.map(({ type: _type, ...embed }) => embed),
  components: message.components ?? [],
  ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
});

/** One interaction the fake dispatched, and everything the bot did to answer it. */
export interface InteractionRecord {
  readonly payload: APIInteraction;
  readonly dispatchedAt: number;
  callback?: APIInteractionResponse;
  callbackAt?: number;
  /** The interaction's own message (`@original`): the reply, or the "thinking…" of a defer. */
  original?: APIMessage;
  originalDeleted: boolean;
  followUps: APIMessage[];
}

/** The fake's world: messages, interactions, scheduled events and registered commands. */
export class FakeState extends Changes {
  readonly messages = new Map<string, APIMessage>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly scheduledEvents = new Map<string, APIGuildScheduledEvent>();
  /** The DM channel the bot opened with each user, by user id. */
  readonly dms = new Map<string, APIDMChannel>();
  /** Registered commands: key `global` or a guild id. */
  readonly commands = new Map<string, APIApplicationCommand[]>();
  private readonly commandIds = new Map<string, string>();
  private readonly tokens = new Map<string, InteractionRecord>();

  /** A command's id, stable per name, as Discord keeps it across overwrites. */
  commandId(name: string): string {
    let id = this.commandIds.get(name);
    if (!id) this.commandIds.set(name, (id = snowflake()));
    return id;
  }

  addMessage(message: APIMessage): APIMessage {
    this.messages.set(message.id, message);
    this.changed();
    return message;
  }

  /** A channel's history as others see it: ephemeral replies belong to one user and are not in it. */
  channelMessages(channelId: string): APIMessage[] {
    return [...this.messages.values()].filter(
      (message) => message.channel_id === channelId && ((message.flags ?? 0) & MessageFlags.Ephemeral) === 0,
    );
  }

  /** What the bot told a user privately, oldest first. */
  directMessagesTo(userId: string): APIMessage[] {
    const channel = this.dms.get(userId);
    return channel ? this.channelMessages(channel.id) : [];
  }

  /** The newest message that carries a button with this custom id. */
  messageWithButton(customId: string): APIMessage | undefined {
    const all = [...this.messages.values()].reverse();
    return all.find((message) =>
      (message.components ?? []).some(
        (row) =>
          'components' in row && row.components.some((c) => 'custom_id' in c && c.custom_id === customId),
      ),
    );
  }

  addInteraction(payload: APIInteraction): InteractionRecord {
    const record: InteractionRecord = {
      payload,
      dispatchedAt: performance.now(),
      originalDeleted: false,
      followUps: [],
    };
    this.interactions.set(payload.id, record);
    this.tokens.set(payload.token, record);
    return record;
  }

  interactionByToken(token: string): InteractionRecord | undefined {
    return this.tokens.get(token);
  }

  /**
   * Drops an interaction the bot has finished with, and the messages it made
   * (not the message a button was on): for long benchmarks, where keeping
   * every one would grow the fake's memory, not the bot's. Its token is
   * unknown afterwards, as after Discord's 15 minutes.
   */
  forgetInteraction(id: string): void {
    const record = this.interactions.get(id);
    if (!record) return;
    this.interactions.delete(id);
    this.tokens.delete(record.payload.token);
    const clicked = 'message' in record.payload ? record.payload.message?.id : undefined;
    if (record.original && record.original.id !== clicked) this.messages.delete(record.original.id);
    for (const followUp of record.followUps) this.messages.delete(followUp.id);
  }
}
