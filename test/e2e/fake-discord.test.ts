import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { IDS, startFakeDiscord, type FakeDiscord } from '../support/fake-discord/index.js';
import { commandInteraction } from '../support/fake-discord/interactions.js';

/** The fake answers as Discord does where the bot could get it wrong; these keep it honest. */
describe('the fake Discord itself', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord({ registry: commands, callbackDeadlineMs: 200 });
  });
  afterAll(async () => {
    await fake?.close();
  });

  const call = async (method: string, path: string, body?: unknown, auth = true) => {
    const response = await fetch(`${fake.apiUrl}/v10${path}`, {
      method,
      headers: {
        ...(auth ? { authorization: `Bot ${fake.token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: response.status === 204 ? undefined : await response.json() };
  };
  const newInteraction = () =>
    fake.state.addInteraction(commandInteraction('/film', commands, (name) => fake.state.commandId(name)))
      .payload;
  const callback = (payload: { id: string; token: string }, body: unknown) =>
    call('POST', `/interactions/${payload.id}/${payload.token}/callback`, body, false);

  it('GIVEN no bot token THEN REST answers 401', async () => {
    expect(await call('GET', '/gateway/bot', undefined, false)).toMatchObject({ status: 401 });
  });

  it('GIVEN the bot token THEN /gateway/bot has the shape @discordjs/ws checks', async () => {
    expect((await call('GET', '/gateway/bot')).body).toMatchObject({
      url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/gateway$/),
      shards: 1,
      session_start_limit: { max_concurrency: 1, remaining: expect.any(Number) },
    });
  });

  it('GIVEN an unknown route THEN 404 with code 0', async () => {
    expect(await call('GET', '/nowhere')).toEqual({
      status: 404,
      body: { message: '404: Not Found', code: 0 },
    });
  });

  it('GIVEN a callback for an interaction never sent THEN 404 Unknown interaction', async () => {
    const body = { type: 4, data: { content: 'hi' } };
    expect((await callback({ id: '1', token: 'x' }, body)).body).toMatchObject({ code: 10062 });
  });

  it('GIVEN a second callback for one interaction THEN 400 already acknowledged', async () => {
    const payload = newInteraction();
    expect(await callback(payload, { type: 4, data: { content: 'one' } })).toEqual({
      status: 204,
      body: undefined,
    });
    expect((await callback(payload, { type: 4, data: { content: 'two' } })).body).toMatchObject({
      code: 40060,
    });
  });

  it('GIVEN a callback after the deadline THEN 404 Unknown interaction', async () => {
    const payload = newInteraction();
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await callback(payload, { type: 4, data: { content: 'late' } })).body).toMatchObject({
      code: 10062,
    });
  });

  it('GIVEN messages Discord refuses THEN 400 with its codes', async () => {
    expect((await callback(newInteraction(), { type: 4, data: { content: '' } })).body).toMatchObject({
      code: 50006,
    });
    const long = await callback(newInteraction(), { type: 4, data: { content: 'x'.repeat(2001) } });
    expect(long.body).toMatchObject({
      code: 50035,
      errors: { data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
    });
  });

  it('GIVEN a follow-up before any callback THEN 404 Unknown Webhook', async () => {
    const payload = newInteraction();
    expect(
      (await call('POST', `/webhooks/${IDS.application}/${payload.token}`, { content: 'hi' }, false)).body,
    ).toMatchObject({
      code: 10015,
    });
  });

  it('GIVEN a post where the bot may not send THEN 403 Missing Permissions; where it may, the message is kept', async () => {
    expect((await call('POST', `/channels/${IDS.readOnly}/messages`, { content: 'hi' })).body).toMatchObject({
      code: 50013,
    });
    const posted = await call('POST', `/channels/${IDS.general}/messages`, { content: 'Checkpoint 1' });
    expect(posted).toMatchObject({ status: 200, body: { channel_id: IDS.general, content: 'Checkpoint 1' } });
    expect((await call('GET', `/channels/${IDS.general}/messages`)).body).toContainEqual(posted.body);
  });

  it('GIVEN a guild scheduled event THEN it can be created, listed, edited and deleted', async () => {
    const created = await call('POST', `/guilds/${IDS.guild}/scheduled-events`, {
      name: 'Watch party',
      privacy_level: 2,
      entity_type: 2,
      channel_id: IDS.screening,
      scheduled_start_time: '2026-01-01T20:00:00.000Z',
    });
    expect(created).toMatchObject({
      status: 200,
      body: { name: 'Watch party', status: 1, guild_id: IDS.guild },
    });
    const id = (created.body as { id: string }).id;
    expect((await call('GET', `/guilds/${IDS.guild}/scheduled-events`)).body).toHaveLength(1);
    expect(
      (await call('PATCH', `/guilds/${IDS.guild}/scheduled-events/${id}`, { status: 2 })).body,
    ).toMatchObject({ status: 2 });
    expect((await call('DELETE', `/guilds/${IDS.guild}/scheduled-events/${id}`)).status).toBe(204);
    expect((await call('GET', `/guilds/${IDS.guild}/scheduled-events/${id}`)).body).toMatchObject({
      code: 10070,
    });
  });

  it('GIVEN all of the above THEN the fake had no bug of its own', () => {
    expect(fake.bugs).toEqual([]);
  });
});
