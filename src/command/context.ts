import type { AppServices } from '../app/services.js';
import type { Command } from './command.js';
import type { CommandOptions, Invocation } from './invocation.js';

/** Who is asking and where. Adapters fill this in from Discord or from console directives. */
export interface Actor {
  readonly userId: string;
  readonly userName: string;
  readonly guildId: string | null;
  readonly channelId: string;
  /** Manage Events in this channel: the permission that lets a member run watch parties. */
  readonly canManageEvents: boolean;
}

export interface CommandContext {
  readonly invocation: Invocation;
  readonly options: CommandOptions;
  readonly actor: Actor;
  readonly app: AppServices;
  /** The registry this command was found in, for commands that describe the others. */
  readonly registry: readonly Command[];
}

export interface Choice {
  readonly name: string;
  readonly value: string;
}

/** A button press: the custom id's arguments after the owning command's prefix. */
export interface ButtonContext {
  readonly args: readonly string[];
  readonly actor: Actor;
  readonly app: AppServices;
}
