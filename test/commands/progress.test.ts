import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_UNAVAILABLE } from '../../src/command/run.js';
import { consoleSession } from '../support/console.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
/** A console on memory://, closed after the test. */
const session = async (env: Record<string, string> = {}) => {
  const console = await consoleSession(env);
  cleanups.push(() => console.session.close());
  return console;
};

describe('/progress', () => {
  it('GIVEN /progress set watched:cottages WHEN the app restarts on a SQLite file THEN /progress show still says The Cottages', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'filmclub-progress-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const { run } = await session({ STORE_URL: `sqlite://${path.join(dir, 'var', 'filmclub.sqlite')}` });
    const [set, restart, show] = await run('/progress set watched:cottages', ':restart', '/progress show');
    expect(set!.replies[0]).toMatchObject({ ephemeral: true });
    expect(set!.replies[0]!.content).toMatch(/Saved: you are at the end of The Cottages/);
    expect(restart!.error).toBeUndefined();
    expect(show!.replies[0]).toMatchObject({ ephemeral: true });
    expect(show!.replies[0]!.content).toMatch(/the end of The Cottages \(about 1:04\), saved <t:\d+:R>/);
  });

  it('GIVEN nothing saved THEN show says how to save, and clear says there was nothing', async () => {
    const { run } = await session();
    const [show, clear] = await run('/progress show', '/progress clear');
    expect(show!.replies[0]!.content).toMatch(/haven't saved.*\/progress set/);
    expect(clear!.replies[0]!.content).toMatch(/nothing saved/);
  });

  it('GIVEN progress WHEN cleared THEN show no longer has it', async () => {
    const { run } = await session();
    const steps = await run('/progress set watched:45m', '/progress clear', '/progress show');
    expect(steps[1]!.replies[0]!.content).toMatch(/Forgotten/);
    expect(steps[0]!.replies[0]!.content).toMatch(/^Saved: you are at/);
    expect(steps[2]!.replies[0]!.content).toMatch(/haven't saved/);
  });

  it('GIVEN two users THEN each sees only their own progress', async () => {
    const { run } = await session();
    const steps = await run(
      '/progress set watched:hailsham',
      ':user 100000000000000002 member',
      '/progress show',
    );
    expect(steps[0]!.replies[0]!.content).toMatch(/^Saved: you are at/);
    expect(steps[2]!.replies[0]!.content).toMatch(/haven't saved/);
  });

  it.each(['banana', '9:99', '500m', '""', '@everyone', '**cottages**x', 'co'])(
    'GIVEN watched:%s THEN a clear private error, and nothing saved',
    async (value) => {
      const { run } = await session();
      const [set, show] = await run(`/progress set watched:${value}`, '/progress show');
      expect(set!.error).toBeUndefined();
      expect(set!.replies[0]!.ephemeral).toBe(true);
      expect(set!.replies[0]!.content).toMatch(/start, end|past the end|could be|how far/);
      expect(show!.replies[0]!.content).toMatch(/haven't saved/);
    },
  );

  it('GIVEN the store is unreachable THEN every subcommand answers privately that storage is down', async () => {
    const { run } = await session({ STORE_URL: 'redis://127.0.0.1:1' });
    const started = Date.now();
    const steps = await run('/progress set watched:cottages', '/progress show', '/progress clear');
    for (const step of steps) {
      expect(step.replies[0]!.ephemeral).toBe(true);
      expect(step.replies[0]!.content).toBe(STORE_UNAVAILABLE);
    }
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('GIVEN watched: being typed THEN chapters are suggested, and a time is read back', async () => {
    const { run } = await session();
    const [chapters, time] = await run(
      ':complete /progress set watched:cott',
      ':complete /progress set watched:1h05m',
    );
    expect(chapters!.choices).toEqual([{ name: 'The Cottages (to about 1:04)', value: 'cottages' }]);
    expect(time!.choices![0]).toEqual({ name: '1h05m: 1:05', value: '1h05m' });
  });
});
