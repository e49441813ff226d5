import { PermissionFlagsBits, type BaseInteraction } from 'discord.js';
import type { Actor } from '../command/context.js';

export const actorOf = (interaction: BaseInteraction): Actor => ({
  userId: interaction.user.id,
  userName: interaction.user.username,
  guildId: interaction.guildId,
  channelId: interaction.channelId ?? '',
  canManageEvents: interaction.memberPermissions?.has(PermissionFlagsBits.ManageEvents) ?? false,
});
