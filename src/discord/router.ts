import { RESTJSONErrorCodes, type Interaction, type RepliableInteraction } from 'discord.js';
import type { AppServices } from '../app/services.js';
import type { Command } from '../command/command.js';
import { findCommand, GENERIC_FAILURE, runAutocomplete, runButton, runCommand } from '../command/run.js';
import { errorReply } from '../reply/model.js';
import { renderReply } from '../reply/render.js';
import { actorOf } from './actor.js';
import { invocationOf } from './invocation.js';
import { sendReply } from './send.js';

export const RESTARTING = 'The bot is restarting; try again in a few seconds.';

/** Discord no longer takes an answer: the 3-second window passed, or something already answered. */
const isGone = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === RESTJSONErrorCodes.UnknownInteraction ||
    code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged
  );
};

const contextOf = (interaction: Interaction) => {
  const kind = interaction.isChatInputCommand()
    ? 'command'
    : interaction.isAutocomplete()
      ? 'autocomplete'
      : interaction.isButton()
        ? 'button'
        : 'other';
  const command =
    interaction.isChatInputCommand() || interaction.isAutocomplete()
      ? interaction.commandName
      : interaction.isButton()
        ? interaction.customId.split(':')[0]
        : undefined;
  return {
    kind,
    command,
    interactionId: interaction.id,
    guildId: interaction.guildId,
    userId: interaction.user.id,
    ...(interaction.isButton() ? { customId: interaction.customId } : {}),
  };
};

/**
 * The one interaction router: slash commands, autocomplete and buttons all go
 * through the shared runner and renderer. Command errors become replies in the
 * runner; what fails here is Discord itself (a refused or late answer), which
 * is logged with its context and, where the interaction can still take it,
 * answered with the short generic message. It never throws.
 */
export const createRouter = (registry: readonly Command[], getApp: () => AppServices) => {
  let inFlight = 0;
  let accepting = true;
  const idle: (() => void)[] = [];

  const answer = async (interaction: Interaction, app: AppServices): Promise<void> => {
    if (interaction.isAutocomplete()) {
      const choices = await runAutocomplete(registry, invocationOf(interaction), actorOf(interaction), app);
      await interaction.respond(choices.map((choice) => ({ name: choice.name, value: choice.value })));
      return;
    }
    if (!interaction.isRepliable()) return;
    if (!accepting) return sendReply(interaction, renderReply(errorReply(RESTARTING)));
    if (interaction.isChatInputCommand()) {
      const invocation = invocationOf(interaction);
      // Long work would outlast Discord's 3-second window: show "thinking…" first.
      if (findCommand(registry, invocation.commandName)?.slow) await interaction.deferReply();
      const reply = await runCommand(registry, invocation, actorOf(interaction), app);
      await sendReply(interaction, renderReply(reply));
    } else if (interaction.isButton()) {
      const reply = await runButton(registry, interaction.customId, actorOf(interaction), app);
      await sendReply(interaction, renderReply(reply));
    }
  };

  const fail = async (interaction: Interaction, error: unknown, app: AppServices, context: object) => {
    if (isGone(error)) {
      app.logger.warn(
        { err: error, ...context },
        'interaction could not be answered: Discord no longer takes it',
      );
      return;
    }
    app.logger.error({ err: error, ...context }, 'interaction failed');
    if (!interaction.isRepliable()) return;
    await sendReply(interaction as RepliableInteraction, renderReply(errorReply(GENERIC_FAILURE))).catch(
      (second: unknown) => app.logger.warn({ err: second, ...context }, 'could not tell the user it failed'),
    );
  };

  const handle = async (interaction: Interaction): Promise<void> => {
    const app = getApp();
    const started = performance.now();
    const context = contextOf(interaction);
    try {
      await answer(interaction, app);
      const latencyMs = Math.round(performance.now() - started);
      if (interaction.isAutocomplete()) app.logger.debug({ ...context, latencyMs }, 'autocomplete answered');
      else app.logger.info({ ...context, latencyMs }, 'interaction answered');
    } catch (error) {
      await fail(interaction, error, app, context);
    }
  };

  return {
    /** For client.on('interactionCreate'): counts what is in flight so shutdown can wait for it. */
    async onInteraction(interaction: Interaction): Promise<void> {
      inFlight += 1;
      try {
        await handle(interaction);
      } catch (error) {
        // Only a broken logger could get here; there is nobody left to tell.
        process.emitWarning(`interaction router: ${String(error)}`);
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
