import { describe, expect, it } from 'vitest';
import { consoleSession } from '../support/console.js';

describe('the console session', () => {
  it('GIVEN input Discord would refuse THEN it reports an error and keeps going', async () => {
    const { run } = await consoleSession();
    const [bad, good] = await run('/nope', '/film');
    expect(bad!.error).toMatch(/unknown command/);
    expect(bad!.replies).toEqual([]);
    expect(good!.replies).toHaveLength(1);
  });

  it.each([':user 12', ':advance soon', ':click nothing', ':teleport', ':user 100000000000000002 admin'])(
    'GIVEN the bad directive "%s" THEN it says how to use it',
    async (line) => {
      const { run } = await consoleSession();
      const [step] = await run(line);
      expect(step!.error).toBeTruthy();
    },
  );

  it('GIVEN :user, :channel, :guild, :advance and :restart THEN they are accepted silently', async () => {
    const { run } = await consoleSession();
    const steps = await run(
      ':user 100000000000000002 member',
      ':channel 200000000000000002',
      ':guild 300000000000000002',
      ':advance 10m',
      ':restart',
      '/film',
    );
    for (const step of steps.slice(0, 5)) expect(step).toMatchObject({ replies: [], posts: [], actions: [] });
    expect(steps[5]!.replies[0]!.embeds[0]!.title).toMatch(/Never Let Me Go/);
  });
});
