import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { nonceFor } from '../../src/party/outbox.js';
import { startReply, syncReply } from '../../src/party/replies.js';
import { stopsOf } from '../../src/party/stops.js';
import { renderReply } from '../../src/reply/render.js';
import {
  actor,
  ADMIN,
  CHANNEL,
  GUILD,
  HOUR,
  MEMBER,
  MINUTE,
  ORGANISER,
  OTHER_CHANNEL,
  partyHarness,
  postNames,
  ROLE,
  type PartyHarness,
} from '../support/party.js';

const stopIds = (h: PartyHarness) => stopsOf(h.films.default).map((stop) => stop.id);
const organiser = actor(ORGANISER);

const permutations = <T>(items: readonly T[]): T[][] =>
  items.length <= 1
    ? [[...items]]
    : items.flatMap((item, i) =>
        permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
      );

type Op = 'pause' | 'resume' | 'sync-forward' | 'sync-back';

const apply = async (h: PartyHarness, op: Op) => {
  try {
    if (op === 'pause') await h.service.pause(organiser);
    else if (op === 'resume') await h.service.resume(organiser);
    else if (op === 'sync-forward') await h.service.sync(organiser, 70 * 60);
    else await h.service.sync(organiser, 10 * 60);
  } catch (error) {
    // Resuming a party that isn't paused, or pausing one that is, is refused politely.
    if (!(error instanceof UserError)) throw error;
  }
};

