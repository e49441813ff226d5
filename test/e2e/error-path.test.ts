import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERIC_FAILURE, STALE_BUTTON } from '../../src/command/run.js';
import { RESTARTING } from '../../src/discord/router.js';
import { IDS } from '../support/fake-discord/index.js';
import { commandInteraction } from '../support/fake-discord/interactions.js';
import { PROBES, releaseHeld } from './support/probe-commands.js';
import { errorsIn, startE2E, trackUnhandledRejections, type E2E } from './support/harness.js';

const only = (content: string, ephemeral = true) => [{ content, embeds: [], components: [], ephemeral }];

describe('the one error path, on Discord', () => {
  let e2e: E2E;
  const unhandled = trackUnhandledRejections();
  beforeAll(async () => {
    e2e = await startE2E({ registry: PROBES });
  });
  afterAll(async () => {
    await e2e?.close();
    unhandled.stop();
  });

  it('GIVEN a button from an older release WHEN pressed THEN a polite ephemeral reply says to run the command again', async () => {
    e2e.fake.seedMessage({
      content: 'From last year',
      components: [
        { type: 1, components: [{ type: 2, style: 1, label: 'Old', custom_id: 'echo:v0:again' }] },
      ],
    });
    expect(await e2e.fake.click('echo:v0:again').answer()).toEqual(only(STALE_BUTTON));
  });

  it('GIVEN a forged custom id WHEN pressed THEN the same polite reply, and nothing runs', async () => {
    const message = e2e.fake.seedMessage({ content: 'Tampered with' });
    expect(await e2e.fake.click('crash:v1:../../etc', { message }).answer()).toEqual(only(STALE_BUTTON));
    expect(await e2e.fake.click('x'.repeat(100), { message }).answer()).toEqual(only(STALE_BUTTON));
  });

  it('GIVEN a command Discord still lists but this release dropped THEN a polite ephemeral reply', async () => {
    const payload = commandInteraction('/refuse', PROBES, (name) => e2e.fake.state.commandId(name));
    const answer = await e2e.fake.send({ ...payload, data: { ...payload.data, name: 'retired' } }).answer();
    expect(answer).toEqual(only("I don't know the command /retired. Try /help."));
  });

  it('GIVEN a command that throws a bug THEN the user gets the short generic message AND the error is logged with context', async () => {
    expect(await e2e.fake.command('/crash').answer()).toEqual(only(GENERIC_FAILURE));
    const [logged] = errorsIn(e2e.logs);
    expect(logged).toMatchObject({
      msg: 'command failed',
      command: 'crash',
      guildId: IDS.guild,
      userId: IDS.organiser,
      err: { message: 'kaboom: the projector caught fire' },
    });
    e2e.logs.length = 0;
  });

  it('GIVEN a command that refuses with a user error THEN its message is the ephemeral reply, and nothing is logged as an error', async () => {
    expect(await e2e.fake.command('/refuse').answer()).toEqual(only('You cannot do that here.'));
    expect(errorsIn(e2e.logs)).toEqual([]);
  });

  it('GIVEN a slow command THEN the bot defers first AND edits the deferred reply with the answer', async () => {
    const pending = e2e.fake.command('/slow');
    expect((await pending.callback()).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(await pending.answer()).toEqual(only('Done thinking.', false));
    const calls = e2e.fake.recorder
      .find({ path: new RegExp(pending.record.payload.token) })
      .map((c) => c.method);
    expect(calls).toEqual(['POST', 'PATCH']);
  });

  it('GIVEN a slow command that refuses THEN the public "thinking…" is removed AND the refusal is an ephemeral follow-up', async () => {
    const pending = e2e.fake.command('/slow fail:true');
    expect(await pending.answer()).toEqual(only('Thought about it: no.'));
    expect(pending.record.originalDeleted).toBe(true);
    expect((pending.record.followUps[0]!.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it('GIVEN Discord answers the callback with 404 Unknown interaction THEN it is logged AND the bot carries on', async () => {
    e2e.fake.faults.inject({ method: 'POST', path: /\/callback$/ }, { kind: 'unknown-interaction' });
    const lost = e2e.fake.command('/refuse');
    await e2e.fake.recorder.waitFor({ method: 'POST', path: new RegExp(`^/interactions/${lost.id}/`) });
    await expect
      .poll(() => e2e.logs.find((line) => line.interactionId === lost.id))
      .toMatchObject({
        level: 40,
        msg: expect.stringMatching(/no longer takes it/),
        command: 'refuse',
        err: { code: 10062 },
      });
    expect(await e2e.fake.command('/refuse').answer()).toEqual(only('You cannot do that here.'));
    expect(errorsIn(e2e.logs)).toEqual([]);
  });

  it('GIVEN the bot is shutting down WHEN an interaction arrives THEN it is told politely to try again', async () => {
    const held = e2e.fake.command('/hold');
    await held.callback();
    const stopping = e2e.bot.stop();
    const late = e2e.fake.command('/refuse');
    expect(await late.answer()).toEqual(only(RESTARTING));
    // The one in flight still finishes before the client goes.
    releaseHeld();
    expect(await held.answer()).toEqual(only('Released.', false));
    await stopping;
    expect(e2e.fake.gateway.closeCodes).toEqual([1000]);
  });

  it('GIVEN everything above THEN there was no unhandled rejection and no bug in the fake', () => {
    expect(unhandled.seen).toEqual([]);
    expect(e2e.fake.bugs).toEqual([]);
  });
});
