import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { commands } from '../../commands/index.js';
import { SimulatedClock, systemClock } from '../clock.js';
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { printStep } from './print.js';
import { ConsoleClock, ConsoleSession } from './session.js';

const USAGE = `Usage: npm run console -- [--json] [--store URL] [--sim-clock]
Type commands as in Discord, one per line: /film, /help, ...
Directives: :user ID [organiser|member], :channel ID, :guild ID, :advance 10m, :restart, :click CUSTOM_ID, :complete /command option:partial`;

const main = async () => {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      store: { type: 'string' },
      'sim-clock': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const env: NodeJS.ProcessEnv = { ...process.env, ...(values.store ? { STORE_URL: values.store } : {}) };
  // The console is for reading replies: quieter than the bot unless LOG_LEVEL says otherwise.
  if (!env.LOG_LEVEL) env.LOG_LEVEL = 'warn';
  const config = loadConfig(env);
  // Logs go to stderr so --json output stays one clean object per line.
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: !values.json });
  const clock = new ConsoleClock(values['sim-clock'] ? new SimulatedClock() : systemClock);
  const session = await ConsoleSession.start(config, logger, clock, commands);
  const interactive = process.stdin.isTTY && !values.json;
  if (interactive) console.log(`${USAGE}\n`);
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const step = await session.step(line);
    console.log(values.json ? JSON.stringify(step) : `→ ${line}\n${printStep(step)}\n`);
  }
  await session.close();
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