describe('pause, resume and sync', () => {
  it.each(permutations<Op>(['pause', 'resume', 'sync-forward', 'sync-back']))(
    'GIVEN %s, %s, %s, %s with time passing between THEN no checkpoint is posted twice, none while paused, and the film still ends once',
    async (...ops) => {
      const h = await partyHarness();
      const id = (await h.service.start({ actor: organiser, channelId: CHANNEL, event: false })).view.record
        .id;
      await h.advance(20 * MINUTE);
      for (const op of ops) {
        await apply(h, op);
        const before = h.outbox.posts.length;
        const paused = (await h.service.status(organiser)).paused;
        await h.advance(12 * MINUTE);
        if (paused) expect(h.outbox.posts.length).toBe(before);
      }
      if ((await h.service.status(organiser)).paused) await h.service.resume(organiser);
      await h.advance(4 * HOUR);
      const names = postNames(h.outbox, id, stopIds(h));
      expect(new Set(names).size).toBe(names.length);
      expect(names.at(-1)).toBe('finale');
      expect(h.service.size).toBe(0);
    },
  );

  it('GIVEN a pause THEN the clock stops: 30 minutes later nothing is posted and the position is unchanged', async () => {
    const h = await partyHarness();
    await h.service.start({ actor: organiser, channelId: CHANNEL, event: false });
    await h.advance(20 * MINUTE);
    const paused = await h.service.pause(organiser);
    await h.advance(30 * MINUTE);
    expect(h.outbox.posts).toHaveLength(0);
    expect((await h.service.status(organiser)).positionMs).toBe(paused.positionMs);
    expect(await h.service.positionInChannel(CHANNEL)).toEqual({ seconds: 20 * 60 });
    await h.service.resume(organiser);
    await h.advance(10 * MINUTE);
    expect(h.outbox.posts).toHaveLength(1); // 0:29 reached 9 minutes after resuming
  });

  it('GIVEN a forward sync past two checkpoints THEN they are named once in the reply, not posted', async () => {
    const h = await partyHarness();
    const id = (await h.service.start({ actor: organiser, channelId: CHANNEL, event: false })).view.record.id;
    await h.advance(10 * MINUTE);
    const synced = await h.service.sync(organiser, 40 * 60);
    expect(synced.skipped.map((stop) => stop.id)).toEqual(stopIds(h).slice(0, 2));
    expect(synced.backward).toBe(false);
    await h.advance(20 * MINUTE);
    expect(postNames(h.outbox, id, stopIds(h))).toEqual([stopIds(h)[2]]);
  });

  it('GIVEN a backward sync THEN checkpoints already posted are not posted again', async () => {
    const h = await partyHarness();
    const id = (await h.service.start({ actor: organiser, channelId: CHANNEL, event: false })).view.record.id;
    await h.advance(40 * MINUTE);
    const synced = await h.service.sync(organiser, 5 * 60);
    expect(synced.backward).toBe(true);
    await h.advance(3 * HOUR);
    expect(postNames(h.outbox, id, stopIds(h))).toEqual(stopIds(h));
  });

  it('GIVEN a sync to the end THEN the closing post comes once and the party ends', async () => {
    const h = await partyHarness();
    const id = (await h.service.start({ actor: organiser, channelId: CHANNEL, event: false })).view.record.id;
    await h.advance(5 * MINUTE);
    await h.service.sync(organiser, 103 * 60);
    expect(postNames(h.outbox, id, stopIds(h))).toEqual(['finale']);
    expect(h.service.size).toBe(0);
  });

  it('GIVEN a party that has not started THEN pause is refused, and a sync starts it where the club is', async () => {
    const h = await partyHarness();
    const id = (await h.service.start({ actor: organiser, channelId: CHANNEL, when: 'in 1h', event: false }))
      .view.record.id;
    await expect(h.service.pause(organiser)).rejects.toThrow(/hasn't started/);
    await h.service.sync(organiser, 25 * 60);
    await h.advance(5 * MINUTE);
    expect(postNames(h.outbox, id, stopIds(h))).toEqual(['start', stopIds(h)[0]]);
    await h.advance(2 * HOUR);
    expect(postNames(h.outbox, id, stopIds(h)).filter((name) => name === 'start')).toHaveLength(1);
  });
});

describe('the start announcement', () => {
  const manager = actor(ORGANISER, CHANNEL, true);

  it('GIVEN people waiting for the start WHEN the organiser syncs early THEN the start post goes out as a new message, pinging exactly them, at where the club is', async () => {
    const h = await partyHarness();
    const started = await h.service.start({
      actor: manager,
      channelId: CHANNEL,
      when: 'in 1h',
      roleId: ROLE,
      event: false,
    });
    const id = started.view.record.id;
    await h.service.toggleReminder(id, MEMBER, GUILD);
    const synced = await h.service.sync(manager, 5 * 60);
    expect(synced.startedEarly).toBe(true);
    const reply = renderReply(syncReply(synced));
    expect(reply.content).toMatch(/Started at 0:05/);
    // Mentions in an edited reply notify nobody, so the reply names no one and pings no one.
    expect(reply.allowedMentions).toEqual({ parse: [] });
    await h.advance(MINUTE);
    const [post, ...more] = h.outbox.postsIn(CHANNEL);
    expect(more).toEqual([]);
    expect(post!.nonce).toBe(nonceFor(id, 'start'));
    expect(post!.text).toMatch(/join at 0:05/);
    const rendered = renderReply(post!.reply);
    expect(rendered.content).toContain(`<@${MEMBER}>`);
    expect(rendered.content).toContain(`<@&${ROLE}>`);
    expect(rendered.allowedMentions).toEqual({ parse: [], users: [MEMBER], roles: [ROLE] });
  });

  it('GIVEN a party started now in another channel, or with a role to ping THEN the press-play post goes to the party channel, not the reply', async () => {
    for (const [channelId, roleId] of [
      [OTHER_CHANNEL, undefined],
      [CHANNEL, ROLE],
    ] as const) {
      const h = await partyHarness();
      const started = await h.service.start({
        actor: manager,
        channelId,
        when: 'now',
        event: false,
        ...(roleId ? { roleId } : {}),
      });
      expect(started.replyIsPost).toBe(false);
      expect(renderReply(startReply(started)).content).not.toMatch(/Press play now/);
      const posts = h.outbox.postsIn(channelId);
      expect(posts.map((post) => post.nonce)).toEqual([nonceFor(started.view.record.id, 'start')]);
      expect(posts[0]!.text).toMatch(/Press play now/);
    }
  });

  it('GIVEN a party started now in this channel with no one to ping THEN the reply is the press-play post and nothing more is posted', async () => {
    const h = await partyHarness();
    const started = await h.service.start({ actor: manager, channelId: CHANNEL, when: 'now', event: false });
    expect(started.replyIsPost).toBe(true);
    expect(renderReply(startReply(started)).content).toMatch(/Press play now/);
    await h.advance(MINUTE);
    expect(h.outbox.postsIn(CHANNEL)).toEqual([]);
  });
});

describe('who may control a party', () => {
  it('GIVEN a member who did not start it THEN every control is refused, clearly', async () => {
    const h = await partyHarness();
    await h.service.start({ actor: organiser, channelId: CHANNEL, event: false });
    for (const attempt of [
      () => h.service.pause(actor(MEMBER)),
      () => h.service.resume(actor(MEMBER)),
      () => h.service.sync(actor(MEMBER), 60),
      () => h.service.stop(actor(MEMBER)),
    ])
      await expect(attempt()).rejects.toThrow(
        /Only the person who started this watch party, or members with Manage Events/,
      );
    expect((await h.service.status(actor(MEMBER))).record.organiserId).toBe(ORGANISER);
  });

  it('GIVEN someone with Manage Events THEN they may control a party someone else started', async () => {
    const h = await partyHarness();
    await h.service.start({ actor: organiser, channelId: CHANNEL, event: false });
    await h.advance(MINUTE);
    await h.service.pause(actor(ADMIN, CHANNEL, true));
    await h.service.stop(actor(ADMIN, CHANNEL, true));
    expect(h.service.size).toBe(0);
  });

  it('GIVEN a party in another channel THEN controls from elsewhere in the server find it, unless there are several', async () => {
    const h = await partyHarness();
    const elsewhere = '200000000000000009';
    await h.service.start({ actor: organiser, channelId: elsewhere, event: false });
    await h.advance(MINUTE);
    expect((await h.service.pause(organiser)).record.channelId).toBe(elsewhere);
    await h.service.start({ actor: organiser, channelId: CHANNEL, event: false });
    await expect(h.service.status(actor(ORGANISER, '200000000000000008'))).rejects.toThrow(/2 watch parties/);
  });

  it('GIVEN a party already in a channel THEN a second one there is refused', async () => {
    const h = await partyHarness();
    await h.service.start({ actor: organiser, channelId: CHANNEL, event: false });
    await expect(h.service.start({ actor: organiser, channelId: CHANNEL, event: false })).rejects.toThrow(
      /already a watch party/,
    );
  });

  it('GIVEN a role ping THEN it needs Manage Events, and never means @everyone', async () => {
    const h = await partyHarness();
    await expect(
      h.service.start({ actor: organiser, channelId: CHANNEL, roleId: ROLE, event: false }),
    ).rejects.toThrow(/Manage Events/);
    await expect(
      h.service.start({
        actor: actor(ADMIN, CHANNEL, true),
        channelId: CHANNEL,
        roleId: GUILD,
        event: false,
      }),
    ).rejects.toThrow(/@everyone/);
  });
});

describe('reminders', () => {
  it('GIVEN people pressed "Remind me" THEN the start post mentions exactly them and the role, and allows only those pings', async () => {
    const h = await partyHarness();
    const { view } = await h.service.start({
      actor: actor(ADMIN, CHANNEL, true),
      channelId: CHANNEL,
      when: 'in 1h',
      roleId: ROLE,
      event: false,
    });
    const id = view.record.id;
    expect(await h.service.toggleReminder(id, MEMBER, GUILD)).toBe('added');
    expect(await h.service.toggleReminder(id, ORGANISER, GUILD)).toBe('added');
    expect(await h.service.toggleReminder(id, ORGANISER, GUILD)).toBe('removed');
    expect(await h.service.toggleReminder('200000000000000001-zzzz', MEMBER, GUILD)).toBe('gone');
    await h.restart();
    await h.advance(HOUR);
    const [reminder, start] = h.outbox.posts;
    expect(reminder!.reply.mentions).toBeUndefined();
    expect(start!.reply.mentions).toEqual({ users: [MEMBER], roles: [ROLE] });
    expect(start!.text).toContain(`<@${MEMBER}>`);
    expect(start!.text).toContain(`<@&${ROLE}>`);
    expect(await h.service.toggleReminder(id, ORGANISER, GUILD)).toBe('started');
  });
});

describe('the server timezone', () => {
  it('GIVEN a party scheduled for "tomorrow 8pm" the day before London changes to summer time THEN it starts at 8pm BST', async () => {
    const h = await partyHarness({ start: Date.UTC(2026, 2, 28, 12, 0) });
    await h.service.setTimezone(actor(ADMIN, CHANNEL, true), 'europe/london');
    const { view } = await h.service.start({
      actor: organiser,
      channelId: CHANNEL,
      when: 'tomorrow 8pm',
      event: false,
    });
    expect(new Date(view.record.startsAt).toISOString()).toBe('2026-03-29T19:00:00.000Z');
    await h.advance(Date.UTC(2026, 2, 29, 18, 59) - h.clock.now());
    expect(postNames(h.outbox, view.record.id, [])).toEqual(['reminder']);
    await h.advance(MINUTE);
    expect(postNames(h.outbox, view.record.id, [])).toEqual(['reminder', 'start']);
  });

  it('GIVEN New York falls back overnight THEN a party for "tomorrow 8pm" starts at 8pm EST, and survives a restart across the change', async () => {
    const h = await partyHarness({ start: Date.UTC(2026, 9, 31, 16, 0) }); // Saturday noon EDT
    await h.service.setTimezone(actor(ADMIN, CHANNEL, true), 'America/New_York');
    const { view } = await h.service.start({
      actor: organiser,
      channelId: CHANNEL,
      when: 'tomorrow 8pm',
      event: false,
    });
    expect(new Date(view.record.startsAt).toISOString()).toBe('2026-11-02T01:00:00.000Z');
    await h.advance(12 * HOUR); // past midnight
    await h.restart();
    await h.advance(Date.UTC(2026, 10, 2, 1, 0) - h.clock.now());
    expect(postNames(h.outbox, view.record.id, [])).toEqual(['reminder', 'start']);
  });

  it('GIVEN a member without Manage Events or an unknown zone THEN setting the timezone is refused', async () => {
    const h = await partyHarness();
    await expect(h.service.setTimezone(organiser, 'Europe/Paris')).rejects.toThrow(/Manage Events/);
    await expect(h.service.setTimezone(actor(ADMIN, CHANNEL, true), 'Atlantis/Capital')).rejects.toThrow(
      /not a timezone/,
    );
    expect(await h.service.timezone(GUILD)).toBe('UTC');
  });
});

describe('buttons from another server', () => {
  it("GIVEN a forged button id naming another server's party THEN it is gone: no status, no recap, no place on its list", async () => {
    const h = await partyHarness();
    const { view } = await h.service.start({
      actor: organiser,
      channelId: CHANNEL,
      when: 'in 1h',
      event: false,
    });
    const elsewhere = '300000000000000099';
    expect(h.service.byPartyId(view.record.id, elsewhere)).toBeUndefined();
    expect(await h.service.toggleReminder(view.record.id, MEMBER, elsewhere)).toBe('gone');
    expect(h.service.byPartyId(view.record.id, GUILD)?.record.remind).toEqual([]);
  });
});

describe('starting outside a server', () => {
  it('GIVEN no server (a DM) and a role to ping THEN starting is refused: there is no role to ping there', async () => {
    const h = await partyHarness();
    const dm = { ...actor(ORGANISER, CHANNEL, true), guildId: null };
    await expect(
      h.service.start({ actor: dm, channelId: CHANNEL, when: 'now', roleId: GUILD, event: false }),
    ).rejects.toThrow(/only be pinged in a server/);
    expect(h.service.size).toBe(0);
  });
});
