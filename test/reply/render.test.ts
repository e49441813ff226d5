import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/reply/limits.js';
import { reply, spoiler, strong, text, user } from '../../src/reply/model.js';
import { renderLines, renderReply } from '../../src/reply/render.js';

/** The text outside spoiler bars, i.e. what Discord shows without a click. */
const visible = (content: string) => content.replace(/\|\|[\s\S]*?\|\|/g, '');

describe('renderReply', () => {
  it('GIVEN any reply THEN nobody can be pinged unless named', () => {
    expect(renderReply(reply(['hi'])).allowedMentions).toEqual({ parse: [] });
    expect(
      renderReply(reply(['hi'], { mentions: { users: ['123456789012345678'] } })).allowedMentions,
    ).toEqual({
      parse: [],
      users: ['123456789012345678'],
    });
  });

  it('GIVEN user text with markdown, mentions and spoiler bars THEN it is shown literally', () => {
    const { content } = renderReply(
      reply([[text('You asked: '), user('**hi** ||x|| @everyone <@123456789012345678>\n# head')]]),
    );
    expect(content).not.toContain('**hi**');
    expect(content).not.toMatch(/(?<!\\)\|\|/);
    expect(content).not.toContain('@everyone');
    expect(content).not.toMatch(/(?<!\\)<@/);
    expect(content).not.toContain('\n');
  });

  it('GIVEN a spoiler whose text contains bars THEN it cannot close early', () => {
    const { content } = renderReply(reply([[text('Later: '), spoiler('Ruth || dies')]]));
    expect(visible(content)).toBe('Later: ');
  });

  it('GIVEN strong text THEN it is bold and its own markdown escaped', () => {
    expect(renderReply(reply([[strong('A*B')]])).content).toBe('**A\\*B**');
  });

  it('GIVEN too much content THEN it is cut at a span and marked, never inside a spoiler', () => {
    const lines = Array.from({ length: 60 }, (_, i) => [
      text(`Line ${i} `.padEnd(30, '.')),
      spoiler('hidden '.repeat(3)),
    ]);
    const content = renderLines(lines, LIMITS.content);
    expect(content.length).toBeLessThanOrEqual(LIMITS.content);
    expect(content.endsWith('…')).toBe(true);
    expect((content.match(/\|\|/g) ?? []).length % 2).toBe(0);
  });

  it('GIVEN one enormous text span THEN it is shortened to fit', () => {
    const content = renderLines([[text('a'.repeat(5000))]], 2000);
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content.endsWith('…')).toBe(true);
  });

  it('GIVEN embeds and buttons THEN they respect Discord limits', () => {
    const message = renderReply(
      reply([], {
        embeds: Array.from({ length: 12 }, (_, i) => ({
          title: `T${i}`.repeat(200),
          description: [[text('d'.repeat(5000))]],
        })),
        buttons: Array.from({ length: 7 }, (_, i) => ({ customId: `x:v1:${i}`, label: `B${i}` })),
      }),
    );
    // 12 asked for: at most 10 kept, and here the 6000-character total is what stops them.
    expect(message.embeds.length).toBeGreaterThan(0);
    expect(message.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
    const total = message.embeds.reduce(
      (sum, e) => sum + (e.title?.length ?? 0) + (e.description?.length ?? 0),
      0,
    );
    expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
    for (const embed of message.embeds) expect(embed.title!.length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(message.components.map((row) => row.components.length)).toEqual([5, 2]);
  });

  it('GIVEN more small embeds than Discord allows THEN exactly the first ten are kept', () => {
    const message = renderReply(
      reply([], {
        embeds: Array.from({ length: 12 }, (_, i) => ({ title: `T${i}`, description: [[text('d')]] })),
      }),
    );
    expect(message.embeds.map((e) => e.title)).toEqual(
      Array.from({ length: LIMITS.embeds }, (_, i) => `T${i}`),
    );
  });
});
