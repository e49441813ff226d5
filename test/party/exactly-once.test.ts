import { describe, expect, it } from 'vitest';
import { stopsOf } from '../../src/party/stops.js';
import {
  actor,
  CHANNEL,
  GUILD,
  HOUR,
  MINUTE,
  ORGANISER,
  partyHarness,
  postNames,
  type PartyHarness,
} from '../support/party.js';

const startParty = async (h: PartyHarness, when = 'now') => {
  const outcome = await h.service.start({ actor: actor(ORGANISER), channelId: CHANNEL, when, event: false });
  return outcome.view.record.id;
};

const stopIds = (h: PartyHarness) => stopsOf(h.films.default).map((stop) => stop.id);

describe('watch parties post each checkpoint exactly once', () => {
  it('GIVEN a party started now WHEN the whole film plays THEN every checkpoint is posted once, in order, and the party ends', async () => {
    const h = await partyHarness();
    const id = await startParty(h);
    const start = h.clock.now();
    for (let minute = 0; minute < 110; minute++) await h.advance(MINUTE);
    expect(postNames(h.outbox, id, stopIds(h))).toEqual(stopIds(h));
    expect(new Set(h.outbox.posts.map((post) => post.nonce)).size).toBe(h.outbox.posts.length);
    expect(h.service.size).toBe(0);
    // Each checkpoint went out in the minute the film reached it.
    stopsOf(h.films.default).forEach((stop, i) =>
      expect(h.outbox.posts[i]!.at - start).toBe(Math.ceil(stop.atMs / MINUTE) * MINUTE),
    );
  });

  it('GIVEN a party scheduled in 2 hours WHEN the bot restarts before the start THEN reminder, start and checkpoints all come once', async () => {
    const h = await partyHarness();
    const id = await startParty(h, 'in 2h');
    await h.advance(30 * MINUTE);
    await h.restart();
    await h.advance(HOUR + 20 * MINUTE); // 10 minutes before: the reminder
    expect(postNames(h.outbox, id, stopIds(h))).toEqual(['reminder']);
    await h.restart();
    await h.advance(10 * MINUTE + 110 * MINUTE);
    expect(postNames(h.outbox, id, stopIds(h))).toEqual(['reminder', 'start', ...stopIds(h)]);
  });

  it('GIVEN a quick restart mid-film THEN the same posts come as without one', async () => {
    const h = await partyHarness();
    const id = await startParty(h);
    await h.advance(50 * MINUTE);
    await h.restart();
    await h.restart();
    await h.advance(60 * MINUTE);
    expect(postNames(h.outbox, id, stopIds(h))).toEqual(stopIds(h));
  });

  it('GIVEN the bot is down mid-film while checkpoints fall due THEN one catch-up post covers them, and the rest follow singly', async () => {
    const h = await partyHarness();
    const id = await startParty(h);
    await h.advance(32 * MINUTE); // the first checkpoint (0:29) is posted
    await h.down(30 * MINUTE); // 0:36 and 0:55 fall due while down
    const names = postNames(h.outbox, id, stopIds(h));
    expect(names).toEqual([stopIds(h)[0], 'catch-up']);
    expect(h.outbox.posts[1]!.text).toContain('End of Hailsham School');
    expect(h.outbox.posts[1]!.text).toContain('Pause: the trip to town');
    await h.advance(60 * MINUTE);
    expect(postNames(h.outbox, id, stopIds(h))).toEqual([stopIds(h)[0], 'catch-up', ...stopIds(h).slice(3)]);
  });

  it('GIVEN the bot is down across the start THEN one catch-up post says when it started and mentions the reminded', async () => {
    const h = await partyHarness();
    const id = await startParty(h, 'in 1h');
    await h.service.toggleReminder(id, '100000000000000009', GUILD);
    await h.advance(50 * MINUTE); // reminder
    await h.down(45 * MINUTE); // start (1:00) and the first checkpoint (0:29 into the film) missed
    expect(postNames(h.outbox, id, stopIds(h))).toEqual(['reminder', 'catch-up']);
    const catchUp = h.outbox.posts[1]!;
    expect(catchUp.reply.mentions?.users).toEqual(['100000000000000009']);
    expect(catchUp.text).toContain('<@100000000000000009>');
  });

  it('GIVEN the bot restarts after the party ended THEN nothing is posted', async () => {
    const h = await partyHarness();
    await startParty(h);
    await h.advance(110 * MINUTE);
    const posted = h.outbox.posts.length;
    await h.restart();
    await h.advance(3 * HOUR);
    expect(h.outbox.posts).toHaveLength(posted);
  });

  it('GIVEN the bot is down through the end of the film THEN nothing is posted and the party is over', async () => {
    const h = await partyHarness();
    const id = await startParty(h);
    await h.advance(40 * MINUTE);
    await h.down(3 * HOUR);
    await h.advance(3 * HOUR);
    expect(postNames(h.outbox, id, stopIds(h))).toEqual(stopIds(h).slice(0, 2));
    expect(h.service.size).toBe(0);
  });

  it('GIVEN a post was sent but its mark never saved WHEN the bot restarts at once THEN the repeat (once the post claim has run out, within LATE_MS) carries the same nonce, so Discord drops it', async () => {
    const h = await partyHarness();
    const id = await startParty(h);
    const realSet = h.store.set.bind(h.store);
    await h.advance(28 * MINUTE);
    // The store goes away just as the first checkpoint is marked; the process then dies.
    h.store.set = async () => {
      throw new Error('store down');
    };
    await h.advance(2 * MINUTE);
    h.store.set = realSet;
    await h.restart();
    await h.advance(MINUTE);
    const names = postNames(h.outbox, id, stopIds(h));
    expect(names).toEqual([stopIds(h)[0], stopIds(h)[0]]);
    expect(h.outbox.posts[0]!.nonce).toBe(h.outbox.posts[1]!.nonce);
  });

  it('GIVEN a store outage while marking WHEN the process keeps running THEN nothing is posted twice and the mark is saved later', async () => {
    const h = await partyHarness();
    const id = await startParty(h);
    const realSet = h.store.set.bind(h.store);
    await h.advance(28 * MINUTE);
    h.store.set = async () => {
      throw new Error('store down');
    };
    await h.advance(2 * MINUTE);
    h.store.set = realSet;
    await h.advance(MINUTE); // the save is retried
    await h.restart();
    await h.advance(80 * MINUTE);
    expect(postNames(h.outbox, id, stopIds(h))).toEqual(stopIds(h));
  });

  it('GIVEN two parties in two channels THEN each gets its own posts, in its own channel, and pausing one leaves the other running', async () => {
    const h = await partyHarness();
    const other = '200000000000000002';
    const a = await startParty(h);
    const b = (
      await h.service.start({
        actor: actor(ORGANISER, other),
        channelId: other,
        when: 'in 10m',
        event: false,
      })
    ).view.record.id;
    await h.advance(40 * MINUTE);
    await h.service.pause(actor(ORGANISER, other));
    await h.advance(80 * MINUTE);
    expect(postNames(h.outbox, a, stopIds(h))).toEqual(stopIds(h));
    expect(postNames(h.outbox, b, stopIds(h), other)).toEqual(['start', stopIds(h)[0]]);
    expect(h.service.size).toBe(1);
    await h.restart();
    await h.service.resume(actor(ORGANISER, other));
    await h.advance(2 * HOUR);
    expect(postNames(h.outbox, b, stopIds(h), other)).toEqual(['start', ...stopIds(h)]);
  });

  it('GIVEN 200 parties WHEN the bot restarts THEN all are reloaded from the index and each posts its checkpoints once', async () => {
    const h = await partyHarness();
    for (let i = 0; i < 200; i++) {
      const channelId = `2100000000000${String(i).padStart(5, '0')}`;
      await h.service.start({
        actor: actor(ORGANISER, channelId),
        channelId,
        when: `in ${i}m`,
        event: false,
      });
    }
    await h.advance(HOUR);
    await h.restart();
    expect(h.service.size).toBe(200);
    await h.advance(6 * HOUR);
    expect(h.service.size).toBe(0);
    // A start post each (but the one starting "in 0m", whose reply was it), a reminder for those more than 10 minutes ahead.
    const expected = 200 * (1 + stopIds(h).length) - 1 + 189;
    expect(h.outbox.posts).toHaveLength(expected);
    expect(new Set(h.outbox.posts.map((post) => post.nonce)).size).toBe(expected);
  });
});
