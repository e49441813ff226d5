import { MessageFlags, type Interaction } from 'discord.js';
import type { AppServices } from '../app/services.js';
import type { Command } from '../command/command.js';
import { findCommand, GENERIC_FAILURE, runAutocomplete, runButton, runCommand } from '../command/run.js';
import { errorReply } from '../reply/model.js';
import { renderReply } from '../reply/render.js';
import { actorOf } from './actor.js';
import { invocationOf } from './invocation.js';
import { sendReply } from './send.js';

/**
 * The one interaction router: slash commands, autocomplete and buttons all go
 * through the shared runner and renderer. It never throws.
 */
export const createRouter = (registry: readonly Command[], getApp: () => AppServices) => {
  let inFlight = 0;
  let accepting = true;
  const idle: (() => void)[] = [];

  const handle = async (interaction: Interaction): Promise<void> => {
    const app = getApp();
    const started = performance.now();
    try {
      if (interaction.isAutocomplete()) {
        const choices = await runAutocomplete(registry, invocationOf(interaction), actorOf(interaction), app);
        await interaction.respond(choices.map((choice) => ({ name: choice.name, value: choice.value })));
        return;
      }
      if (!interaction.isRepliable()) return;
      if (!accepting) {
        await sendReply(
          interaction,
          renderReply(errorReply('The bot is restarting; try again in a few seconds.')),
        );
        return;
      }
      if (interaction.isChatInputCommand()) {
        const invocation = invocationOf(interaction);
        const command = findCommand(registry, invocation.commandName);
        if (command?.slow) await interaction.deferReply();
        const reply = await runCommand(registry, invocation, actorOf(interaction), app);
        await sendReply(interaction, renderReply(reply));
        app.logger.info(
          {
            command: invocation.commandName,
            guildId: interaction.guildId,
            userId: interaction.user.id,
            latencyMs: Math.round(performance.now() - started),
          },
          'command answered',
        );
      } else if (interaction.isButton()) {
        await sendReply(
          interaction,
          renderReply(await runButton(registry, interaction.customId, actorOf(interaction), app)),
        );
      }
    } catch (error) {
      app.logger.error(
        {
          err: error,
          interactionId: interaction.id,
          guildId: interaction.guildId,
          userId: interaction.user.id,
        },
        'interaction failed',
      );
      if (interaction.isRepliable() && !interaction.replied)
        await interaction
          .reply({ content: GENERIC_FAILURE, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } })
          .catch(() => undefined);
    }
  };

  return {
    /** For client.on('interactionCreate'): counts what is in flight so shutdown can wait for it. */
    async onInteraction(interaction: Interaction): Promise<void> {
      inFlight += 1;
      try {
        await handle(interaction);
      } finally {
        inFlight -= 1;
        if (inFlight === 0) idle.splice(0).forEach((resolve) => resolve());
      }
    },
    /** Stops taking new work and resolves when what was in flight has finished. */
    async drain(): Promise<void> {
      accepting = false;
      if (inFlight > 0) await new Promise<void>((resolve) => idle.push(resolve));
    },
  };
};
