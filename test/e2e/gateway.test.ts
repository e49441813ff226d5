import { GatewayIntentBits, GatewayOpcodes } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROBES } from './support/probe-commands.js';
import { errorsIn, startE2E, trackUnhandledRejections, type E2E } from './support/harness.js';

const refusal = [{ content: 'You cannot do that here.', embeds: [], components: [], ephemeral: true }];

describe('the gateway connection, through faults', () => {
  let e2e: E2E;
  let unhandled: ReturnType<typeof trackUnhandledRejections>;
  beforeEach(async () => {
    unhandled = trackUnhandledRejections();
    e2e = await startE2E({ registry: PROBES, fake: { heartbeatIntervalMs: 250 } });
  });
  afterEach(async () => {
    await e2e?.close();
    unhandled.stop();
    expect(unhandled.seen).toEqual([]);
    expect(e2e.fake.bugs).toEqual([]);
    expect(errorsIn(e2e.logs)).toEqual([]);
  });

  it('GIVEN the bot connects THEN it identifies with only the Guilds intent, no compression, and heartbeats are acknowledged', async () => {
    const identify = e2e.fake.gateway.received.find((payload) => payload.op === GatewayOpcodes.Identify);
    expect(identify!.d).toMatchObject({ intents: GatewayIntentBits.Guilds, compress: false, shard: [0, 1] });
    await expect.poll(() => e2e.bot.client.ws.ping, { timeout: 2000 }).toBeGreaterThanOrEqual(0);
    expect(e2e.bot.client.guilds.cache.map((guild) => guild.name)).toEqual(['Film Club']);
  });

  it('GIVEN Discord asks for a heartbeat (op 1) THEN the bot sends one at once', async () => {
    const before = e2e.fake.gateway.received.filter(
      (payload) => payload.op === GatewayOpcodes.Heartbeat,
    ).length;
    e2e.fake.gateway.requestHeartbeat();
    await expect
      .poll(
        () => e2e.fake.gateway.received.filter((payload) => payload.op === GatewayOpcodes.Heartbeat).length,
      )
      .toBeGreaterThan(before);
  });

  it('GIVEN op 7 Reconnect THEN the bot resumes on the resume URL AND answers the next interaction', async () => {
    const { resumed } = e2e.fake.gateway.counts;
    e2e.fake.gateway.reconnect();
    await e2e.fake.gateway.waitForCount('resumed', resumed);
    const resume = e2e.fake.gateway.received.findLast((payload) => payload.op === GatewayOpcodes.Resume);
    expect(resume).toMatchObject({ path: '/gateway-resume' });
    expect(e2e.fake.gateway.counts.identifies).toBe(1);
    expect(await e2e.fake.command('/refuse').answer()).toEqual(refusal);
  });

  it('GIVEN op 9 Invalid Session (not resumable) THEN the bot identifies afresh AND answers the next interaction', async () => {
    const { readies } = e2e.fake.gateway.counts;
    e2e.fake.gateway.invalidateSession(false);
    await e2e.fake.gateway.waitForCount('readies', readies);
    expect(e2e.fake.gateway.counts.identifies).toBe(2);
    expect(await e2e.fake.command('/refuse').answer()).toEqual(refusal);
  });

  it('GIVEN op 9 Invalid Session (resumable) THEN the bot resumes AND answers the next interaction', async () => {
    const { resumed } = e2e.fake.gateway.counts;
    e2e.fake.gateway.invalidateSession(true);
    await e2e.fake.gateway.waitForCount('resumed', resumed);
    expect(e2e.fake.gateway.counts.identifies).toBe(1);
    expect(await e2e.fake.command('/refuse').answer()).toEqual(refusal);
  });

  it('GIVEN the socket dies without a close frame THEN the bot resumes AND answers the next interaction', async () => {
    const { resumed } = e2e.fake.gateway.counts;
    e2e.fake.gateway.killSocket();
    await e2e.fake.gateway.waitForCount('resumed', resumed);
    expect(await e2e.fake.command('/refuse').answer()).toEqual(refusal);
  });

  it('GIVEN an interaction dispatched while the bot is disconnected THEN it is replayed on resume and answered', async () => {
    const { resumed, replayed } = e2e.fake.gateway.counts;
    e2e.fake.gateway.killSocket();
    const queued = e2e.fake.command('/refuse');
    await e2e.fake.gateway.waitForCount('resumed', resumed);
    expect(e2e.fake.gateway.counts.replayed).toBe(replayed + 1);
    expect(await queued.answer()).toEqual(refusal);
    expect(e2e.logs.map((line) => line.msg)).toContain('gateway session resumed');
  });
});
