import { MessageFlags, type RepliableInteraction } from 'discord.js';
import type { RenderedMessage } from '../reply/render.js';

/**
 * Answers an interaction whatever state it is in: a first reply, the edit of a
 * deferred one, or a follow-up once it has been answered.
 */
export const sendReply = async (
  interaction: RepliableInteraction,
  message: RenderedMessage,
): Promise<void> => {
  const body = {
    content: message.content || undefined,
    embeds: [...message.embeds],
    components: [...message.components],
    allowedMentions: message.allowedMentions,
  };
  if (interaction.deferred && !interaction.replied) {
    // The defer fixed the visibility; an ephemeral answer to a public defer goes as a follow-up.
    const deferredEphemeral = interaction.ephemeral ?? false;
    if (message.ephemeral === deferredEphemeral) await interaction.editReply(body);
    else {
      await interaction.deleteReply().catch(() => undefined);
      await interaction.followUp({ ...body, flags: message.ephemeral ? MessageFlags.Ephemeral : undefined });
    }
    return;
  }
  const flags = message.ephemeral ? MessageFlags.Ephemeral : undefined;
  if (interaction.replied) await interaction.followUp({ ...body, flags });
  else await interaction.reply({ ...body, flags });
};
