import pino, { type Level, type Logger } from 'pino';

/** One parsed log line: pino's level number, message and whatever fields were logged. */
export type LogLine = { readonly level: number; readonly msg: string } & Record<string, unknown>;

/** A pino logger that writes to an array, for tests that check what was logged. */
export const capturingLogger = (level: Level = 'warn'): { logger: Logger; lines: () => LogLine[] } => {
  const written: string[] = [];
  const logger = pino({ level }, { write: (line: string) => void written.push(line) });
  return { logger, lines: () => written.map((line) => JSON.parse(line) as LogLine) };
};
