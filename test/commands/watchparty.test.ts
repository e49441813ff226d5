import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StepResult } from '../../src/console/session.js';
import { consoleSession } from '../support/console.js';

const titles = (steps: StepResult[]) =>
  steps.flatMap((step) => step.posts.map((post) => post.embeds[0]?.title ?? post.content.split('\n')[0]));

const CHECKPOINTS = [
  'Pause: the sale and the tape',
  'End of Hailsham School, 1978',
  'Pause: the trip to town',
  'End of The Cottages, 1985',
  'Pause: the beach',
  'Pause: Ruth',
  'The end',
];

const dirs: string[] = [];
const sqliteEnv = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'watchparty-'));
  dirs.push(dir);
  return { STORE_URL: `sqlite://${path.join(dir, 'store.sqlite')}` };
};
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('/watchparty in the console', () => {
  it('GIVEN `/watchparty start starts:now` WHEN `:advance 110m` THEN every checkpoint is posted once', async () => {
    const { run, session } = await consoleSession();
    const [start, advance] = await run('/watchparty start starts:now', ':advance 110m');
    expect(start!.replies[0]!.content).toMatch(/Press play now/);
    expect(start!.replies[0]!.content).toMatch(/<t:\d+:F> \(<t:\d+:R>\)/);
    expect(titles([advance!])).toEqual(CHECKPOINTS);
    expect(advance!.posts.every((post) => post.channelId === '200000000000000001')).toBe(true);
    const [later] = await run(':advance 3h');
    expect(later!.posts).toEqual([]);
    await session.close();
  });

  it('GIVEN the same with `:restart` between two advances THEN the same set is posted', async () => {
    const { run, session } = await consoleSession(await sqliteEnv());
    const steps = await run('/watchparty start starts:now', ':advance 50m', ':restart', ':advance 60m');
    expect(steps[2]!.posts).toEqual([]);
    expect(titles(steps)).toEqual(CHECKPOINTS);
    await session.close();
  });

  it('GIVEN `pause` WHEN `:advance 30m` THEN nothing is posted', async () => {
    const { run, session } = await consoleSession();
    const steps = await run(
      '/watchparty start starts:now',
      ':advance 10m',
      '/watchparty pause',
      ':advance 30m',
      '/watchparty status',
    );
    expect(steps[2]!.replies[0]!.content).toMatch(/Paused at 0:10/);
    expect(steps[3]!.posts).toEqual([]);
    expect(steps[4]!.replies[0]!.content).toMatch(/is at \*\*0:10\*\*.*paused/);
    await session.close();
  });

  it('GIVEN a scheduled party THEN the reply shows the time both ways with a "Remind me" button, and the start post mentions who pressed it', async () => {
    const { run, session } = await consoleSession();
    const [scheduled] = await run('/watchparty start starts:in 30m');
    const reply = scheduled!.replies[0]!;
    expect(reply.content).toMatch(/Starts <t:(\d+):F> \(<t:\1:R>\)/);
    const remind = reply.components[0]!.components[0]!;
    expect(remind.label).toBe('Remind me');
    const steps = await run(':user 100000000000000002 member', `:click ${remind.custom_id}`, ':advance 30m');
    expect(steps[1]!.replies[0]).toMatchObject({ ephemeral: true });
    expect(steps[1]!.replies[0]!.content).toMatch(/on the list/);
    const [reminder, pressPlay] = steps[2]!.posts;
    expect(reminder!.content).toMatch(/in 10 minutes/);
    expect(pressPlay!.content).toMatch(/Press play now/);
    expect(pressPlay!.content).toContain('<@100000000000000002>');
    await session.close();
  });

  it('GIVEN a checkpoint post THEN "Catch me up" and "Where are we?" answer privately, with nothing past the party', async () => {
    const { run, session } = await consoleSession();
    const [, advance] = await run('/watchparty start starts:now', ':advance 40m');
    const [catchUp, where] = advance!.posts.at(-1)!.components[0]!.components;
    const [caught, whereReply] = await run(`:click ${catchUp!.custom_id}`, `:click ${where!.custom_id}`);
    expect(caught!.replies[0]!.ephemeral).toBe(true);
    expect(caught!.replies[0]!.content).toMatch(/story so far/i);
    expect(caught!.replies[0]!.content).toMatch(/up to 0:40/);
    expect(caught!.replies[0]!.content).not.toMatch(/travel agency|Madame's address/i);
    expect(whereReply!.replies[0]!.ephemeral).toBe(true);
    expect(whereReply!.replies[0]!.content).toMatch(/is at \*\*0:40\*\*/);
    expect(whereReply!.replies[0]!.content).not.toMatch(/Pause: the trip to town/);
    await session.close();
  });

  it('GIVEN a member who did not start the party THEN controls are refused ephemerally', async () => {
    const { run, session } = await consoleSession();
    const steps = await run(
      '/watchparty start starts:now',
      ':user 100000000000000002 member',
      '/watchparty stop',
    );
    expect(steps[2]!.replies[0]!.ephemeral).toBe(true);
    expect(steps[2]!.replies[0]!.content).toMatch(/Only the person who started/);
    await session.close();
  });

  it('GIVEN `/watchparty timezone` THEN zones autocomplete and the chosen one is read for start times', async () => {
    const { run, session } = await consoleSession();
    const [complete, set, start] = await run(
      ':complete /watchparty timezone zone:new_y',
      '/watchparty timezone zone:America/New_York',
      '/watchparty start starts:2026-01-02 20:00',
    );
    expect(complete!.choices!.map((choice) => choice.value)).toContain('America/New_York');
    expect(set!.replies[0]!.content).toMatch(/America\/New\\_York.*UTC-5/);
    // 20:00 EST on 2 January 2026 is 01:00 UTC on the 3rd.
    expect(start!.replies[0]!.content).toContain(`<t:${Date.UTC(2026, 0, 3, 1) / 1000}:F>`);
    await session.close();
  });

  it('GIVEN `sync` forward THEN the reply notes the passed checkpoints once instead of posting them', async () => {
    const { run, session } = await consoleSession();
    const steps = await run('/watchparty start starts:now', '/watchparty sync position:1:00', ':advance 10m');
    expect(steps[1]!.posts).toEqual([]);
    expect(steps[1]!.replies[0]!.content).toMatch(/passed 3 checkpoints/);
    expect(titles([steps[2]!])).toEqual(['End of The Cottages, 1985']);
    await session.close();
  });
});

describe('/watchparty start in another channel', () => {
  it('GIVEN a member without Manage Events WHEN they start a party in another channel THEN a private refusal and no party', async () => {
    const { run } = await consoleSession();
    const [, refused] = await run(
      ':user 100000000000000009 member',
      '/watchparty start starts:now channel:200000000000000077',
    );
    expect(refused!.replies[0]!.ephemeral).toBe(true);
    expect(refused!.replies[0]!.content).toMatch(/Manage Events/);
    expect(refused!.posts).toEqual([]);
  });
});
