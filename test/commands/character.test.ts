import { afterEach, describe, expect, it } from 'vitest';
import { consoleSession } from '../support/console.js';

const unhidden = (value: unknown) => JSON.stringify(value).replace(/\|\|.*?\|\|/g, '');
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});
const run = async (...lines: string[]) => {
  const console = await consoleSession();
  closers.push(() => console.session.close());
  return console.run(...lines);
};

describe('/character', () => {
  it('GIVEN /character name:Ruth at the start THEN her fate is only inside spoiler bars', async () => {
    for (const line of ['/character name:Ruth watched:start', '/character name:Ruth']) {
      const [step] = await run(line);
      const reply = step!.replies[0]!;
      expect(reply.ephemeral).toBe(true);
      expect(reply.embeds[0]!.title).toBe('Ruth');
      expect(reply.embeds[0]!.description).toMatch(/Keira Knightley/);
      expect(JSON.stringify(reply)).toMatch(/\|\|[^|]*\bdies\b[^|]*\|\|/);
      expect(unhidden(reply)).not.toMatch(/\b(dies|died|completes|flatlines|liver|donations?|operation)\b/i);
    }
  });

  it('GIVEN a watch party at 0:10 and an asker at the end WHEN they share a profile THEN it is told from the party, not the asker', async () => {
    const [, , , shared] = await run(
      '/watchparty start starts:now event:false',
      ':advance 10m',
      '/progress set watched:end',
      '/character name:Ruth private:false',
    );
    const reply = shared!.replies[0]!;
    expect(reply.ephemeral).toBe(false);
    expect(reply.embeds[0]!.description).toMatch(/What you know at 0:10/);
    expect(unhidden(reply)).not.toMatch(/\b(dies|died|completes|flatlines|liver|walker)\b/i);
  });

  it('GIVEN saved progress THEN it is the position used, and said so', async () => {
    const [, step] = await run('/progress set watched:hailsham', '/character name:Ruth');
    expect(step!.replies[0]!.embeds[0]!.description).toMatch(
      /What you know at the end of Hailsham School.*your saved \/progress/,
    );
  });

  it('GIVEN an unknown name THEN a private error lists close names that are safe to show', async () => {
    const [step] = await run('/character name:Rooth');
    expect(step!.replies[0]).toMatchObject({ ephemeral: true });
    expect(step!.replies[0]!.content).toMatch(/I don't know a character called "Rooth".*Did you mean Ruth\?/);
  });

  it.each(['""', '@everyone', '**Ruth** ||x||', '<@123456789012345678>'])(
    'GIVEN name:%s THEN a clear private error that pings nobody',
    async (value) => {
      const [step] = await run(`/character name:${value}`);
      const reply = step!.replies[0]!;
      expect(step!.error).toBeUndefined();
      expect(reply.ephemeral).toBe(true);
      expect(reply.content).toMatch(/Say which character|I don't know a character/);
      expect(reply.content).not.toMatch(/(?<!\\)\|\||@everyone|(?<!\\)<@/);
    },
  );

  it('GIVEN a bad watched: THEN the error is about the position', async () => {
    const [step] = await run('/character name:Ruth watched:banana');
    expect(step!.replies[0]!.content).toMatch(/can't read "banana"/);
  });

  it('GIVEN a viewer at the start WHEN they type a name THEN only safe names are suggested, at most 25', async () => {
    const [all, fired, ru] = await run(
      ':complete /character name:',
      ':complete /character name:teacher who got fired',
      ':complete /character name:ru',
    );
    expect(all!.choices!.length).toBeLessThanOrEqual(25);
    expect(all!.choices!.map((c) => c.name)).not.toContain('Rodney');
    expect(fired!.choices).toEqual([]);
    expect(ru!.choices![0]).toEqual({ name: 'Ruth', value: 'Ruth' });
  });

  it('GIVEN watched:end typed WHEN suggesting THEN aliases appear with their names', async () => {
    const [step] = await run(':complete /character watched:end name:fired');
    expect(step!.choices![0]).toEqual({ name: 'the fired teacher (Miss Lucy)', value: 'Miss Lucy' });
  });
});
