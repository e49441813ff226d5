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

/**
 * Where a token could turn up in a log line: the client or REST manager
 * (`token`), the config or environment (`DISCORD_TOKEN`), and a request's
 * `Authorization: Bot …` header, however deep the request sits in an error.
 */
export const REDACT_PATHS = [
  'token',
  '*.token',
  '*.*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'authorization',
  'Authorization',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  '*.*.headers.authorization',
  '*.*.headers.Authorization',
];

/** The one logger: structured JSON, the token never printed, pretty on a developer's terminal. */
export const createLogger = (options: { level: string; pretty?: boolean }): Logger =>
  pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      ...(options.pretty && prettyAvailable()
        ? { transport: { target: 'pino-pretty', options: { colorize: true, destination: 2 } } }
        : {}),
    },
    options.pretty ? undefined : pino.destination(2),
  );
