import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/paths.js';

const run = (script: string, env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('npm run start:sharded', () => {
  it.each(['sqlite://./var/filmclub.sqlite', 'memory://'])(
    'GIVEN STORE_URL=%s WHEN started THEN it refuses at once, in one line, saying shared state must be Redis',
    (url) => {
      const result = run('src/shard.ts', { DISCORD_TOKEN: 'not-used', STORE_URL: url });
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Sharding needs a store every shard shares/);
      expect(lines[0]).toMatch(/STORE_URL=redis:\/\/host:port/);
      expect(result.stderr).not.toContain('not-used');
    },
  );

  it('GIVEN a bad SHARD_COUNT THEN it names the key and exits 1', () => {
    const result = run('src/shard.ts', {
      DISCORD_TOKEN: 'x',
      STORE_URL: 'redis://127.0.0.1:1',
      SHARD_COUNT: 'many',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/SHARD_COUNT must be auto or a whole number/);
  });

  it('GIVEN a shard process (SHARDS set) on SQLite THEN npm start refuses it too', () => {
    const result = run('src/main.ts', {
      DISCORD_TOKEN: 'x',
      STORE_URL: 'sqlite://./var/filmclub.sqlite',
      SHARDS: '0',
      SHARD_COUNT: '2',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Sharding needs a store/)]);
  });
});
