import { DiscordAPIError, type Client } from 'discord.js';
import { describe, expect, it, vi } from 'vitest';
import { createDiscordPartyOutbox } from '../../src/discord/party-outbox.js';
import { createLogger } from '../../src/logger.js';
import { reply } from '../../src/reply/model.js';

const logger = createLogger({ level: 'silent' });
const apiError = (code: number, status: number) =>
  new DiscordAPIError({ code, message: 'refused' }, code, status, 'POST', '/channels/1/messages', {
    body: {},
  });

const fakeClient = (post: (route: string, options: { body: unknown }) => Promise<unknown>) => {
  const rest = { post: vi.fn(post), patch: vi.fn(async () => ({})), delete: vi.fn(async () => ({})) };
  return { client: { rest } as unknown as Client, rest };
};

describe('the Discord party outbox', () => {
  it('GIVEN a post THEN it carries the nonce with enforce_nonce and only the allowed mentions', async () => {
    const { client, rest } = fakeClient(async () => ({ id: '1' }));
    const outbox = createDiscordPartyOutbox(client, logger);
    const result = await outbox.post(
      '200000000000000001',
      reply(['hello'], { mentions: { users: ['42'] } }),
      {
        nonce: 'abc',
      },
    );
    expect(result).toEqual({ ok: true });
    expect(rest.post).toHaveBeenCalledWith('/channels/200000000000000001/messages', {
      body: expect.objectContaining({
        content: 'hello',
        nonce: 'abc',
        enforce_nonce: true,
        allowed_mentions: { parse: [], users: ['42'] },
      }),
    });
  });

  it.each([
    [apiError(50013, 403), 'missing-permissions'],
    [apiError(50001, 403), 'missing-permissions'],
    [apiError(10003, 404), 'not-found'],
    [apiError(0, 500), 'unavailable'],
    [apiError(50035, 400), 'rejected'],
    [apiError(0, 429), 'unavailable'],
    [new Error('socket hang up'), 'unavailable'],
  ])('GIVEN Discord answers %s THEN the post fails as %s, without throwing', async (error, reason) => {
    const { client } = fakeClient(async () => {
      throw error;
    });
    const outbox = createDiscordPartyOutbox(client, logger);
    expect(await outbox.post('1', reply(['x']), { nonce: 'n' })).toEqual({ ok: false, reason });
  });

  it('GIVEN an event THEN it is external, located by a link to the channel; completing it sends no times', async () => {
    const { client, rest } = fakeClient(async () => ({ id: '77' }));
    const outbox = createDiscordPartyOutbox(client, logger);
    const created = await outbox.createEvent('300', '200', {
      name: 'Watch party',
      description: 'd',
      startAt: Date.UTC(2026, 0, 1, 20),
      endAt: Date.UTC(2026, 0, 1, 22),
    });
    expect(created).toEqual({ ok: true, id: '77' });
    expect(rest.post).toHaveBeenCalledWith('/guilds/300/scheduled-events', {
      body: expect.objectContaining({
        entity_type: 3,
        entity_metadata: { location: 'https://discord.com/channels/300/200' },
        scheduled_start_time: '2026-01-01T20:00:00.000Z',
        scheduled_end_time: '2026-01-01T22:00:00.000Z',
      }),
    });
    await outbox.editEvent('300', '77', { status: 'completed', endAt: Date.UTC(2026, 0, 1, 21) });
    expect(rest.patch).toHaveBeenLastCalledWith('/guilds/300/scheduled-events/77', { body: { status: 3 } });
    await outbox.editEvent('300', '77', { endAt: Date.UTC(2026, 0, 1, 23) });
    expect(rest.patch).toHaveBeenLastCalledWith('/guilds/300/scheduled-events/77', {
      body: { scheduled_end_time: '2026-01-01T23:00:00.000Z' },
    });
  });
});
