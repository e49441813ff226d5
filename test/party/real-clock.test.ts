import { describe, expect, it } from 'vitest';
import { SimulatedClock, type Clock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { PartyService } from '../../src/party/service.js';
import { createStore } from '../../src/store/factory.js';
import { libraryOf } from '../../src/story/library.js';
import { bundledPack } from '../support/pack.js';
import { actor, CHANNEL, FakeOutbox, ORGANISER } from '../support/party.js';

const logger = createLogger({ level: 'silent' });

describe('watch parties on the real clock', () => {
  it('GIVEN a party starting in a second THEN the armed timer posts "press play" on its own, once', async () => {
    const clock: Clock = { now: () => Date.now() };
    const store = await createStore('memory://', { logger });
    const films = libraryOf([await bundledPack()], 'never-let-me-go');
    const outbox = new FakeOutbox(new SimulatedClock());
    const service = new PartyService({ store, clock, logger, films, manual: false });
    await service.attach(outbox);
    await service.start({ actor: actor(ORGANISER), channelId: CHANNEL, when: 'in 1s', event: false });
    const deadline = Date.now() + 5000;
    while (outbox.posts.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(outbox.posts).toHaveLength(1);
    expect(outbox.posts[0]!.text).toMatch(/Press play now/);
    await new Promise((r) => setTimeout(r, 200));
    expect(outbox.posts).toHaveLength(1);
    await service.close();
    await store.close();
  });
});
