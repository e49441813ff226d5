import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { escapeText, escapeUserText } from '../../src/reply/escape.js';
import { errorReply } from '../../src/reply/model.js';
import { renderReply } from '../../src/reply/render.js';

describe('escapeText', () => {
  it.each(['@everyone', '@here', '@EveryOne'])(
    "GIVEN the bot's own text quoting %s (an error repeating what was typed) THEN no client can show it as a ping",
    (mention) => {
      const { content } = renderReply(
        errorReply(new UserError(`I can't read "${mention}" as a point in the film.`).message),
      );
      expect(content).not.toMatch(/@(everyone|here)/i);
      expect(content).toContain(`@\u200b${mention.slice(1)}`);
    },
  );

  it('GIVEN text already escaped once THEN escaping again breaks nothing open', () => {
    const once = escapeText('||a|| @everyone <@1>');
    expect(escapeText(once)).not.toMatch(/(?<!\\)\|\|/);
  });
});

describe('escapeUserText', () => {
  it('GIVEN direction overrides typed into a question THEN they are dropped, so the echo reads as typed', () => {
    expect(escapeUserText('who \u202eplays\u202c ruth\u0085now')).toBe('who plays ruth now');
  });

  it('GIVEN a link typed into a question THEN the echo is not a live link Discord would preview', () => {
    const echoed = escapeUserText('see https://evil.example/x first');
    expect(echoed).not.toMatch(/https:\/\//);
    expect(echoed).toContain('https\u200b://evil.example/x');
  });
});
