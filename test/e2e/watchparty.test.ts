import { GuildScheduledEventEntityType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleSession } from '../support/console.js';
import { IDS, visible } from '../support/fake-discord/index.js';
import { parseDuration } from '../../src/time/duration.js';
import { errorsIn, startE2E, trackUnhandledRejections, type E2E } from './support/harness.js';
import { asSent } from './support/offline.js';

describe('a watch party on Discord, on the simulated clock', () => {
  let e2e: E2E;
  let offline: Awaited<ReturnType<typeof consoleSession>>;
  const unhandled = trackUnhandledRejections();
  beforeAll(async () => {
    e2e = await startE2E();
    offline = await consoleSession();
  });
  afterAll(async () => {
    await offline?.session.close();
    await e2e?.close();
    unhandled.stop();
  });

  /** Party posts are the channel messages the bot sent with a nonce (interaction replies have none). */
  const partyPosts = () =>
    e2e.fake.state
      .channelMessages(IDS.general)
      .filter((message) => message.nonce !== undefined)
      .map((message) => ({ channelId: message.channel_id, ...visible(message) }));

  /** Moves the bot's clock as the console's :advance moves its own, and runs what fell due. */
  const advance = async (duration: string) => {
    const [step] = await offline.run(`:advance ${duration}`);
    e2e.app.clock.advance(parseDuration(duration)! * 1000);
    await e2e.app.watchParties.runDue();
    return step!;
  };

  it("GIVEN /watchparty start THEN the reply is the console's AND a server event is created over REST", async () => {
    const [started] = await offline.run('/watchparty start');
    expect(await e2e.fake.command('/watchparty start').answer()).toEqual(started!.replies.map(asSent));
    const [event] = [...e2e.fake.state.scheduledEvents.values()];
    expect(event).toMatchObject({
      name: 'Watch party: Never Let Me Go',
      entity_type: GuildScheduledEventEntityType.External,
      entity_metadata: { location: `https://discord.com/channels/${IDS.guild}/${IDS.general}` },
    });
  });

  it('GIVEN the clock reaches checkpoints THEN each prompt is posted through REST exactly as the console shows it', async () => {
    const expected = [];
    for (const duration of ['1m', '30m', '30m']) {
      const step = await advance(duration);
      expected.push(...step.posts.map((post) => ({ channelId: post.channelId, ...asSent(post) })));
    }
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(partyPosts()).toEqual(expected);
    const calls = e2e.fake.recorder.find({ method: 'POST', path: `/channels/${IDS.general}/messages` });
    for (const call of calls)
      expect(call.body).toMatchObject({ enforce_nonce: true, allowed_mentions: { parse: [] } });
  });

  it('GIVEN a checkpoint prompt WHEN someone presses its button THEN the answer is what :click shows', async () => {
    const ids = partyPosts()
      .at(-1)!
      .components.flatMap((row) =>
        'components' in row ? row.components.flatMap((c) => ('custom_id' in c ? [c.custom_id] : [])) : [],
      );
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const [clicked] = await offline.run(`:click ${id}`);
      expect(await e2e.fake.click(id).answer()).toEqual(clicked!.replies.map(asSent));
    }
  });

  it('GIVEN Discord answers 403 Missing Permissions to a checkpoint post THEN the party pauses AND its organiser is told by DM', async () => {
    const postsBefore = partyPosts().length;
    e2e.fake.faults.inject(
      { method: 'POST', path: `/channels/${IDS.general}/messages` },
      { kind: 'missing-permissions' },
      10,
    );
    e2e.app.clock.advance(30 * 60 * 1000);
    await e2e.app.watchParties.runDue();
    e2e.fake.faults.clear();

    expect(partyPosts()).toHaveLength(postsBefore);
    const refused = e2e.fake.recorder.calls.filter((call) => call.fault === 'missing-permissions');
    expect(refused).toHaveLength(1);
    expect(e2e.logs.map((line) => line.msg)).toContain('watch party paused: cannot post in its channel');
    const [told] = e2e.fake.state.directMessagesTo(IDS.organiser);
    expect(told?.content).toMatch(/paused/i);
    const [status] = await e2e.fake.command('/watchparty status').answer();
    expect(status!.content).toMatch(/paused/i);

    // Paused means quiet: later checkpoints are not attempted again and again.
    const attempts = e2e.fake.recorder.find({
      method: 'POST',
      path: `/channels/${IDS.general}/messages`,
    }).length;
    e2e.app.clock.advance(30 * 60 * 1000);
    await e2e.app.watchParties.runDue();
    expect(
      e2e.fake.recorder.find({ method: 'POST', path: `/channels/${IDS.general}/messages` }),
    ).toHaveLength(attempts);
  });

  it('GIVEN everything above THEN nothing was logged as an error and nothing went unhandled', () => {
    expect(errorsIn(e2e.logs)).toEqual([]);
    expect(unhandled.seen).toEqual([]);
    expect(e2e.fake.bugs).toEqual([]);
  });
});
