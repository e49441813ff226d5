import {
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
} from 'discord.js';
import type { Invocation, OptionValue } from '../command/invocation.js';

/** Flattens Discord's nested options into the adapter-neutral invocation the commands read. */
export const invocationOf = (
  interaction: ChatInputCommandInteraction | AutocompleteInteraction,
): Invocation => {
  const values: Record<string, OptionValue> = {};
  let subcommandGroup: string | undefined;
  let subcommand: string | undefined;
  let focused: string | undefined;
  const visit = (options: readonly CommandInteractionOption[]) => {
    for (const option of options) {
      if (option.type === ApplicationCommandOptionType.SubcommandGroup) subcommandGroup = option.name;
      else if (option.type === ApplicationCommandOptionType.Subcommand) subcommand = option.name;
      else if (option.value !== undefined && option.value !== null) {
        values[option.name] = option.value;
        if (option.focused) focused = option.name;
      }
      if (option.options) visit(option.options);
    }
  };
  visit(interaction.options.data);
  return {
    commandName: interaction.commandName,
    options: values,
    ...(subcommandGroup ? { subcommandGroup } : {}),
    ...(subcommand ? { subcommand } : {}),
    ...(focused ? { focused } : {}),
  };
};
