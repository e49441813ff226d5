import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { ConfigError } from './errors.js';
import { SNOWFLAKE } from './snowflake.js';

/** Whole seconds, from 0 (off) to an hour. */
const seconds = z.coerce
  .number()
  .int('must be a whole number of seconds')
  .min(0, 'must be 0 (off) or more')
  .max(3600, 'must be at most 3600 seconds');

/** Every setting the bot reads, validated once. Each key is documented in .env.example. */
const schema = z.object({
  DISCORD_TOKEN: z.string().trim().min(1).optional(),
  DISCORD_CLIENT_ID: z
    .string()
    .regex(SNOWFLAKE, 'must be the application id, a Discord snowflake')
    .optional(),
  DISCORD_API_URL: z.url().default('https://discord.com/api'),
  STORE_URL: z.string().min(1).default('sqlite://./var/filmclub.sqlite'),
  FILMS_DIR: z.string().min(1).default('data/films'),
  DEFAULT_FILM: z.string().min(1).default('never-let-me-go'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Per-user cooldowns on the commands that cost something; 0 turns one off. */
  COOLDOWN_ASK_SECONDS: seconds.default(3),
  COOLDOWN_RECAP_SECONDS: seconds.default(10),
  /** Shards for `npm run start:sharded`: `auto` (Discord's recommendation) or a number. */
  SHARD_COUNT: z
    .string()
    .regex(/^(auto|[1-9]\d{0,4})$/, 'must be auto or a whole number of shards, 1 or more')
    .default('auto')
    .transform((value) => (value === 'auto' ? ('auto' as const) : Number(value))),
  /** This process's shard id: set by the ShardingManager for each shard it starts, never by hand. */
  SHARDS: z
    .string()
    .regex(/^\d{1,5}$/, 'must be one shard id (the sharding manager sets it)')
    .transform(Number)
    .optional(),
});

export type Config = z.infer<typeof schema> & { readonly filmsDir: string };

export { ConfigError };

/** Reads the environment (and .env, if present) once; throws ConfigError naming every bad key. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env, { dotenv = true } = {}): Config => {
  if (dotenv) loadDotenv({ quiet: true });
  // Empty strings in .env mean "not set", as people leave keys blank when copying .env.example.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success)
    throw new ConfigError(
      `Invalid configuration: ${parsed.error.issues
        .map((issue) => `${issue.path.join('.')} ${issue.message}`)
        .join('; ')}. See .env.example.`,
    );
  return { ...parsed.data, filmsDir: path.resolve(parsed.data.FILMS_DIR) };
};
