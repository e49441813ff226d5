import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord/index.js';
import { startScript } from './support/spawn.js';

const logLines = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg: string; level: number });

describe('npm start against the fake Discord', () => {
  let fake: FakeDiscord;
  beforeEach(async () => {
    fake = await startFakeDiscord();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('GIVEN the bot is connected WHEN it gets SIGTERM THEN it leaves the gateway cleanly and exits 0 within a few seconds', async () => {
    const bot = startScript('src/main.ts', [], {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      STORE_URL: 'memory://',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
    });
    try {
      await fake.gateway.waitForCount('readies', 0, 15_000);
      await expect
        .poll(() => logLines(bot.output.stderr).map((line) => line.msg), { timeout: 5000 })
        .toContain('connected to Discord');
      const signalled = performance.now();
      bot.child.kill('SIGTERM');
      const { code, signal, stderr } = await bot.finished;
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(performance.now() - signalled).toBeLessThan(5000);
      expect(fake.gateway.closeCodes).toEqual([1000]);
      const messages = logLines(stderr).map((line) => line.msg);
      expect(messages).toEqual(
        expect.arrayContaining(['shutting down: finishing interactions in flight', 'stopped']),
      );
      expect(logLines(stderr).filter((line) => line.level >= 50)).toEqual([]);
      expect(stderr).not.toContain(fake.token);
      expect(fake.bugs).toEqual([]);
    } finally {
      bot.child.kill('SIGKILL');
    }
  });

  it('GIVEN a token Discord refuses THEN npm start says it could not start and exits 1', async () => {
    const bot = startScript('src/main.ts', [], {
      DISCORD_TOKEN: 'not-the-token',
      DISCORD_API_URL: fake.apiUrl,
      STORE_URL: 'memory://',
      NODE_ENV: 'production',
    });
    const { code, stderr } = await bot.finished;
    expect(code).toBe(1);
    expect(stderr).toMatch(/Could not start: An invalid token was provided/);
    expect(stderr).not.toContain('not-the-token');
  });
});
