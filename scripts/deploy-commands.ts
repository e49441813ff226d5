/**
 * Registers every command in the registry with one bulk overwrite: on one
 * server with --guild ID (instant, for development) or globally.
 * --dry-run prints the JSON and needs no token.
 */
import { parseArgs } from 'node:util';
import { REST, Routes } from 'discord.js';
import { commands } from '../commands/index.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { isSnowflake } from '../src/snowflake.js';

const { values } = parseArgs({
  options: { guild: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
});
const body = commands.map((command) => command.data.toJSON());

if (values['dry-run']) {
  console.log(JSON.stringify(body, null, 2));
} else {
  try {
    const config = loadConfig();
    // Global unless --guild names a server: registering somewhere by default would surprise.
    const guild = values.guild;
    if (!config.DISCORD_TOKEN || !config.DISCORD_CLIENT_ID)
      throw new ConfigError(
        'deploy-commands needs DISCORD_TOKEN and DISCORD_CLIENT_ID in .env (see .env.example).',
      );
    if (guild && !isSnowflake(guild)) throw new ConfigError(`--guild "${guild}" is not a server id.`);
    const rest = new REST({ api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);
    const route = guild
      ? Routes.applicationGuildCommands(config.DISCORD_CLIENT_ID, guild)
      : Routes.applicationCommands(config.DISCORD_CLIENT_ID);
    const saved = (await rest.put(route, { body })) as unknown[];
    console.log(
      `Registered ${saved.length} commands ${guild ? `on server ${guild}` : 'globally (may take up to an hour to show)'}.`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
