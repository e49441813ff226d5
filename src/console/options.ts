import {
  ApplicationCommandOptionType as T,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { Command } from '../command/command.js';
import type { Invocation, OptionValue } from '../command/invocation.js';
import { SNOWFLAKE } from '../snowflake.js';

/** Input Discord itself would refuse: the console reports it instead of running the command. */
export class ConsoleInputError extends Error {
  override readonly name = 'ConsoleInputError';
}

type Leaf = Exclude<APIApplicationCommandOption, { type: T.Subcommand | T.SubcommandGroup }>;

const snowflake = (value: string, pattern: RegExp, what: string, name: string) => {
  const id = pattern.exec(value)?.[1] ?? value;
  if (!SNOWFLAKE.test(id)) throw new ConsoleInputError(`${name}: "${value}" is not a ${what} id or mention`);
  return id;
};

/** Type-checks one value as Discord does for the option's declared type and limits. */
const coerce = (option: Leaf, value: string): OptionValue => {
  const name = option.name;
  switch (option.type) {
    case T.String: {
      if (option.min_length !== undefined && value.length < option.min_length)
        throw new ConsoleInputError(`${name}: must be at least ${option.min_length} characters`);
      if (option.max_length !== undefined && value.length > option.max_length)
        throw new ConsoleInputError(`${name}: must be at most ${option.max_length} characters`);
      if (option.choices && !option.choices.some((choice) => choice.value === value))
        throw new ConsoleInputError(
          `${name}: must be one of ${option.choices.map((c) => c.value).join(', ')}`,
        );
      return value;
    }
    case T.Integer:
    case T.Number: {
      const number = Number(value);
      if (
        value.trim() === '' ||
        !Number.isFinite(number) ||
        (option.type === T.Integer && !Number.isInteger(number))
      )
        throw new ConsoleInputError(
          `${name}: "${value}" is not ${option.type === T.Integer ? 'a whole number' : 'a number'}`,
        );
      if (option.min_value !== undefined && number < option.min_value)
        throw new ConsoleInputError(`${name}: must be at least ${option.min_value}`);
      if (option.max_value !== undefined && number > option.max_value)
        throw new ConsoleInputError(`${name}: must be at most ${option.max_value}`);
      return number;
    }
    case T.Boolean: {
      const lower = value.toLowerCase();
      if (['true', 'yes', 'on'].includes(lower)) return true;
      if (['false', 'no', 'off'].includes(lower)) return false;
      throw new ConsoleInputError(`${name}: "${value}" is not true or false`);
    }
    case T.User:
      return snowflake(value, /^<@!?(\d+)>$/, 'user', name);
    case T.Channel:
      return snowflake(value, /^<#(\d+)>$/, 'channel', name);
    case T.Role:
      return snowflake(value, /^<@&(\d+)>$/, 'role', name);
    case T.Mentionable:
      return snowflake(value, /^<@[!&]?(\d+)>$/, 'user or role', name);
    default:
      throw new ConsoleInputError(`${name}: attachments cannot be given in the console`);
  }
};

const unquote = (value: string) => {
  const trimmed = value.trim();
  const quoted = /^(["'])([\s\S]*)\1$/.exec(trimmed);
  return quoted ? quoted[2]! : trimmed;
};

/** Splits `name:value name:value`, where a value runs to the next ` knownname:`. */
const splitOptions = (text: string, names: readonly string[]): [string, string][] => {
  if (text.trim() === '') return [];
  if (names.length === 0)
    throw new ConsoleInputError(`this command takes no options, but got "${text.trim()}"`);
  const escaped = names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const marker = new RegExp(`(?:^|\\s)(${escaped.join('|')}):`, 'g');
  const starts = [...text.matchAll(marker)];
  if (starts.length === 0 || text.slice(0, starts[0]!.index).trim() !== '')
    throw new ConsoleInputError(`expected options like ${names[0]}:value, got "${text.trim()}"`);
  return starts.map((match, i) => {
    const valueStart = match.index + match[0].length;
    const valueEnd = starts[i + 1]?.index ?? text.length;
    return [match[1]!, unquote(text.slice(valueStart, valueEnd))];
  });
};

/**
 * Reads `/name [group] [subcommand] option:value ...` against the command's own
 * JSON definition, so the console accepts exactly what Discord would.
 */
export const parseInvocation = (
  line: string,
  registry: readonly Command[],
  { partial = false } = {},
): Invocation => {
  const match = /^\/(\S+)\s*([\s\S]*)$/.exec(line.trim());
  if (!match) throw new ConsoleInputError('a command starts with /, for example /film');
  const [, commandName, rest] = match as unknown as [string, string, string];
  const command = registry.find((c) => c.data.name === commandName);
  if (!command)
    throw new ConsoleInputError(
      `unknown command /${commandName}; known: ${registry.map((c) => `/${c.data.name}`).join(' ')}`,
    );
  const json: RESTPostAPIChatInputApplicationCommandsJSONBody = command.data.toJSON();

  let options = (json.options ?? []) as readonly APIApplicationCommandOption[];
  let remaining = rest;
  const path: { subcommandGroup?: string; subcommand?: string } = {};
  for (const level of [T.SubcommandGroup, T.Subcommand] as const) {
    const candidates = options.filter((option) => option.type === level);
    if (candidates.length === 0) continue;
    const [word = '', ...tail] = remaining.trim().split(/\s+/);
    const chosen = candidates.find((option) => option.name === word);
    const what = level === T.SubcommandGroup ? 'group' : 'subcommand';
    if (!chosen)
      throw new ConsoleInputError(
        `/${commandName} needs a ${what}: ${candidates.map((c) => c.name).join(', ')}${word ? ` (not "${word}")` : ''}`,
      );
    if (level === T.SubcommandGroup) path.subcommandGroup = chosen.name;
    else path.subcommand = chosen.name;
    options = ('options' in chosen ? chosen.options : []) as readonly APIApplicationCommandOption[];
    remaining = tail.join(' ');
  }

  const leaves = options as readonly Leaf[];
  const values: Record<string, OptionValue> = {};
  let focused: string | undefined;
  for (const [name, raw] of splitOptions(
    remaining,
    leaves.map((option) => option.name),
  )) {
    if (name in values) throw new ConsoleInputError(`${name}: given twice`);
    const option = leaves.find((leaf) => leaf.name === name)!;
    // While typing, Discord sends the focused value as a raw string, unchecked.
    values[name] = partial && 'autocomplete' in option && option.autocomplete ? raw : coerce(option, raw);
    focused = name;
  }
  if (partial) return { commandName, ...path, options: values, ...(focused ? { focused } : {}) };
  const missing = leaves.filter((option) => option.required && !(option.name in values)).map((o) => o.name);
  if (missing.length > 0) throw new ConsoleInputError(`missing required option(s): ${missing.join(', ')}`);
  return { commandName, ...path, options: values };
};
