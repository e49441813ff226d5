/**
 * End-to-end latency: slash commands through the fake Discord's gateway, the
 * real discord.js client, the router, and back over REST. Prints interactions
 * per second and p50/p99 from dispatch to the bot's callback.
 *
 *   npm run bench:e2e [-- --command "/ask question:who plays ruth"] [-- --count 1000] [-- --concurrency 1]
 *
 * The fake Discord runs in this process, so its time is counted too.
 */
import { parseArgs } from 'node:util';
import { commands } from '../commands/index.js';
import { createApp } from '../src/app/create.js';
import { SimulatedClock } from '../src/clock.js';
import { testConfig } from '../test/support/app.js';
import { startBot } from '../src/discord/bot.js';
import { createLogger } from '../src/logger.js';
import { TEST_CLIENT_OPTIONS } from '../test/e2e/support/harness.js';
import { startFakeDiscord } from '../test/support/fake-discord/index.js';
import { percentile } from './support/stats.js';

const TARGET_P99_MS = 50;
const { values } = parseArgs({
  options: {
    command: { type: 'string', default: process.env.BENCH_COMMAND ?? '/ask question:who plays ruth' },
    count: { type: 'string', default: process.env.BENCH_COUNT ?? '1000' },
    concurrency: { type: 'string', default: process.env.BENCH_CONCURRENCY ?? '1' },
    warmup: { type: 'string', default: '100' },
  },
});
const count = Number(values.count);
const concurrency = Math.max(1, Number(values.concurrency));

/** The requested command; a name the registry does not have is a mistake, not a reason to bench /film. */
const chooseLine = (requested: string) => {
  const name = /^\/(\S+)/.exec(requested)?.[1];
  if (commands.some((command) => command.data.name === name)) return requested;
  console.error(`/${name} is not a registered command.`);
  process.exit(2);
};

const main = async () => {
  const line = chooseLine(values.command!);
  const fake = await startFakeDiscord({ registry: commands, timeoutMs: 10_000 });
  const config = testConfig({ DISCORD_API_URL: fake.apiUrl, NODE_ENV: 'production' });
  const logger = createLogger({ level: 'error' });
  const app = await createApp({ config, logger, clock: new SimulatedClock() });
  const bot = await startBot(app, commands, fake.token, TEST_CLIENT_OPTIONS);
  await bot.ready;

  const run = async (total: number) => {
    const latencies: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < total) {
        next += 1;
        const pending = fake.command(line);
        await pending.callback();
        latencies.push(pending.latencyMs!);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { latencies, seconds: (performance.now() - started) / 1000 };
  };

  await run(Number(values.warmup));
  const { latencies, seconds } = await run(count);
  const sorted = [...latencies].sort((a, b) => a - b);
  const p99 = percentile(sorted, 99);
  const refused = fake.recorder.calls.filter((call) => call.status >= 400).length;

  console.log(`command:       ${line}`);
  console.log(`interactions:  ${count} (concurrency ${concurrency}, after ${values.warmup} warm-up)`);
  console.log(`throughput:    ${(count / seconds).toFixed(0)} interactions/s`);
  console.log(
    `dispatch → callback: p50 ${percentile(sorted, 50).toFixed(2)} ms, p90 ${percentile(sorted, 90).toFixed(2)} ms, ` +
      `p99 ${p99.toFixed(2)} ms, max ${sorted.at(-1)!.toFixed(2)} ms`,
  );
  console.log(`refused by the fake Discord: ${refused}`);
  // Flat memory: users and members arrive with every interaction and must not pile up in the caches.
  console.log(
    `cached after the run: ${bot.client.users.cache.size} user(s), ${bot.client.guilds.cache.first()?.members.cache.size ?? 0} member(s)`,
  );
  console.log(`p99 under ${TARGET_P99_MS} ms: ${p99 < TARGET_P99_MS ? 'yes' : 'NO'}`);
  if (p99 >= TARGET_P99_MS) process.exitCode = 1;

  await bot.stop();
  await fake.close();
  if (refused > 0) process.exitCode = 1;
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
