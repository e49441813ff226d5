import { SimulatedClock } from '../../../src/clock.js';
import type { Command } from '../../../src/command/command.js';
import { ConsoleClock, ConsoleSession, type ConsoleMessage } from '../../../src/console/session.js';
import { createLogger } from '../../../src/logger.js';
import { testConfig } from '../../support/app.js';

/** A console session over any registry, for comparing the probe commands with what Discord shows. */
export const consoleFor = async (registry: readonly Command[]) => {
  const session = await ConsoleSession.start(
    testConfig(),
    createLogger({ level: 'silent' }),
    new ConsoleClock(new SimulatedClock()),
    registry,
  );
  return {
    session,
    step: (line: string) => session.step(line),
  };
};

/** A console message in the shape the fake Discord reports what a user sees. */
export const asSent = (message: ConsoleMessage) => ({
  content: message.content,
  embeds: message.embeds,
  components: message.components,
  ephemeral: message.ephemeral,
});
