import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { REDACT_PATHS } from '../src/logger.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.not-a-real-token-but-shaped-like-one';

/** A logger with the app's redaction, writing to an array. */
const capture = () => {
  const lines: string[] = [];
  const logger = pino(
    { level: 'debug', redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
    { write: (line: string) => void lines.push(line) },
  );
  return { logger, lines };
};

describe('the logger', () => {
  it.each([
    ['a token field', { token: TOKEN }],
    ['a client or REST manager', { client: { token: TOKEN } }],
    ['the REST options under a client', { client: { rest: { token: TOKEN } } }],
    ['the config', { config: { DISCORD_TOKEN: TOKEN } }],
    ['the environment', { env: { DISCORD_TOKEN: TOKEN } }],
    ['an Authorization header', { headers: { Authorization: `Bot ${TOKEN}` } }],
    ['a lower-case authorization header', { headers: { authorization: `Bot ${TOKEN}` } }],
    ['a request in a log line', { request: { headers: { Authorization: `Bot ${TOKEN}` } } }],
    ['a request inside an error', { err: { request: { headers: { authorization: `Bot ${TOKEN}` } } } }],
  ])('GIVEN %s in a log line THEN the token is never written', (_what, fields) => {
    const { logger, lines } = capture();
    logger.warn(fields, 'something happened');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(TOKEN);
    expect(lines[0]).toContain('[redacted]');
  });
});
