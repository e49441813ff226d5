import { commands } from '../commands/index.js';
import { createApp } from './app/create.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import { startBot } from './discord/bot.js';
import { createLogger } from './logger.js';

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

const main = async () => {
  const config = (() => {
    try {
      return loadConfig();
    } catch (error) {
      return fail(error instanceof ConfigError ? error.message : String(error));
    }
  })();
  const token = config.DISCORD_TOKEN;
  if (!token)
    return fail(
      'DISCORD_TOKEN is not set: copy .env.example to .env and add your bot token (see README, "Discord setup"), or try the bot offline with `npm run console`.',
    );
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: config.NODE_ENV === 'development' });
  const app = await createApp({ config, logger, clock: systemClock });
  const bot = await startBot(app, commands, token);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 8000);
    force.unref();
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
};

void main().catch((error: unknown) =>
  fail(`Could not start: ${error instanceof Error ? error.message : String(error)}`),
);
