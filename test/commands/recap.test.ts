import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import type { Actor } from '../../src/command/context.js';
import { runCommand } from '../../src/command/run.js';
import { renderReply } from '../../src/reply/render.js';
import type { Pack } from '../../src/story/pack.js';
import { testApp } from '../support/app.js';
import { consoleSession } from '../support/console.js';
import { bundledPack } from '../support/pack.js';

const visible = (content: string) => content.replace(/\|\|[\s\S]*?\|\|/g, '').replace(/\\(.)/g, '$1');
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});
const run = async (...lines: string[]) => {
  const console = await consoleSession();
  closers.push(() => console.session.close());
  return console.run(...lines);
};

let pack: Pack;
beforeAll(async () => {
  pack = await bundledPack();
});

describe('/recap', () => {
  it('GIVEN /recap until:hailsham THEN nothing from the Cottages or Completion appears', async () => {
    for (const length of ['short', 'full']) {
      const [step] = await run(`/recap until:hailsham length:${length}`);
      const message = JSON.stringify(step!.replies[0]).replace(/\\\\(.)/g, '$1');
      expect(message).toMatch(/Miss Lucy/);
      for (const beat of pack.beats.filter(
        (b) => b.chapter.id === 'cottages' || b.chapter.id === 'completion',
      ))
        expect(message).not.toContain(beat.summary.slice(0, 60));
      expect(message).not.toMatch(/Rodney|Chrissie|Cottages|deferral|walker|Madame's address/);
    }
  });

  it('GIVEN no until and no saved progress THEN it asks privately, explaining the forms', async () => {
    const [step] = await run('/recap');
    expect(step!.replies[0]!.ephemeral).toBe(true);
    expect(step!.replies[0]!.content).toMatch(/Recap up to where\? Add until: with start, end, .*cottages/);
  });

  it('GIVEN saved progress and no until THEN the recap stops there, privately', async () => {
    const [, step] = await run('/progress set watched:opening', '/recap');
    expect(step!.replies[0]!.ephemeral).toBe(true);
    expect(step!.replies[0]!.content).toMatch(/up to the end of Opening/);
    expect(step!.replies[0]!.content).not.toMatch(/Hailsham/);
  });

  it('GIVEN private:false THEN it is posted for the channel', async () => {
    const [step] = await run('/recap until:opening private:false');
    expect(step!.replies[0]!.ephemeral).toBe(false);
  });

  it.each(['banana', '""', '@everyone', '**x**', '9:99'])(
    'GIVEN until:%s THEN a clear private error',
    async (value) => {
      const [step] = await run(`/recap until:${value}`);
      expect(step!.error).toBeUndefined();
      expect(step!.replies[0]!.ephemeral).toBe(true);
      expect(step!.replies[0]!.content).toMatch(/start, end|past the end|how far/);
    },
  );

  describe('GIVEN a watch party at the end of Hailsham in this channel', () => {
    const actor: Actor = {
      userId: '100000000000000001',
      userName: 'viewer',
      guildId: '300000000000000001',
      channelId: '200000000000000001',
      canManageEvents: false,
    };
    const recap = async (options: Record<string, string | boolean>) => {
      const hailsham = pack.chapters.find((c) => c.id === 'hailsham')!;
      const app = {
        ...(await testApp()),
        parties: { positionInChannel: async () => ({ seconds: hailsham.end }) },
      };
      return renderReply(await runCommand(commands, { commandName: 'recap', options }, actor, app));
    };

    it('WHEN /recap has no until THEN it recaps to the party, for the whole channel', async () => {
      const message = await recap({});
      expect(message.ephemeral).toBe(false);
      expect(message.content).toMatch(/up to the end of Hailsham School/);
      expect(message.content).not.toContain('||');
    });

    it('WHEN until goes past the party THEN the later part is spoiler-tagged after a plain warning', async () => {
      const message = await recap({ until: 'cottages', private: false });
      expect(message.content).toMatch(
        /Spoiler warning\*\*: this channel's watch party is only at about 0:36/,
      );
      expect(visible(message.content)).not.toMatch(/Rodney|Chrissie|deferral/);
      expect(message.content).toMatch(/\|\|.+\|\|/);
    });
  });
});
