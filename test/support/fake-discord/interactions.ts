import {
  ApplicationCommandOptionType as T,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  type APIApplicationCommandAutocompleteGuildInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOption,
  type APIChatInputApplicationCommandGuildInteraction,
  type APIInteractionDataResolved,
  type APIMessage,
  type APIMessageComponentGuildInteraction,
} from 'discord-api-types/v10';
import type { Command } from '../../../src/command/command.js';
import type { Invocation } from '../../../src/command/invocation.js';
import { parseInvocation } from '../../../src/console/options.js';
import { CHANNELS, MEMBERS, memberPayload, ROLES, USERS } from './fixtures.js';
import { IDS, interactionToken, snowflake } from './ids.js';
import { botPermissionsIn, permissionsIn } from './permissions.js';

/** Who is typing, and where; by default the organiser in #film-club, as in the console. */
export interface Where {
  readonly userId?: string;
  readonly channelId?: string;
}

const base = <Type extends InteractionType>(
  type: Type,
  { userId = IDS.organiser, channelId = IDS.general }: Where,
) => {
  const member = MEMBERS.find((candidate) => candidate.user.id === userId);
  if (!member) throw new Error(`fake Discord: no member ${userId} in the fixture guild`);
  const channel = CHANNELS.find((candidate) => candidate.id === channelId);
  if (!channel) throw new Error(`fake Discord: no channel ${channelId} in the fixture guild`);
  return {
    id: snowflake(),
    application_id: IDS.application,
    type,
    token: interactionToken(),
    version: 1 as const,
    guild_id: IDS.guild,
    guild: { id: IDS.guild, locale: Locale.EnglishGB, features: [] },
    channel: { ...channel, guild_id: IDS.guild },
    channel_id: channel.id,
    member: { ...memberPayload(member), permissions: permissionsIn(userId, channelId).toString() },
    app_permissions: botPermissionsIn(channelId).toString(),
    locale: Locale.EnglishGB,
    guild_locale: Locale.EnglishGB,
    entitlements: [],
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: IDS.guild },
    context: InteractionContextType.Guild,
    attachment_size_limit: 10 * 1024 * 1024,
  };
};

/** What Discord sends alongside user, channel and role options: the objects they name. */
const resolve = (
  leaves: readonly APIApplicationCommandInteractionDataBasicOption[],
): APIInteractionDataResolved | undefined => {
  const resolved: APIInteractionDataResolved = {};
  for (const option of leaves) {
    const id = String(option.value);
    const user = Object.values(USERS).find((candidate) => candidate.id === id);
    const member = MEMBERS.find((candidate) => candidate.user.id === id);
    const role = ROLES.find((candidate) => candidate.id === id);
    const channel = CHANNELS.find((candidate) => candidate.id === id);
    if ((option.type === T.User || option.type === T.Mentionable) && user) {
      (resolved.users ??= {})[id] = user;
      if (member) {
        const { user: _user, ...rest } = memberPayload(member);
        (resolved.members ??= {})[id] = { ...rest, permissions: permissionsIn(id, IDS.general).toString() };
      }
    }
    if ((option.type === T.Role || option.type === T.Mentionable) && role) (resolved.roles ??= {})[id] = role;
    if (option.type === T.Channel && channel)
      (resolved.channels ??= {})[id] = {
        id,
        name: channel.name,
        type: channel.type,
        permissions: botPermissionsIn(id).toString(),
      } as NonNullable<APIInteractionDataResolved['channels']>[string];
  }
  return Object.keys(resolved).length > 0 ? resolved : undefined;
};

/** Discord's nested options for an invocation: group, then subcommand, then the typed leaves. */
const nestedOptions = (command: Command, invocation: Invocation, forAutocomplete: boolean) => {
  let definitions = (command.data.toJSON().options ?? []) as readonly APIApplicationCommandOption[];
  const descend = (name: string | undefined) => {
    if (name === undefined) return;
    const found = definitions.find((option) => option.name === name);
    definitions = (
      found && 'options' in found ? found.options : []
    ) as readonly APIApplicationCommandOption[];
  };
  descend(invocation.subcommandGroup);
  descend(invocation.subcommand);
  const leaves = Object.entries(invocation.options).map(([name, value]) => {
    const definition = definitions.find((option) => option.name === name)!;
    const focused = forAutocomplete && invocation.focused === name;
    // While typing, Discord sends the focused value as the raw text typed, whatever the option's type.
    return {
      name,
      type: definition.type,
      value: focused ? String(value) : value,
      ...(focused ? { focused } : {}),
    };
  }) as APIApplicationCommandInteractionDataBasicOption[];
  let options: APIApplicationCommandInteractionDataOption[] = leaves;
  if (invocation.subcommand) options = [{ name: invocation.subcommand, type: T.Subcommand, options: leaves }];
  if (invocation.subcommandGroup)
    options = [
      { name: invocation.subcommandGroup, type: T.SubcommandGroup, options },
    ] as APIApplicationCommandInteractionDataOption[];
  return { options, resolved: resolve(leaves) };
};

const commandFor = (line: string, registry: readonly Command[], partial: boolean) => {
  const invocation = parseInvocation(line, registry, { partial });
  const command = registry.find((candidate) => candidate.data.name === invocation.commandName)!;
  return { invocation, command };
};

/**
 * A slash command as Discord delivers it (type 2), from a console-style line:
 * `/ask question:who plays ruth`. The command's own JSON gives each option its type.
 */
export const commandInteraction = (
  line: string,
  registry: readonly Command[],
  commandId: (name: string) => string,
  where: Where = {},
): APIChatInputApplicationCommandGuildInteraction => {
  const { invocation, command } = commandFor(line, registry, false);
  const { options, resolved } = nestedOptions(command, invocation, false);
  return {
    ...base(InteractionType.ApplicationCommand, where),
    data: {
      id: commandId(command.data.name),
      name: command.data.name,
      type: ApplicationCommandType.ChatInput,
      guild_id: IDS.guild,
      ...(options.length > 0 ? { options } : {}),
      ...(resolved ? { resolved } : {}),
    },
  } as APIChatInputApplicationCommandGuildInteraction;
};

/** Autocomplete (type 4): the last option in the line is the one being typed, marked `focused`. */
export const autocompleteInteraction = (
  line: string,
  registry: readonly Command[],
  commandId: (name: string) => string,
  where: Where = {},
): APIApplicationCommandAutocompleteGuildInteraction => {
  const { invocation, command } = commandFor(line, registry, true);
  if (!invocation.focused) throw new Error(`fake Discord: "${line}" has no option being typed`);
  const { options } = nestedOptions(command, invocation, true);
  return {
    ...base(InteractionType.ApplicationCommandAutocomplete, where),
    data: {
      id: commandId(command.data.name),
      name: command.data.name,
      type: ApplicationCommandType.ChatInput,
      guild_id: IDS.guild,
      options,
    },
  } as APIApplicationCommandAutocompleteGuildInteraction;
};

/** A button press (type 3, component type 2) on a message the bot posted. */
export const buttonInteraction = (
  customId: string,
  message: APIMessage,
  where: Where = {},
): APIMessageComponentGuildInteraction =>
  ({
    ...base(InteractionType.MessageComponent, { channelId: message.channel_id, ...where }),
    message,
    data: { custom_id: customId, component_type: ComponentType.Button },
  }) as APIMessageComponentGuildInteraction;
