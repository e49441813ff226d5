import { commands } from '../../commands/index.js';
import { SimulatedClock } from '../../src/clock.js';
import { ConsoleClock, ConsoleSession, type StepResult } from '../../src/console/session.js';
import { createLogger } from '../../src/logger.js';
import { testConfig } from './app.js';

/** A console session on the simulated clock, as `npm run console -- --sim-clock` runs it. */
export const consoleSession = async (env: Record<string, string> = {}) => {
  const session = await ConsoleSession.start(
    testConfig(env),
    createLogger({ level: 'silent' }),
    new ConsoleClock(new SimulatedClock()),
    commands,
  );
  return {
    session,
    /** Runs lines in order and returns each step's result. */
    run: async (...lines: string[]): Promise<StepResult[]> => {
      const results: StepResult[] = [];
      for (const line of lines) results.push(await session.step(line));
      return results;
    },
  };
};
