import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';

export type { Logger };

const prettyAvailable = () => {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
};

/** The one logger: structured JSON, the token never printed, pretty on a developer's terminal. */
export const createLogger = (options: { level: string; pretty?: boolean }): Logger =>
  pino(
    {
      level: options.level,
      redact: {
        paths: [
          'token',
          '*.token',
          'config.DISCORD_TOKEN',
          'DISCORD_TOKEN',
          'headers.authorization',
          '*.headers.authorization',
        ],
        censor: '[redacted]',
      },
      ...(options.pretty && prettyAvailable()
        ? { transport: { target: 'pino-pretty', options: { colorize: true, destination: 2 } } }
        : {}),
    },
    options.pretty ? undefined : pino.destination(2),
  );
