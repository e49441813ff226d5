import { UserError } from '../errors.js';
import { isSnowflake } from '../snowflake.js';

export type OptionValue = string | number | boolean;

/** A slash command as typed, whichever adapter received it: names and option values, already type-checked. */
export interface Invocation {
  readonly commandName: string;
  readonly subcommandGroup?: string;
  readonly subcommand?: string;
  readonly options: Readonly<Record<string, OptionValue>>;
  /** The option being typed, for autocomplete. */
  readonly focused?: string;
}

/** Typed access to an invocation's options. Adapters already checked types; a mismatch here is a bug. */
export class CommandOptions {
  constructor(private readonly invocation: Invocation) {}

  get subcommand(): string | undefined {
    return this.invocation.subcommand;
  }
  get subcommandGroup(): string | undefined {
    return this.invocation.subcommandGroup;
  }

  string(name: string): string | undefined {
    const value = this.invocation.options[name];
    return typeof value === 'string' ? value : undefined;
  }
  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined) throw new UserError(`The ${name} option is required.`);
    return value;
  }
  /**
   * A channel, role or user option: Discord only ever sends an id, but a forged
   * or hand-typed value must not reach a mention or a REST path.
   */
  id(name: string): string | undefined {
    const value = this.invocation.options[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !isSnowflake(value))
      throw new UserError(`The ${name} option must be picked from Discord's list, not typed.`);
    return value;
  }
  boolean(name: string): boolean | undefined {
    const value = this.invocation.options[name];
    return typeof value === 'boolean' ? value : undefined;
  }
  number(name: string): number | undefined {
    const value = this.invocation.options[name];
    return typeof value === 'number' ? value : undefined;
  }
}
