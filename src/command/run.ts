import type { AppServices } from '../app/services.js';
import { cooldownMessage } from '../cooldown/cooldowns.js';
import { isUserError } from '../errors.js';
import { errorReply, type Reply } from '../reply/model.js';
import { StoreUnavailableError } from '../store/store.js';
import type { Command } from './command.js';
import type { Actor, ButtonContext, Choice, CommandContext } from './context.js';
import { CommandOptions, type Invocation } from './invocation.js';
import { parseCustomId } from './custom-id.js';

export const GENERIC_FAILURE =
  'Something went wrong on my side; it has been logged. Please try again in a moment.';
export const STORE_UNAVAILABLE =
  "I can't reach my storage right now, so nothing was changed. Try again in a minute.";

/**
 * The one error path. A UserError is the reply; anything else is logged with
 * its context and the user gets a short generic message.
 */
export const replyForError = (error: unknown, app: AppServices, context: Record<string, unknown>): Reply => {
  if (isUserError(error)) return errorReply(error.message);
  // The store already logged the cause; this is an outage to wait out, not a bug.
  if (error instanceof StoreUnavailableError) return errorReply(STORE_UNAVAILABLE);
  app.logger.error({ err: error, ...context }, 'command failed');
  return errorReply(GENERIC_FAILURE);
};

export const findCommand = (registry: readonly Command[], name: string): Command | undefined =>
  registry.find((command) => command.data.name === name);

const contextFor = (
  registry: readonly Command[],
  invocation: Invocation,
  actor: Actor,
  app: AppServices,
): CommandContext => ({
  registry,
  invocation,
  options: new CommandOptions(invocation),
  actor,
  app,
});

export const runCommand = async (
  registry: readonly Command[],
  invocation: Invocation,
  actor: Actor,
  app: AppServices,
): Promise<Reply> => {
  const command = findCommand(registry, invocation.commandName);
  const logContext = { command: invocation.commandName, guildId: actor.guildId, userId: actor.userId };
  if (!command) return errorReply(`I don't know the command /${invocation.commandName}. Try /help.`);
  const seconds = cooldownSeconds(command, app.config);
  const ticket = seconds > 0 ? app.cooldowns.take(command.data.name, actor.userId, seconds) : undefined;
  if (ticket && !ticket.ok) return errorReply(cooldownMessage(command.data.name, ticket.retryInSeconds));
  try {
    return await command.execute(contextFor(registry, invocation, actor, app));
  } catch (error) {
    // A use that failed (a typo, an outage) cost nothing, so it does not hold up the next one.
    if (ticket?.ok) ticket.release();
    return replyForError(error, app, logContext);
  }
};

/** The command's cooldown in seconds, 0 for none: a fixed number, or read from the setting it names. */
export const cooldownSeconds = (command: Command, config: AppServices['config']): number =>
  typeof command.cooldown === 'string' ? config[command.cooldown] : (command.cooldown ?? 0);

/** Suggestions never fail loudly: a broken autocomplete shows an empty list, and is logged. */
export const runAutocomplete = async (
  registry: readonly Command[],
  invocation: Invocation,
  actor: Actor,
  app: AppServices,
): Promise<readonly Choice[]> => {
  const command = findCommand(registry, invocation.commandName);
  if (!command?.autocomplete) return [];
  try {
    return (await command.autocomplete(contextFor(registry, invocation, actor, app))).slice(0, 25);
  } catch (error) {
    app.logger.error(
      { err: error, command: invocation.commandName, userId: actor.userId },
      'autocomplete failed',
    );
    return [];
  }
};

export const STALE_BUTTON = 'That button is no longer valid. Run the command again for a fresh one.';

export const runButton = async (
  registry: readonly Command[],
  customId: string,
  actor: Actor,
  app: AppServices,
): Promise<Reply> => {
  const parsed = parseCustomId(customId);
  const command = parsed && findCommand(registry, parsed.command);
  if (!parsed || !command?.button) return errorReply(STALE_BUTTON);
  const ctx: ButtonContext = { args: parsed.args, actor, app };
  try {
    return await command.button(ctx);
  } catch (error) {
    return replyForError(error, app, { button: customId, userId: actor.userId, guildId: actor.guildId });
  }
};
