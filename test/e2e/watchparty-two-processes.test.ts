import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { createApp } from '../../src/app/create.js';
import type { AppServices } from '../../src/app/services.js';
import { SimulatedClock } from '../../src/clock.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import { nonceFor } from '../../src/party/outbox.js';
import { partyIdFor } from '../../src/party/record.js';
import { stopsOf } from '../../src/party/stops.js';
import { testConfig } from '../support/app.js';
import { IDS, startFakeDiscord, type FakeDiscord } from '../support/fake-discord/index.js';
import { errorsIn, TEST_CLIENT_OPTIONS, type LogLine } from './support/harness.js';

const MINUTE = 60 * 1000;

/**
 * Two copies of the real bot (createApp, startBot, discord.js) on one fake
 * Discord and one SQLite file, on one simulated clock: a bot started twice by
 * mistake, or a restart overlapping the old process.
 */
describe('a watch party with two copies of the bot running', () => {
  let fake: FakeDiscord;
  let dir: string;
  const clock = new SimulatedClock();
  const logs: LogLine[] = [];
  const bots: { app: AppServices; bot: RunningBot; stopped: boolean }[] = [];

  const start = async (name: string) => {
    const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
    const config = testConfig({
      DISCORD_API_URL: fake.apiUrl,
      STORE_URL: `sqlite://${path.join(dir, 'store.sqlite')}`,
    });
    const app = await createApp({ config, logger: logger.child({ instance: name }), clock });
    const bot = await startBot(app, commands, fake.token, TEST_CLIENT_OPTIONS);
    await bot.ready;
    bots.push({ app, bot, stopped: false });
    return bots.at(-1)!;
  };
  /** Both run what fell due, at once, a minute at a time. */
  const advance = async (minutes: number) => {
    for (let i = 0; i < minutes; i++) {
      clock.advance(MINUTE);
      await Promise.all(bots.filter((b) => !b.stopped).map((b) => b.app.watchParties.runDue()));
    }
  };
  const postCalls = () => fake.recorder.find({ method: 'POST', path: `/channels/${IDS.general}/messages` });

  beforeAll(async () => {
    fake = await startFakeDiscord({ registry: commands });
    dir = await mkdtemp(path.join(tmpdir(), 'filmclub-two-bots-'));
  });
  afterAll(async () => {
    for (const b of bots) if (!b.stopped) await b.bot.stop();
    await fake?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN two bots WHEN a party is started, one bot stops mid-film and the other carries on THEN every checkpoint reaches Discord once, each sent once', async () => {
    const first = await start('first');
    const second = await start('second');
    expect([first.app.watchParties.partitions, second.app.watchParties.partitions]).toEqual([64, 0]);

    // The fake sends interactions to the newest session: the second bot answers, the first runs the party.
    const partyId = partyIdFor(IDS.general, clock.now());
    const [reply] = await fake.command('/watchparty start starts:in 5m event:false').answer();
    expect(reply!.content).toMatch(/in 5 minutes|<t:\d+/);
    expect([first.app.watchParties.size, second.app.watchParties.size]).toEqual([0, 0]);
    await advance(1);
    expect(first.app.watchParties.size).toBe(1);

    await advance(50);
    first.stopped = true;
    await first.bot.stop();
    await advance(2);
    expect(second.app.watchParties.partitions).toBe(64);
    await advance(80);

    const expected = ['start', ...stopsOf(first.app.films.default).map((stop) => `cp-${stop.id}`)].map(
      (key) => nonceFor(partyId, key),
    );
    const posted = fake.state.channelMessages(IDS.general).filter((message) => message.nonce !== undefined);
    expect(posted.map((message) => message.nonce)).toEqual(expected);
    // Not one repeat even reached Discord (which would have dropped it for its nonce).
    expect(postCalls().map((call) => (call.body as { nonce?: string }).nonce)).toEqual(expected);
    expect(errorsIn(logs)).toEqual([]);
    expect(second.app.watchParties.size).toBe(0);
  }, 60_000);
});
