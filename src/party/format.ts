import { customId } from '../command/custom-id.js';
import type { ReplyButton } from '../reply/model.js';

export { channelMention, fullTime, relativeTime, roleMention, userMention } from '../reply/syntax.js';

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
