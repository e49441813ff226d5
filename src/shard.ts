/**
 * `npm run start:sharded`: discord.js's ShardingManager over src/main.ts, one
 * process per shard, each answering its own guilds. Shards share one state,
 * so the store must be Redis; SQLite or memory is refused at once.
 */
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import type { Config } from './config.js';
import { shardingRefusal } from './discord/shard.js';
import { createLogger } from './logger.js';
import { configOrExit, exitWith } from './startup.js';

/** How long the shards get to finish in-flight work and leave the gateway (each has 8 s of its own). */
const SHUTDOWN_LIMIT_MS = 10_000;
/** Discord allows one identify per 5 s per bucket; spawning slower than that avoids waiting in the shard. */
const SPAWN_DELAY_MS = 5500;

/** Discord's recommended shard count, asked through DISCORD_API_URL (a rate-limit proxy, if set). */
const recommendedShards = async (config: Config, token: string): Promise<number> => {
  const rest = new REST({ api: config.DISCORD_API_URL }).setToken(token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, shards);
};

const main = async () => {
  const config = configOrExit();
  const token =
    config.DISCORD_TOKEN ??
    exitWith('DISCORD_TOKEN is not set: copy .env.example to .env and add your bot token (see README).');
  const refusal = shardingRefusal(config.STORE_URL);
  if (refusal) return exitWith(refusal);
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: config.NODE_ENV === 'development' });

  const totalShards =
    config.SHARD_COUNT === 'auto' ? await recommendedShards(config, token) : config.SHARD_COUNT;
  const manager = new ShardingManager(fileURLToPath(new URL('./main.ts', import.meta.url)), {
    token,
    totalShards,
    mode: 'process',
    // The shards run the TypeScript entry point directly, as `npm start` does.
    execArgv: ['--import', 'tsx'],
    // Off while starting, so a shard that cannot start (a bad token) stops everything
    // instead of being restarted for ever; on once all are up, to bring back a crashed one.
    respawn: false,
  });
  manager.on('shardCreate', (shard: Shard) => {
    logger.info({ shardId: shard.id, totalShards }, 'shard started');
    shard.on('death', () => logger.warn({ shardId: shard.id }, 'shard process exited'));
    // A failed respawn is emitted here; unheard, it would end the manager and every shard with it.
    shard.on('error', (err) => logger.error({ err, shardId: shard.id }, 'shard error'));
  });

  let stopping: Promise<void> | undefined;
  const stop = (reason: string, code: number) => {
    stopping ??= (async () => {
      manager.respawn = false;
      logger.info({ reason }, 'stopping every shard');
      setTimeout(() => {
        logger.error({ limitMs: SHUTDOWN_LIMIT_MS }, 'shards took too long to stop; killing them');
        for (const shard of manager.shards.values()) shard.process?.kill('SIGKILL');
        process.exit(1);
      }, SHUTDOWN_LIMIT_MS).unref();
      // Each shard shuts down as `npm start` does on SIGTERM: in-flight work, store, gateway.
      await Promise.all(
        [...manager.shards.values()].map((shard) => {
          const child = shard.process;
          if (!child || child.exitCode !== null || child.signalCode !== null) return undefined;
          return new Promise<void>((resolve) => {
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          });
        }),
      );
      logger.info('all shards stopped');
      process.exit(code);
    })();
  };
  process.on('SIGINT', () => stop('SIGINT', 0));
  process.on('SIGTERM', () => stop('SIGTERM', 0));

  try {
    await manager.spawn({ amount: totalShards, delay: SPAWN_DELAY_MS });
  } catch (error) {
    logger.error({ err: error }, 'a shard could not start');
    return stop('start-up failed', 1);
  }
  manager.respawn = true;
  logger.info({ totalShards }, 'every shard is up');
};

void main().catch((error: unknown) =>
  exitWith(`Could not start the shards: ${error instanceof Error ? error.message : String(error)}`),
);
