import {
  ChannelType,
  PermissionFlagsBits as P,
  type APIDMChannel,
  type APIMessage,
} from 'discord-api-types/v10';
import { DiscordError, missingAccess, missingPermissions, notFound } from './errors.js';
import { CHANNELS, USERS } from './fixtures.js';
import { IDS, snowflake } from './ids.js';
import { createMessage, editMessage, validateMessage, type MessageBody } from './messages.js';
import { botPermissionsIn } from './permissions.js';
import { ok, route, type Route } from './router.js';
import type { FakeState } from './state.js';

/** A guild channel the bot can see; Discord answers 404 for unknown ids and 403 for hidden ones. */
export const visibleChannel = (id: string) => {
  const channel = CHANNELS.find((candidate) => candidate.id === id);
  if (!channel) throw notFound('Channel', 10003);
  if (!(botPermissionsIn(id) & P.ViewChannel)) throw missingAccess();
  return channel;
};

const needs = (channelId: string, permission: bigint) => {
  if (!(botPermissionsIn(channelId) & permission)) throw missingPermissions();
};

/** Channel messages, in guild channels and in the DMs the bot opens (how a paused party tells its organiser). */
export const channelRoutes = (state: FakeState): Route[] => {
  const { dms } = state;
  const nonces = new Map<string, APIMessage>();
  const dmById = (id: string) => [...dms.values()].find((channel) => channel.id === id);
  const anyChannel = (id: string) => dmById(id) ?? visibleChannel(id);
  const message = (channelId: string, messageId: string): APIMessage => {
    anyChannel(channelId);
    const found = state.messages.get(messageId);
    if (!found || found.channel_id !== channelId) throw notFound('Message', 10008);
    return found;
  };
  const changed = <T>(value: T) => {
    state.changed();
    return value;
  };

  return [
    route('POST', '/users/@me/channels', ({ body }) => {
      const recipient = Object.values(USERS).find(
        (user) => user.id === (body as { recipient_id?: string }).recipient_id,
      );
      if (!recipient || recipient.bot) throw notFound('User', 10013);
      let channel = dms.get(recipient.id);
      if (!channel) {
        channel = {
          id: snowflake(),
          type: ChannelType.DM,
          last_message_id: null,
          recipients: [recipient],
          name: null,
          flags: 0,
        } as unknown as APIDMChannel;
        dms.set(recipient.id, channel);
      }
      return ok(channel);
    }),
    route('GET', '/channels/:channel', ({ params }) => ok(anyChannel(params.channel!))),
    route('GET', '/channels/:channel/messages', ({ params, query }) => {
      if (!dmById(params.channel!)) {
        visibleChannel(params.channel!);
        needs(params.channel!, P.ReadMessageHistory);
      }
      const limit = Math.min(Number(query.limit ?? 50), 100);
      return ok(state.channelMessages(params.channel!).reverse().slice(0, limit));
    }),
    route('GET', '/channels/:channel/messages/:message', ({ params }) =>
      ok(message(params.channel!, params.message!)),
    ),
    route('POST', '/channels/:channel/messages', ({ params, body }) => {
      const channelId = params.channel!;
      const dm = dmById(channelId);
      if (!dm) {
        visibleChannel(channelId);
        needs(channelId, P.SendMessages);
      }
      const sent = body as MessageBody;
      validateMessage(sent, { creating: true });
      // With enforce_nonce, a second send with the same nonce returns the first message instead of posting again.
      const nonceKey =
        sent.enforce_nonce && sent.nonce !== undefined ? `${channelId}:${sent.nonce}` : undefined;
      const earlier = nonceKey ? nonces.get(nonceKey) : undefined;
      if (earlier) return ok(earlier);
      // Without Embed Links, Discord posts the message and silently drops its embeds.
      const embeds = dm || botPermissionsIn(channelId) & P.EmbedLinks ? sent.embeds : [];
      const created = state.addMessage(
        createMessage(
          { ...sent, embeds },
          { channelId, ...(dm ? {} : { guildId: IDS.guild }), author: USERS.bot },
        ),
      );
      if (nonceKey) nonces.set(nonceKey, created);
      return ok(created);
    }),
    route('PATCH', '/channels/:channel/messages/:message', ({ params, body }) => {
      const found = message(params.channel!, params.message!);
      if (found.author.id !== IDS.application)
        throw new DiscordError(403, 50005, 'Cannot edit a message authored by another user');
      validateMessage(body as MessageBody, { creating: false });
      editMessage(found, body as MessageBody);
      return changed(ok(found));
    }),
    route('DELETE', '/channels/:channel/messages/:message', ({ params }) => {
      const found = message(params.channel!, params.message!);
      state.messages.delete(found.id);
      return changed(ok());
    }),
  ];
};
