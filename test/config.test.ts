import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('GIVEN nothing set THEN defaults apply and no token is required to load', () => {
    const config = loadConfig({}, { dotenv: false });
    expect(config.STORE_URL).toBe('sqlite://./var/filmclub.sqlite');
    expect(config.DISCORD_API_URL).toBe('https://discord.com/api');
    expect(config.DEFAULT_FILM).toBe('never-let-me-go');
    expect(config.DISCORD_TOKEN).toBeUndefined();
  });

  it('GIVEN blank values copied from .env.example THEN they count as unset', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', LOG_LEVEL: '' }, { dotenv: false }).LOG_LEVEL).toBe('info');
  });

  it('GIVEN bad values THEN one error names every bad key', () => {
    expect(() =>
      loadConfig({ DISCORD_API_URL: 'not a url', LOG_LEVEL: 'loud', DEV_GUILD_ID: 'abc' }, { dotenv: false }),
    ).toThrow(ConfigError);
    try {
      loadConfig({ DISCORD_API_URL: 'not a url', LOG_LEVEL: 'loud' }, { dotenv: false });
    } catch (error) {
      expect((error as Error).message).toMatch(/DISCORD_API_URL/);
      expect((error as Error).message).toMatch(/LOG_LEVEL/);
      expect((error as Error).message).toMatch(/\.env\.example/);
    }
  });
});
