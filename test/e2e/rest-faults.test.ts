import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { consoleSession } from '../support/console.js';
import { errorsIn, startE2E, trackUnhandledRejections, type E2E } from './support/harness.js';
import { asSent } from './support/offline.js';

const CALLBACK = { method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/ };

describe('REST faults on the way back to Discord', () => {
  let e2e: E2E;
  let expected: ReturnType<typeof asSent>[];
  const unhandled = trackUnhandledRejections();
  beforeAll(async () => {
    e2e = await startE2E({ registry: commands });
    const offline = await consoleSession();
    expected = (await offline.run('/film'))[0]!.replies.map(asSent);
    await offline.session.close();
  });
  afterAll(async () => {
    await e2e?.close();
    unhandled.stop();
  });

  const callbacksFor = (id: string) =>
    e2e.fake.recorder.find(CALLBACK).filter((call) => call.path.startsWith(`/interactions/${id}/`));

  it('GIVEN Discord answers 429 with retry-after WHEN the bot replies THEN it waits, retries, and the answer arrives', async () => {
    e2e.fake.faults.inject(CALLBACK, { kind: 'rate-limit', retryAfterMs: 100 });
    const pending = e2e.fake.command('/film');
    expect(await pending.answer()).toEqual(expected);
    const [limited, retried] = callbacksFor(pending.id);
    expect(limited).toMatchObject({ status: 429, fault: 'rate-limit' });
    expect(retried).toMatchObject({ status: 204 });
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(100);
    await expect
      .poll(() => e2e.logs.find((line) => line.msg.startsWith('rate limited')))
      .toMatchObject({
        level: 40,
        retryAfterMs: expect.any(Number),
      });
  });

  it.each([500, 502, 503] as const)(
    'GIVEN Discord answers %d once WHEN the bot replies THEN it retries and the answer arrives',
    async (status) => {
      e2e.fake.faults.inject(CALLBACK, { kind: 'server-error', status });
      const pending = e2e.fake.command('/film');
      expect(await pending.answer()).toEqual(expected);
      expect(callbacksFor(pending.id).map((call) => call.status)).toEqual([status, 204]);
    },
  );

  it('GIVEN every fault above THEN nothing was logged as an error and nothing went unhandled', () => {
    expect(errorsIn(e2e.logs)).toEqual([]);
    expect(unhandled.seen).toEqual([]);
    expect(e2e.fake.bugs).toEqual([]);
  });
});
