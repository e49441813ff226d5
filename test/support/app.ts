import { createApp } from '../../src/app/create.js';
import type { AppServices } from '../../src/app/services.js';
import { SimulatedClock } from '../../src/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

/**
 * Config as the tests run it: no .env, memory store, quiet logs, and no
 * cooldowns (a test asking twice in a row means it); cooldown tests set them.
 */
export const testConfig = (env: Record<string, string> = {}): Config =>
  loadConfig(
    {
      STORE_URL: 'memory://',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      COOLDOWN_ASK_SECONDS: '0',
      COOLDOWN_RECAP_SECONDS: '0',
      ...env,
    },
    { dotenv: false },
  );

export const testApp = async (
  env: Record<string, string> = {},
): Promise<AppServices & { clock: SimulatedClock }> => {
  const config = testConfig(env);
  const clock = new SimulatedClock();
  const app = await createApp({ config, logger: createLogger({ level: 'silent' }), clock });
  return { ...app, clock };
};
