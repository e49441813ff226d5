import { commands } from '../commands/index.js';
import { createApp } from './app/create.js';
import { systemClock } from './clock.js';
import { startBot, type RunningBot } from './discord/bot.js';
import { shardingRefusal } from './discord/shard.js';
import { createLogger } from './logger.js';
import { configOrExit, exitWith } from './startup.js';

/** How long shutdown may take before the process gives up waiting and exits non-zero. */
const SHUTDOWN_LIMIT_MS = 8000;

const main = async () => {
  const config = configOrExit();
  const token = config.DISCORD_TOKEN;
  if (!token)
    return exitWith(
      'DISCORD_TOKEN is not set: copy .env.example to .env and add your bot token (see README, "Discord setup"), or try the bot offline with `npm run console`.',
    );
  // A shard of `npm run start:sharded` (SHARDS set by the manager) shares its state, so only Redis will do.
  const refusal = config.SHARDS === undefined ? undefined : shardingRefusal(config.STORE_URL);
  if (refusal) return exitWith(refusal);
  // discord.js's Client reads SHARDS and SHARD_COUNT from the environment as its own options. Only
  // a shard of start:sharded means them for it; otherwise SHARD_COUNT is start:sharded's setting
  // (from .env, say), and `auto` or a blank would reach the client as NaN and stop it.
  if (config.SHARDS === undefined) {
    delete process.env.SHARDS;
    delete process.env.SHARD_COUNT;
  }
  const base = createLogger({ level: config.LOG_LEVEL, pretty: config.NODE_ENV === 'development' });
  // Under start:sharded every line says which shard wrote it.
  const logger = config.SHARDS === undefined ? base : base.child({ shardId: config.SHARDS });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

  // Signals are handled from the start, so a stop during login still closes the store and the gateway.
  const starting: Promise<RunningBot> = createApp({ config, logger, clock: systemClock }).then((app) =>
    startBot(app, commands, token),
  );
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing interactions in flight');
    setTimeout(() => {
      logger.error({ limitMs: SHUTDOWN_LIMIT_MS }, 'shutdown took too long; exiting anyway');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    starting
      .then((bot) => bot.stop())
      .then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  // A shard whose manager is gone (killed outright) stops too, rather than run on unmanaged.
  process.on('disconnect', () => shutdown('sharding manager gone'));
  await starting;
};

void main().catch((error: unknown) =>
  exitWith(`Could not start: ${error instanceof Error ? error.message : String(error)}`),
);
