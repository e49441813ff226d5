import {
  ApplicationCommandType,
  ApplicationFlags,
  type APIApplicationCommand,
  type RESTGetAPIGatewayBotResult,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { invalidForm } from './errors.js';
import { USERS } from './fixtures.js';
import { IDS, snowflake } from './ids.js';
import { ok, route, type Route } from './router.js';
import type { FakeState } from './state.js';

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

/** Discord's checks on a bulk overwrite, then the stored commands with their ids. */
const overwrite = (state: FakeState, key: string, body: unknown): APIApplicationCommand[] => {
  if (!Array.isArray(body))
    throw invalidForm([{ path: '_', code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }]);
  const commands = body as RESTPutAPIApplicationCommandsJSONBody;
  const problems = commands.flatMap((command, i) => [
    ...(NAME.test(command.name)
      ? []
      : [
          { path: `${i}.name`, code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' },
        ]),
    ...(commands.findIndex((other) => other.name === command.name) !== i
      ? [
          {
            path: `${i}.name`,
            code: 'APPLICATION_COMMANDS_DUPLICATE_NAME',
            message: 'Application command names must be unique',
          },
        ]
      : []),
    ...('description' in command && (command.description?.length ?? 0) > 100
      ? [
          {
            path: `${i}.description`,
            code: 'BASE_TYPE_BAD_LENGTH',
            message: 'Must be between 1 and 100 in length.',
          },
        ]
      : []),
  ]);
  if (commands.length > 100)
    problems.push({ path: '_', code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
  if (problems.length > 0) throw invalidForm(problems);
  const saved = commands.map(
    (command) =>
      ({
        ...command,
        id: state.commandId(command.name),
        application_id: IDS.application,
        version: snowflake(),
        type: command.type ?? ApplicationCommandType.ChatInput,
        default_member_permissions: command.default_member_permissions ?? null,
        nsfw: command.nsfw ?? false,
        ...(key === 'global' ? {} : { guild_id: key }),
      }) as APIApplicationCommand,
  );
  state.commands.set(key, saved);
  state.changed();
  return saved;
};

export const appRoutes = (state: FakeState, gatewayUrl: () => string): Route[] => [
  route('GET', '/gateway', () => ok({ url: gatewayUrl() }), { auth: false }),
  route('GET', '/gateway/bot', () =>
    ok({
      url: gatewayUrl(),
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
    } satisfies RESTGetAPIGatewayBotResult),
  ),
  route('GET', '/users/@me', () => ok(USERS.bot)),
  route('GET', '/applications/@me', () =>
    ok({
      id: IDS.application,
      name: USERS.bot.username,
      icon: null,
      description: '',
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      flags: ApplicationFlags.ApplicationCommandBadge,
      bot: USERS.bot,
    }),
  ),
  route('GET', '/applications/:app/commands', () => ok(state.commands.get('global') ?? [])),
  route('PUT', '/applications/:app/commands', ({ body }) => ok(overwrite(state, 'global', body))),
  route('GET', '/applications/:app/guilds/:guild/commands', ({ params }) =>
    ok(state.commands.get(params.guild!) ?? []),
  ),
  route('PUT', '/applications/:app/guilds/:guild/commands', ({ params, body }) =>
    ok(overwrite(state, params.guild!, body)),
  ),
];
