import { describe, expect, it } from 'vitest';
import { stopsOf } from '../../src/party/stops.js';
import {
  actor,
  CHANNEL,
  HOUR,
  MINUTE,
  ORGANISER,
  partyHarness,
  postNames,
  type PartyHarness,
} from '../support/party.js';

const stopIds = (h: PartyHarness) => stopsOf(h.films.default).map((stop) => stop.id);
const organiser = actor(ORGANISER);

describe('when Discord refuses', () => {
  it('GIVEN the bot lost Send Messages mid-film THEN the party pauses, the organiser is told once, and nothing retries in a loop', async () => {
    const h = await partyHarness();
    const id = (await h.service.start({ actor: organiser, channelId: CHANNEL, event: false })).view.record.id;
    await h.advance(10 * MINUTE);
    h.outbox.deny(CHANNEL, { send: false });
    await h.advance(3 * HOUR);
    expect(h.outbox.attempts).toBe(1);
    const notices = h.outbox.actions.filter((action) => action.kind === 'notify');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ userId: ORGANISER });
    expect(notices[0]!.kind === 'notify' && notices[0]!.text).toContain('Send Messages');
    const status = await h.service.status(organiser);
    expect(status.paused).toBe(true);
    expect(status.record.pauseReason).toBe('permissions');
    // Survives a restart without trying again.
    await h.restart();
    await h.advance(HOUR);
    expect(h.outbox.attempts).toBe(1);
    // Resuming while still denied is refused with the missing permission named.
    await expect(h.service.resume(organiser)).rejects.toThrow(/Send Messages/);
    h.outbox.permissions.clear();
    await h.service.resume(organiser);
    expect(postNames(h.outbox, id, stopIds(h))).toEqual([stopIds(h)[0]]);
    await h.advance(2 * HOUR);
    expect(postNames(h.outbox, id, stopIds(h))).toEqual(stopIds(h));
  });

  it('GIVEN the start post is refused THEN the party is held, and resuming starts it then', async () => {
    const h = await partyHarness();
    const id = (await h.service.start({ actor: organiser, channelId: CHANNEL, when: 'in 5m', event: false }))
      .view.record.id;
    h.outbox.deny(CHANNEL, { view: false });
    await h.advance(HOUR);
    expect(h.outbox.attempts).toBe(1);
    h.outbox.permissions.clear();
    await h.service.resume(organiser);
    expect(postNames(h.outbox, id, stopIds(h))).toEqual(['start']);
    await h.advance(30 * MINUTE);
    expect(postNames(h.outbox, id, stopIds(h))).toEqual(['start', stopIds(h)[0]]);
  });

  it('GIVEN Discord is unavailable for a while THEN posts are retried with growing waits, and the checkpoint comes once it is back', async () => {
    const h = await partyHarness();
    const id = (await h.service.start({ actor: organiser, channelId: CHANNEL, event: false })).view.record.id;
    await h.advance(28 * MINUTE);
    h.outbox.failWith = 'unavailable';
    await h.advance(2 * MINUTE); // 0:29 due: 15 s, 30 s, 60 s retries
    const attemptsSoFar = h.outbox.attempts;
    expect(attemptsSoFar).toBeGreaterThan(1);
    expect(attemptsSoFar).toBeLessThan(6);
    await h.advance(10 * MINUTE);
    expect(h.outbox.attempts - attemptsSoFar).toBeLessThan(4);
    h.outbox.failWith = undefined;
    await h.advance(20 * MINUTE);
    // Back after more than two minutes: what it missed comes as one catch-up post, then the rest as usual.
    const names = postNames(h.outbox, id, stopIds(h));
    expect(names[0]).toBe('catch-up');
    await h.advance(2 * HOUR);
    expect(new Set(postNames(h.outbox, id, stopIds(h))).size).toBe(
      postNames(h.outbox, id, stopIds(h)).length,
    );
    expect(h.service.size).toBe(0);
  });

  it('GIVEN Discord rejects a post outright (a 400) THEN that post is given up once, and the next checkpoint still comes', async () => {
    const h = await partyHarness();
    const id = (await h.service.start({ actor: organiser, channelId: CHANNEL, event: false })).view.record.id;
    await h.advance(28 * MINUTE);
    h.outbox.failWith = 'rejected';
    await h.advance(2 * MINUTE); // the 0:29 checkpoint falls due and is refused
    expect(h.outbox.attempts).toBe(1);
    h.outbox.failWith = undefined;
    await h.advance(2 * HOUR);
    const names = postNames(h.outbox, id, stopIds(h));
    expect(names).not.toContain(stopIds(h)[0]);
    expect(names).toEqual(stopIds(h).slice(1));
    expect(h.service.size).toBe(0);
  });

  it('GIVEN the channel was deleted THEN the party ends quietly', async () => {
    const h = await partyHarness();
    await h.service.start({ actor: organiser, channelId: CHANNEL, event: false });
    h.outbox.failWith = 'not-found';
    await h.advance(HOUR);
    expect(h.outbox.attempts).toBe(1);
    expect(h.service.size).toBe(0);
  });

  it('GIVEN the bot cannot view, send or embed in the channel THEN starting is refused, naming what is missing', async () => {
    const h = await partyHarness();
    h.outbox.deny(CHANNEL, { send: false, embed: false });
    await expect(h.service.start({ actor: organiser, channelId: CHANNEL, event: false })).rejects.toThrow(
      /I need the Send Messages, Embed Links permissions there/,
    );
    expect(h.service.size).toBe(0);
  });
});

