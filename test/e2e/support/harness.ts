import pino from 'pino';
import { commands } from '../../../commands/index.js';
import type { AppServices } from '../../../src/app/services.js';
import { createApp } from '../../../src/app/create.js';
import { SimulatedClock } from '../../../src/clock.js';
import type { Command } from '../../../src/command/command.js';
import type { ClientOverrides } from '../../../src/discord/client.js';
import { startBot, type RunningBot } from '../../../src/discord/bot.js';
import { REDACT_PATHS } from '../../../src/logger.js';
import { testConfig } from '../../support/app.js';
import {
  startFakeDiscord,
  type FakeDiscord,
  type FakeDiscordOptions,
} from '../../support/fake-discord/index.js';

/**
 * Test-only client options: identify at once (the default throttler spaces
 * identifies 5 s apart, as Discord's session start limit asks), don't wait
 * long for guilds, and give up on a silent REST call sooner.
 */
export const TEST_CLIENT_OPTIONS: ClientOverrides = {
  waitGuildTimeout: 100,
  ws: { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => undefined }) },
  rest: { timeout: 5000 },
};

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface E2E {
  readonly fake: FakeDiscord;
  readonly bot: RunningBot;
  readonly app: AppServices & { clock: SimulatedClock };
  /** Every log line the bot wrote, parsed. */
  readonly logs: LogLine[];
  close(): Promise<void>;
}

/** A logger that keeps its lines for assertions, with the same redaction as src/logger.ts. */
const captureLogger = (logs: LogLine[]) =>
  pino(
    {
      level: 'debug',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) },
  );

/** The real bot (startBot, discord.js, the registry) connected to a fresh fake Discord. */
export const startE2E = async ({
  registry = commands,
  env = {},
  fake: fakeOptions = {},
}: {
  registry?: readonly Command[];
  env?: Record<string, string>;
  fake?: FakeDiscordOptions;
} = {}): Promise<E2E> => {
  const fake = await startFakeDiscord({ registry, ...fakeOptions });
  const logs: LogLine[] = [];
  const clock = new SimulatedClock();
  const config = testConfig({ DISCORD_API_URL: fake.apiUrl, ...env });
  const app = { ...(await createApp({ config, logger: captureLogger(logs), clock })), clock };
  const bot = await startBot(app, registry, fake.token, TEST_CLIENT_OPTIONS);
  await bot.ready;
  return {
    fake,
    bot,
    app,
    logs,
    async close() {
      await bot.stop();
      await fake.close();
    },
  };
};

/** Log lines at error level or above: an end-to-end run that expects none checks this is empty. */
export const errorsIn = (logs: readonly LogLine[]) => logs.filter((line) => line.level >= 50);

/** Unhandled rejections in this test process, collected so a test can assert there were none. */
export const trackUnhandledRejections = () => {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => void seen.push(reason);
  process.on('unhandledRejection', listener);
  return { seen, stop: () => void process.off('unhandledRejection', listener) };
};
