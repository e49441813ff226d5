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
      loadConfig(
        { DISCORD_API_URL: 'not a url', LOG_LEVEL: 'loud', DISCORD_CLIENT_ID: 'abc' },
        { dotenv: false },
      ),
    ).toThrow(ConfigError);
    const load = () => loadConfig({ DISCORD_API_URL: 'not a url', LOG_LEVEL: 'loud' }, { dotenv: false });
    expect(load).toThrow(/DISCORD_API_URL/);
    expect(load).toThrow(/LOG_LEVEL/);
    expect(load).toThrow(/\.env\.example/);
  });
});

describe('loadConfig: cooldowns and shards', () => {
  it('GIVEN nothing set THEN /ask cools down 3 s, /recap 10 s, and SHARD_COUNT is auto', () => {
    const config = loadConfig({}, { dotenv: false });
    expect(config).toMatchObject({
      COOLDOWN_ASK_SECONDS: 3,
      COOLDOWN_RECAP_SECONDS: 10,
      SHARD_COUNT: 'auto',
    });
    expect(config.SHARDS).toBeUndefined();
  });

  it('GIVEN numbers as the environment gives them (strings) THEN they are read as numbers; 0 turns a cooldown off', () => {
    const config = loadConfig(
      { COOLDOWN_ASK_SECONDS: '0', COOLDOWN_RECAP_SECONDS: '30', SHARD_COUNT: '4', SHARDS: '2' },
      { dotenv: false },
    );
    expect(config).toMatchObject({
      COOLDOWN_ASK_SECONDS: 0,
      COOLDOWN_RECAP_SECONDS: 30,
      SHARD_COUNT: 4,
      SHARDS: 2,
    });
  });

  it.each([
    ['COOLDOWN_ASK_SECONDS', '-1'],
    ['COOLDOWN_ASK_SECONDS', '1.5'],
    ['COOLDOWN_RECAP_SECONDS', 'ten'],
    ['SHARD_COUNT', '0'],
    ['SHARD_COUNT', 'lots'],
    ['SHARDS', '0,1'],
  ])('GIVEN %s=%s THEN the error names the key', (key, value) => {
    expect(() => loadConfig({ [key]: value }, { dotenv: false })).toThrow(new RegExp(key));
  });
});
