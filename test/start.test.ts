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

describe('npm start', () => {
  it('GIVEN no DISCORD_TOKEN THEN it exits non-zero at once with one clear line', () => {
    const result = run('src/main.ts', { DISCORD_TOKEN: '' });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/DISCORD_TOKEN is not set/);
    expect(lines[0]).toMatch(/\.env\.example/);
    expect(lines[0]).toMatch(/npm run console/);
  });

  it('GIVEN a bad setting THEN it names the key and exits non-zero', () => {
    const result = run('src/main.ts', { DISCORD_TOKEN: 'x', LOG_LEVEL: 'loud' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/LOG_LEVEL/);
  });
});

describe('npm run console', () => {
  it('GIVEN /film on stdin with --json THEN it prints one JSON object with the film card', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/console/main.ts', '--json', '--store', 'memory://'],
      {
        cwd: repoRoot,
        input: '/film\n',
        encoding: 'utf8',
        timeout: 30_000,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent' },
      },
    );
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const step = JSON.parse(lines[0]!);
    expect(step.input).toBe('/film');
    expect(step.replies[0].embeds[0].title).toBe('Never Let Me Go (2010)');
    expect(step).toMatchObject({ posts: [], actions: [] });
  });
});
