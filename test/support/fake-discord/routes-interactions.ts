import {
  InteractionResponseType as R,
  MessageFlags,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import { acknowledge, messageFor, unknownMessage } from './callbacks.js';
import { DiscordError, notFound } from './errors.js';
import { IDS } from './ids.js';
import { editMessage, validateMessage, type MessageBody } from './messages.js';
import { ok, route, type Route } from './router.js';
import type { FakeState, InteractionRecord } from './state.js';

export interface InteractionRules {
  /** Discord drops an interaction nobody answered within 3 seconds. */
  readonly callbackDeadlineMs: number;
}

const unknownInteraction = () => notFound('interaction', 10062);
const unknownWebhook = () => notFound('Webhook', 10015);

export const interactionRoutes = (state: FakeState, rules: InteractionRules): Route[] => {
  const live = (token: string, app: string) => {
    const record = state.interactionByToken(token);
    if (!record || app !== IDS.application || !record.callback) throw unknownWebhook();
    return record;
  };
  const byId = (record: InteractionRecord, messageId: string) => {
    const message =
      messageId === '@original'
        ? record.originalDeleted
          ? undefined
          : record.original
        : record.followUps.find((followUp) => followUp.id === messageId);
    if (!message) throw unknownMessage();
    return message;
  };
  const done = <T>(result: T) => {
    state.changed();
    return result;
  };

  return [
    route(
      'POST',
      '/interactions/:id/:token/callback',
      ({ params, body, query }) => {
        const record = state.interactions.get(params.id!);
        if (!record || record.payload.token !== params.token) throw unknownInteraction();
        if (record.callback) throw new DiscordError(400, 40060, 'Interaction has already been acknowledged.');
        if (performance.now() - record.dispatchedAt > rules.callbackDeadlineMs) throw unknownInteraction();
        acknowledge(state, record, body as APIInteractionResponse);
        state.changed();
        if (query.with_response !== 'true') return ok();
        return ok({
          interaction: {
            id: record.payload.id,
            type: record.payload.type,
            response_message_id: record.original?.id,
            response_message_loading:
              (body as APIInteractionResponse).type === R.DeferredChannelMessageWithSource,
            response_message_ephemeral: ((record.original?.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
          },
          ...(record.original
            ? { resource: { type: (body as APIInteractionResponse).type, message: record.original } }
            : {}),
        });
      },
      { auth: false },
    ),
    route(
      'POST',
      '/webhooks/:app/:token',
      ({ params, body, query }) => {
        const record = live(params.token!, params.app!);
        const message = body as MessageBody;
        validateMessage(message, { creating: true });
        const followUp = messageFor(record, message);
        record.followUps.push(state.addMessage(followUp));
        return done(query.wait === 'true' ? ok(followUp) : ok());
      },
      { auth: false },
    ),
    route(
      'GET',
      '/webhooks/:app/:token/messages/:message',
      ({ params }) => ok(byId(live(params.token!, params.app!), params.message!)),
      {
        auth: false,
      },
    ),
    route(
      'PATCH',
      '/webhooks/:app/:token/messages/:message',
      ({ params, body }) => {
        const message = byId(live(params.token!, params.app!), params.message!);
        validateMessage(body as MessageBody, { creating: false });
        editMessage(message, body as MessageBody);
        return done(ok(message));
      },
      { auth: false },
    ),
    route(
      'DELETE',
      '/webhooks/:app/:token/messages/:message',
      ({ params }) => {
        const record = live(params.token!, params.app!);
        const message = byId(record, params.message!);
        state.messages.delete(message.id);
        if (params.message === '@original') record.originalDeleted = true;
        else record.followUps.splice(record.followUps.indexOf(message), 1);
        return done(ok());
      },
      { auth: false },
    ),
  ];
};
