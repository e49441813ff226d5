import {
  DiscordAPIError,
  GuildScheduledEventEntityType,
  GuildScheduledEventPrivacyLevel,
  GuildScheduledEventStatus,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  Routes,
  type Client,
} from 'discord.js';
import type { Logger } from '../logger.js';
import type {
  ChannelPermissions,
  EventPatch,
  EventResult,
  EventSpec,
  PartyOutbox,
  SendFailure,
  SendResult,
} from '../party/outbox.js';
import type { Reply } from '../reply/model.js';
import { renderReply } from '../reply/render.js';

const NOT_FOUND = new Set<number>([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.UnknownGuild,
  RESTJSONErrorCodes.UnknownUser,
  RESTJSONErrorCodes.UnknownGuildScheduledEvent,
]);
const FORBIDDEN = new Set<number>([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
]);

/** Discord's answer as a reason the domain can act on (see SendFailure). */
const failureOf = (error: unknown): SendFailure => {
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : -1;
    if (FORBIDDEN.has(code) || error.status === 403) return 'missing-permissions';
    if (NOT_FOUND.has(code) || error.status === 404) return 'not-found';
    // Any other 4xx but 429 (an invalid body, say) fails the same way every time: retrying for
    // ever would stall the party on this post.
    if (error.status >= 400 && error.status < 500 && error.status !== 429) return 'rejected';
  }
  return 'unavailable';
};

const messageBody = (reply: Reply) => {
  const message = renderReply(reply);
  return {
    content: message.content || undefined,
    embeds: message.embeds,
    components: message.components,
    allowed_mentions: message.allowedMentions,
  };
};

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Watch-party side effects over Discord's REST API. Channel posts carry the
 * party's nonce with enforce_nonce, so Discord itself drops a repeat of the
 * same post; permissions come from the cached channel and the bot's member.
 * Nothing here throws: every failure is logged and returned as a reason.
 */
export const createDiscordPartyOutbox = (client: Client, logger: Logger): PartyOutbox => {
  const attempt = async (what: string, context: Record<string, unknown>, call: () => Promise<unknown>) => {
    try {
      return { ok: true as const, value: await call() };
    } catch (error) {
      const reason = failureOf(error);
      logger.warn({ err: error, ...context, reason }, `watch party: ${what} failed`);
      return { ok: false as const, reason };
    }
  };
  const done = (result: { ok: boolean; reason?: SendFailure }): SendResult =>
    result.ok ? { ok: true } : { ok: false, reason: result.reason! };

  return {
    async post(channelId, reply, { nonce }) {
      const body = { ...messageBody(reply), nonce, enforce_nonce: true };
      return done(
        await attempt('post', { channelId, nonce }, () =>
          client.rest.post(Routes.channelMessages(channelId), { body }),
        ),
      );
    },

    async notify(userId, reply) {
      return done(
        await attempt('direct message', { userId }, async () => {
          const dm = (await client.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as {
            id: string;
          };
          await client.rest.post(Routes.channelMessages(dm.id), { body: messageBody(reply) });
        }),
      );
    },

    async channelPermissions(channelId): Promise<ChannelPermissions | undefined> {
      const channel = await client.channels.fetch(channelId).catch(() => null);
      const me = client.user;
      if (!channel || !me || channel.isDMBased() || !('permissionsFor' in channel)) return undefined;
      const permissions = channel.permissionsFor(me);
      if (!permissions) return undefined;
      return {
        view: permissions.has(PermissionFlagsBits.ViewChannel),
        send: permissions.has(
          channel.isThread() ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages,
        ),
        embed: permissions.has(PermissionFlagsBits.EmbedLinks),
        manageEvents: permissions.has(PermissionFlagsBits.ManageEvents),
      };
    },

    async createEvent(guildId, channelId, spec: EventSpec): Promise<EventResult> {
      const body = {
        name: spec.name,
        description: spec.description,
        scheduled_start_time: iso(spec.startAt),
        scheduled_end_time: iso(spec.endAt),
        privacy_level: GuildScheduledEventPrivacyLevel.GuildOnly,
        entity_type: GuildScheduledEventEntityType.External,
        // External events are located by a line of text; a link to the channel opens it.
        entity_metadata: { location: `https://discord.com/channels/${guildId}/${channelId}` },
      };
      const result = await attempt('create event', { guildId, channelId }, () =>
        client.rest.post(Routes.guildScheduledEvents(guildId), { body }),
      );
      return result.ok ? { ok: true, id: (result.value as { id: string }).id } : result;
    },

    async editEvent(guildId, eventId, patch: EventPatch) {
      // Completing takes no times (Discord refuses an end in the past); otherwise start it and/or move its end.
      const body =
        patch.status === 'completed'
          ? { status: GuildScheduledEventStatus.Completed }
          : {
              ...(patch.status === 'active' ? { status: GuildScheduledEventStatus.Active } : {}),
              ...(patch.endAt !== undefined ? { scheduled_end_time: iso(patch.endAt) } : {}),
            };
      return done(
        await attempt('edit event', { guildId, eventId }, () =>
          client.rest.patch(Routes.guildScheduledEvent(guildId, eventId), { body }),
        ),
      );
    },

    async deleteEvent(guildId, eventId) {
      return done(
        await attempt('delete event', { guildId, eventId }, () =>
          client.rest.delete(Routes.guildScheduledEvent(guildId, eventId)),
        ),
      );
    },
  };
};
