import { afterEach, describe, expect, it } from 'vitest';
import { consoleSession } from '../support/console.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
const session = async (env: Record<string, string> = {}) => {
  const console = await consoleSession(env);
  cleanups.push(() => console.session.close());
  return console;
};
const reply = (step: { replies: { content: string; ephemeral: boolean }[] } | undefined) => step!.replies[0]!;
const SLOW = /^Slow down a little: try \/(ask|recap) again in (\d+) s\.$/;

describe('cooldowns in the command runner', () => {
  it('GIVEN COOLDOWN_ASK_SECONDS=3 WHEN a user asks twice at once THEN the second is refused privately, naming the wait', async () => {
    const { run } = await session({ COOLDOWN_ASK_SECONDS: '3' });
    const [first, second] = await run('/ask question:who plays ruth', '/ask question:who plays tommy');
    expect(reply(first).content).not.toMatch(SLOW);
    expect(reply(second)).toEqual(
      expect.objectContaining({ ephemeral: true, content: 'Slow down a little: try /ask again in 3 s.' }),
    );
  });

  it('GIVEN a refused /ask WHEN the simulated clock moves past the cooldown THEN the next one is answered', async () => {
    const { run } = await session({ COOLDOWN_ASK_SECONDS: '3' });
    const [, , , waited, , answered] = await run(
      '/ask question:who plays ruth',
      '/ask question:who plays ruth',
      ':advance 2s',
      '/ask question:who plays ruth',
      ':advance 1s',
      '/ask question:who plays ruth',
    );
    expect(reply(waited).content).toBe('Slow down a little: try /ask again in 1 s.');
    expect(reply(answered).content).not.toMatch(SLOW);
  });

  it('GIVEN COOLDOWN_RECAP_SECONDS=10 THEN /recap waits 10 s per user, and another user is not held up', async () => {
    const { run } = await session({ COOLDOWN_RECAP_SECONDS: '10' });
    const [, again, , other] = await run(
      '/recap until:45m',
      '/recap until:45m',
      ':user 100000000000000009 member',
      '/recap until:45m',
    );
    expect(reply(again)).toEqual(
      expect.objectContaining({ ephemeral: true, content: 'Slow down a little: try /recap again in 10 s.' }),
    );
    expect(reply(other).content).not.toMatch(SLOW);
  });

  it('GIVEN a use that fails (no until: and no progress) THEN it does not count against the user', async () => {
    const { run } = await session({ COOLDOWN_RECAP_SECONDS: '10' });
    const [failed, retried] = await run('/recap', '/recap until:45m');
    expect(reply(failed).content).toMatch(/^Recap up to where\?/);
    expect(reply(retried).content).not.toMatch(SLOW);
  });

  it('GIVEN a cooldown of 0 THEN it is off', async () => {
    const { run } = await session({ COOLDOWN_ASK_SECONDS: '0' });
    const steps = await run(...Array.from({ length: 3 }, () => '/ask question:who plays ruth'));
    for (const step of steps) expect(reply(step).content).not.toMatch(SLOW);
  });

  it('GIVEN the default settings THEN /ask waits 3 s and /recap 10 s, and commands without a cooldown never wait', async () => {
    const { run } = await session({ COOLDOWN_ASK_SECONDS: '', COOLDOWN_RECAP_SECONDS: '' });
    const steps = await run(
      '/ask question:who plays ruth',
      '/ask question:who plays ruth',
      '/recap until:45m',
      '/recap until:45m',
      '/film',
      '/film',
    );
    expect(steps.map((step) => SLOW.exec(reply(step).content)?.slice(1))).toEqual([
      undefined,
      ['ask', '3'],
      undefined,
      ['recap', '10'],
      undefined,
      undefined,
    ]);
  });
});