describe('the scheduled event', () => {
  it('GIVEN no Manage Events permission THEN the party starts without an event and says so', async () => {
    const h = await partyHarness();
    h.outbox.deny(CHANNEL, { manageEvents: false });
    const outcome = await h.service.start({
      actor: organiser,
      channelId: CHANNEL,
      when: 'in 1h',
      event: true,
    });
    expect(outcome.notes.join(' ')).toMatch(/Manage Events/);
    expect(h.outbox.actions).toEqual([]);
  });

  it('GIVEN a scheduled party THEN its event is external, in the channel, from start to end, started and completed with the party', async () => {
    const h = await partyHarness();
    const { view } = await h.service.start({
      actor: organiser,
      channelId: CHANNEL,
      when: 'in 1h',
      event: true,
    });
    const [created] = h.outbox.actions;
    expect(created).toMatchObject({ kind: 'create-event', channelId: CHANNEL });
    expect(created!.kind === 'create-event' && created!.spec.startAt).toBe(view.record.startsAt);
    expect(created!.kind === 'create-event' && created!.spec.endAt).toBe(view.record.startsAt + 103 * MINUTE);
    await h.advance(HOUR);
    expect(h.outbox.actions.at(-1)).toMatchObject({ kind: 'edit-event', patch: { status: 'active' } });
    await h.advance(2 * HOUR);
    expect(h.outbox.actions.at(-1)).toMatchObject({ kind: 'edit-event', patch: { status: 'completed' } });
  });

  it('GIVEN many pauses, resumes and syncs in a minute THEN the event gets at most one edit a minute', async () => {
    const h = await partyHarness();
    await h.service.start({ actor: organiser, channelId: CHANNEL, event: true });
    await h.advance(10 * MINUTE);
    const before = h.outbox.actions.length;
    for (let i = 0; i < 5; i++) {
      await h.service.pause(organiser);
      await h.advance(2 * 1000);
      await h.service.resume(organiser);
      await h.service.sync(organiser, 20 * 60 + i * 60);
      await h.advance(2 * 1000);
    }
    await h.advance(5 * MINUTE);
    const edits = h.outbox.actions.slice(before).filter((action) => action.kind === 'edit-event');
    expect(edits.length).toBeLessThanOrEqual(1);
    expect(edits).toHaveLength(1); // the sync moved the end by ten minutes
  });

  it('GIVEN a party stopped before it starts THEN its event is deleted', async () => {
    const h = await partyHarness();
    await h.service.start({ actor: organiser, channelId: CHANNEL, when: 'in 2h', event: true });
    await h.service.stop(organiser);
    expect(h.outbox.actions.at(-1)).toMatchObject({ kind: 'delete-event' });
    expect(h.service.size).toBe(0);
  });
});
