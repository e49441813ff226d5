import { time } from '@discordjs/formatters';
import { customId } from '../command/custom-id.js';
import { raw, type ReplyButton, type Span } from '../reply/model.js';

/** `<t:UNIX:F>`: Discord shows it in each reader's own timezone. */
export const fullTime = (ms: number): Span => raw(time(Math.floor(ms / 1000), 'F'));
/** `<t:UNIX:R>`: "in 10 minutes", kept current by Discord. */
export const relativeTime = (ms: number): Span => raw(time(Math.floor(ms / 1000), 'R'));

export const channelMention = (channelId: string): Span => raw(`<#${channelId}>`);
/** A mention shown as a name; it pings only if the reply's `mentions` list allows it. */
export const userMention = (userId: string): Span => raw(`<@${userId}>`);
export const roleMention = (roleId: string): Span => raw(`<@&${roleId}>`);

export type PartyButtonAction = 'remind' | 'catchup' | 'where';

export const partyButton = (action: PartyButtonAction, partyId: string): ReplyButton => {
  const labels = { remind: 'Remind me', catchup: 'Catch me up', where: 'Where are we?' } as const;
  return {
    customId: customId('watchparty', action, partyId),
    label: labels[action],
    style: action === 'remind' ? 'primary' : 'secondary',
  };
};

/** The buttons under every prompt posted during the film. */
export const duringFilmButtons = (partyId: string): ReplyButton[] => [
  partyButton('catchup', partyId),
  partyButton('where', partyId),
];
