import { beforeAll, describe, expect, it } from 'vitest';
import type { PartyPositions } from '../../src/app/services.js';
import type { Actor } from '../../src/command/context.js';
import { UserError } from '../../src/errors.js';
import { positionFor } from '../../src/progress/position-for.js';
import { saveProgress } from '../../src/progress/progress.js';
import type { Pack } from '../../src/story/pack.js';
import { testApp } from '../support/app.js';
import { bundledPack } from '../support/pack.js';

const actor: Actor = {
  userId: '100000000000000001',
  userName: 'viewer',
  guildId: '300000000000000001',
  channelId: '200000000000000001',
  canManageEvents: false,
};
const partyAt = (seconds: number): PartyPositions => ({
  positionInChannel: async (channelId) => (channelId === actor.channelId ? { seconds } : undefined),
});

let pack: Pack;
beforeAll(async () => {
  pack = await bundledPack();
});

describe('positionFor', () => {
  it('GIVEN nothing known THEN the viewer is at the start, by default', async () => {
    const app = await testApp();
    expect(await positionFor({ app, actor }, pack)).toEqual({ position: { seconds: 0 }, source: 'default' });
  });

  it('GIVEN a running watch party in the channel THEN its position is used', async () => {
    const app = { ...(await testApp()), parties: partyAt(1500) };
    expect(await positionFor({ app, actor }, pack)).toEqual({ position: { seconds: 1500 }, source: 'party' });
  });

  it('GIVEN saved progress and a watch party THEN the saved progress wins', async () => {
    const app = { ...(await testApp()), parties: partyAt(1500) };
    await saveProgress(app.store, pack, actor.userId, { seconds: 3000 }, 0);
    expect(await positionFor({ app, actor }, pack)).toEqual({
      position: { seconds: 3000 },
      source: 'progress',
    });
  });

  it('GIVEN a typed position THEN it beats everything else', async () => {
    const app = { ...(await testApp()), parties: partyAt(1500) };
    await saveProgress(app.store, pack, actor.userId, { seconds: 3000 }, 0);
    const resolved = await positionFor({ app, actor }, pack, 'hailsham');
    expect(resolved.source).toBe('option');
    expect(resolved.position.chapter?.id).toBe('hailsham');
  });

  it('GIVEN a typed position that does not parse THEN a UserError lists the accepted forms', async () => {
    const app = await testApp();
    await expect(positionFor({ app, actor }, pack, 'banana')).rejects.toThrow(UserError);
    await expect(positionFor({ app, actor }, pack, 'banana')).rejects.toThrow(/chapter/);
  });
});
