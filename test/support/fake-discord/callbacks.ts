import {
  InteractionResponseType as R,
  InteractionType,
  MessageFlags,
  MessageType,
  type APIApplicationCommandAutocompleteResponse,
  type APIInteractionResponse,
  type APIMessage,
} from 'discord-api-types/v10';
import { DiscordError, invalidForm, notFound } from './errors.js';
import { USERS } from './fixtures.js';
import { IDS } from './ids.js';
import { createMessage, editMessage, validateMessage, type MessageBody } from './messages.js';
import type { FakeState, InteractionRecord } from './state.js';

export const unknownMessage = () => notFound('Message', 10008);

/** A message the bot sends as the answer to an interaction: in its channel, by the bot, via its webhook. */
export const messageFor = (record: InteractionRecord, body: MessageBody, extraFlags = 0): APIMessage => {
  const { payload } = record;
  return createMessage(body, {
    channelId: payload.channel?.id ?? '',
    ...(payload.guild_id ? { guildId: payload.guild_id } : {}),
    author: USERS.bot,
    type:
      payload.type === InteractionType.ApplicationCommand
        ? MessageType.ChatInputCommand
        : MessageType.Default,
    applicationId: IDS.application,
    extraFlags,
  });
};

const checkChoices = (response: APIApplicationCommandAutocompleteResponse) => {
  const choices = response.data.choices ?? [];
  if (choices.length > 25)
    throw invalidForm([
      { path: 'data.choices', code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' },
    ]);
  choices.forEach((choice, i) => {
    if (choice.name.length < 1 || choice.name.length > 100)
      throw invalidForm([
        {
          path: `data.choices.${i}.name`,
          code: 'BASE_TYPE_BAD_LENGTH',
          message: 'Must be between 1 and 100 in length.',
        },
      ]);
    if (typeof choice.value === 'string' && choice.value.length > 100)
      throw invalidForm([
        {
          path: `data.choices.${i}.value`,
          code: 'BASE_TYPE_MAX_LENGTH',
          message: 'Must be 100 or fewer in length.',
        },
      ]);
  });
};

/** Applies an interaction callback as Discord does: once, in time, and of a type this interaction allows. */
export const acknowledge = (
  state: FakeState,
  record: InteractionRecord,
  response: APIInteractionResponse,
) => {
  const { payload } = record;
  const component = payload.type === InteractionType.MessageComponent;
  const autocomplete = payload.type === InteractionType.ApplicationCommandAutocomplete;
  const wrongType = () =>
    new DiscordError(
      400,
      50035,
      `Interaction callback type ${response.type} is not valid for this interaction`,
    );
  switch (response.type) {
    case R.ChannelMessageWithSource:
      if (autocomplete) throw wrongType();
      validateMessage(response.data, { creating: true, prefix: 'data.' });
      record.original = state.addMessage(messageFor(record, response.data));
      break;
    case R.DeferredChannelMessageWithSource:
      if (autocomplete) throw wrongType();
      record.original = state.addMessage(
        messageFor(record, { content: '', flags: response.data?.flags ?? 0 }, MessageFlags.Loading),
      );
      break;
    case R.DeferredMessageUpdate:
    case R.UpdateMessage: {
      if (!component) throw wrongType();
      const message = state.messages.get(payload.message.id);
      if (!message) throw unknownMessage();
      if (response.type === R.UpdateMessage && response.data) {
        validateMessage(response.data, { creating: false, prefix: 'data.' });
        editMessage(message, response.data);
      }
      record.original = message;
      break;
    }
    case R.ApplicationCommandAutocompleteResult:
      if (!autocomplete) throw wrongType();
      checkChoices(response);
      break;
    case R.Modal:
      if (autocomplete) throw wrongType();
      break;
    default:
      throw wrongType();
  }
  record.callback = response;
  record.callbackAt = performance.now();
};
