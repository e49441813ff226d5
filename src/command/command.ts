import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Config } from '../config.js';
import type { Reply } from '../reply/model.js';
import type { ButtonContext, Choice, CommandContext } from './context.js';

/** The settings that hold a number of seconds, such as COOLDOWN_ASK_SECONDS. */
export type SecondsSetting = {
  [K in keyof Config]-?: Config[K] extends number ? K : never;
}[keyof Config];

/**
 * One slash command: its definition (built with SlashCommandBuilder) and what it does.
 * The Discord router, the console and the deploy script all read the same registry.
 */
export interface Command {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(ctx: CommandContext): Promise<Reply>;
  /** Suggestions for the focused option; at most 25, never anything past the asker's position. */
  autocomplete?(ctx: CommandContext): Promise<readonly Choice[]>;
  /** Presses of buttons whose custom id starts with this command's name (see reply/custom-id.ts). */
  button?(ctx: ButtonContext): Promise<Reply>;
  /** Work that may outlast Discord's 3-second window: the router defers before executing. */
  readonly slow?: boolean;
  /**
   * A per-user cooldown for commands that cost something: a setting's name (so
   * it is configurable, 0 turning it off) or a fixed number of seconds. The
   * runner applies it; the command itself never sees a refused use.
   */
  readonly cooldown?: SecondsSetting | number;
}
