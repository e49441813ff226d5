import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isKnownAt, type Pack } from '../../src/story/pack.js';
import { consoleSession } from '../support/console.js';
import { bundledPack } from '../support/pack.js';

const visible = (content: string) => content.replace(/\|\|[\s\S]*?\|\|/g, '').replace(/\\(.)/g, '$1');

let pack: Pack;
beforeAll(async () => {
  pack = await bundledPack();
});

const ask = async (line: string) => {
  const { run } = await consoleSession();
  const [step] = await run(line);
  return step!;
};

describe('/ask', () => {
  it('GIVEN a viewer at the end of Hailsham WHEN they ask whether Ruth dies THEN the answer is spoiler-tagged with a plain label', async () => {
    const step = await ask('/ask question:does ruth die watched:hailsham');
    const { content, ephemeral } = step.replies[0]!;
    expect(ephemeral).toBe(false);
    expect(content).toMatch(/Revealed later, in Completion \(about \d:\d\d\): \|\|/);
    expect(visible(content)).not.toMatch(/operating|flatline|dies,|completes/i);
  });

  it('GIVEN a viewer at the end WHEN they ask the same THEN it is answered plainly', async () => {
    const { content } = (await ask('/ask question:does ruth die watched:end')).replies[0]!;
    expect(content).not.toContain('||');
    expect(content).toMatch(/Ruth/);
  });

  it('GIVEN saved progress and no watched option THEN the answer uses the progress and says so', async () => {
    const { run } = await consoleSession();
    const [, hailsham, , end] = await run(
      '/progress set watched:hailsham',
      '/ask question:does ruth die',
      '/progress set watched:end',
      '/ask question:does ruth die',
    );
    expect(hailsham!.replies[0]!.content).toMatch(/\|\|/);
    expect(hailsham!.replies[0]!.content).toMatch(/your saved \/progress/);
    expect(end!.replies[0]!.content).not.toMatch(/\|\|/);
  });

  it('GIVEN a watch party at 0:10 and an asker at the end WHEN they ask publicly THEN the room is not spoiled', async () => {
    const { run } = await consoleSession();
    const steps = await run(
      '/watchparty start starts:now event:false',
      ':advance 10m',
      '/progress set watched:end',
      '/ask question:does ruth die',
      '/ask question:does ruth die private:true',
    );
    const [publicAnswer, privateAnswer] = [steps[3]!.replies[0]!, steps[4]!.replies[0]!];
    expect(publicAnswer.ephemeral).toBe(false);
    expect(publicAnswer.content).toMatch(/Past this channel's watch party \(at 0:10\): \|\|/);
    expect(visible(publicAnswer.content.split('\n').slice(1).join('\n'))).not.toMatch(
      /flatline|operating|dies,/i,
    );
    expect(privateAnswer.ephemeral).toBe(true);
    expect(privateAnswer.content).not.toContain('||');
  });

  it('GIVEN a watch party at 0:10 and an asker at the end WHEN nothing answers THEN the suggested questions come from the room, not the asker', async () => {
    const { run, session } = await consoleSession();
    const steps = await run(
      '/watchparty start starts:now event:false',
      ':advance 10m',
      '/progress set watched:end',
      "/ask question:what is ruth's favourite colour",
    );
    const reply = steps[3]!.replies[0]!.content;
    expect(reply).toMatch(/I can answer questions like/);
    const suggested = [...reply.matchAll(/“([^”]+)”/g)].map((m) => m[1]!);
    expect(suggested.length).toBeGreaterThan(0);
    // Each suggestion is a question some fact known by 0:10 answers.
    for (const question of suggested)
      expect(
        pack.facts.some((f) => f.ask.includes(question.replace(/\\/g, '')) && isKnownAt(f, 600)),
        question,
      ).toBe(true);
    await session.close();
  });

  it('GIVEN a question whose answer lies ahead THEN one label and one spoiler, however many facts', async () => {
    const { content } = (await ask('/ask question:does ruth die watched:0:20')).replies[0]!;
    expect(content.match(/Revealed later/g)).toHaveLength(1);
    expect(content.match(/(?<!\\)\|\|/g)?.length ?? 0).toBeLessThanOrEqual(
      2 + 2 * (content.match(/Sources differ/g)?.length ?? 0),
    );
  });

  it('GIVEN private:true THEN the answer is ephemeral', async () => {
    expect((await ask('/ask question:who plays ruth private:true')).replies[0]!.ephemeral).toBe(true);
  });

  it('GIVEN markdown, mentions and spoiler bars in the question THEN the echo is inert', async () => {
    const { content } = (
      await ask('/ask question:**who** is @everyone <@123456789012345678> ||ruth|| ```x```')
    ).replies[0]!;
    const firstLine = content.split('\n')[0]!;
    expect(firstLine).not.toMatch(/(?<!\\)\*\*who/);
    expect(firstLine).not.toContain('@everyone');
    expect(firstLine).not.toMatch(/(?<!\\)\|\|/);
    expect(firstLine).not.toMatch(/(?<!\\)```/);
  });

  it.each([
    ['/ask question:   ', /Ask a question/],
    ['/ask question:who plays ruth watched:sometime', /can't read "sometime"/],
    ['/ask question:who plays ruth watched:3h', /past the end/],
  ])('GIVEN bad input %s THEN a clear ephemeral error', async (line, message) => {
    const reply = (await ask(line)).replies[0]!;
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(message);
  });

  it('GIVEN a question over 300 characters THEN the console refuses it as Discord would', async () => {
    expect((await ask(`/ask question:${'why '.repeat(80)}`)).error).toMatch(/at most 300/);
  });

  it('GIVEN each fact asked its own way at every chapter end THEN no later fact shows outside spoiler bars', async () => {
    const { run } = await consoleSession();
    for (const chapter of pack.chapters)
      for (const fact of pack.facts.filter((_, i) => i % 3 === 0)) {
        const [step] = await run(`/ask question:${fact.ask[0]} watched:${chapter.id}`);
        const shown = visible(step!.replies[0]!.content.split('\n').slice(1).join('\n'));
        for (const later of pack.facts.filter((f) => !isKnownAt(f, chapter.end)))
          expect(shown, `${fact.ask[0]} @${chapter.id}`).not.toContain(later.text);
      }
  });

  it('GIVEN any text at all THEN the reply fits Discord, pings nobody and never breaks out of spoilers', async () => {
    const { run } = await consoleSession();
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 100 }),
          fc.constantFrom('||', '@everyone', '```', '> quote', '# h'),
        ),
        fc.constantFrom('start', '0:20', 'cottages', 'end'),
        async (question, watched) => {
          const [step] = await run(`/ask question:"${question.replace(/\n/g, ' ')}" watched:${watched}`);
          if (step!.error) return; // refused as Discord would (empty after trimming, too long)
          answered += 1;
          const reply = step!.replies[0]!;
          expect(reply.content.length).toBeLessThanOrEqual(2000);
          expect((reply.content.match(/(?<!\\)\|\|/g) ?? []).length % 2).toBe(0);
          expect(reply.content).not.toMatch(/(?<!\u200b)@(everyone|here)/);
        },
      ),
      { numRuns: 150 },
    );
    expect(answered).toBeGreaterThan(50);
  });
});
