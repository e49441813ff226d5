import { expect } from 'vitest';
import { parseCustomId } from '../../src/command/custom-id.js';
import { LIMITS } from '../../src/reply/limits.js';
import type { RenderedMessage } from '../../src/reply/render.js';

/** Text with every backslash-escaped character blanked, so only what Discord would parse is left. */
export const unescaped = (text: string): string => {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      out += '\u0000\u0000';
      i++;
    } else out += text[i];
  }
  return out;
};

/** What a message may mention: the ids the bot was given or works with, never ids out of user text. */
export interface Known {
  readonly users: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
  readonly channels: ReadonlySet<string>;
  /** The guild id, which is also the @everyone role: never pinged. */
  readonly guildId: string;
}

const textsOf = (message: RenderedMessage): [string, string][] => [
  ['content', message.content],
  ...message.embeds.flatMap((embed, e): [string, string][] => [
    [`embeds[${e}].title`, embed.title ?? ''],
    [`embeds[${e}].description`, embed.description ?? ''],
    [`embeds[${e}].footer`, embed.footer?.text ?? ''],
    ...(embed.fields ?? []).flatMap((field, f): [string, string][] => [
      [`embeds[${e}].fields[${f}].name`, field.name],
      [`embeds[${e}].fields[${f}].value`, field.value],
    ]),
  ]),
];

/** Discord's limits: what it would refuse outright. */
export const expectWithinLimits = (message: RenderedMessage): void => {
  expect(message.content.length + message.embeds.length, 'an empty message').toBeGreaterThan(0);
  expect(message.content.length).toBeLessThanOrEqual(LIMITS.content);
  expect(message.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  let total = 0;
  for (const embed of message.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(LIMITS.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    total +=
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.footer?.text.length ?? 0) +
      (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
  expect(message.components.length).toBeLessThanOrEqual(LIMITS.rows);
  for (const row of message.components) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const button of row.components) {
      expect(button.label.length).toBeGreaterThan(0);
      expect(button.label.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
      expect(button.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
      expect(parseCustomId(button.custom_id), `button ${button.custom_id} must parse back`).not.toBeNull();
    }
  }
};

/**
 * Nothing pings unless named, and user text never escapes: spoiler bars pair
 * up, no code fence or mass mention is live, every live mention is of an id the
 * bot knows, and no hostile text comes back as typed.
 */
export const expectSafe = (message: RenderedMessage, known: Known, hostile: readonly string[] = []): void => {
  expect(message.allowedMentions.parse).toEqual([]);
  // A ping is allowed only for someone the message itself names, in live text.
  const named = unescaped(message.content);
  for (const id of message.allowedMentions.users ?? []) {
    expect(known.users.has(id), `pings user ${id}`).toBe(true);
    expect(named, `allows a ping of user ${id} without naming them`).toMatch(new RegExp(`<@!?${id}>`));
  }
  for (const id of message.allowedMentions.roles ?? []) {
    expect(known.roles.has(id), `pings role ${id}`).toBe(true);
    expect(id, 'pings @everyone').not.toBe(known.guildId);
    expect(named, `allows a ping of role ${id} without naming it`).toContain(`<@&${id}>`);
  }
  for (const [where, text] of textsOf(message)) {
    const live = unescaped(text);
    expect(
      (live.match(/\|\|/g) ?? []).length % 2,
      `${where}: an odd number of || in ${JSON.stringify(text)}`,
    ).toBe(0);
    expect(live, `${where}: a live code fence`).not.toContain('```');
    expect(live, `${where}: a live mass mention`).not.toMatch(/@(everyone|here)/i);
    for (const [, kind, id] of live.matchAll(/<(@!?|@&|#)(\d+)>/g)) {
      const ids = kind === '#' ? known.channels : kind === '@&' ? known.roles : known.users;
      expect(ids.has(id!), `${where}: a live mention <${kind}${id}> of an id from user text`).toBe(true);
    }
    for (const typed of hostile)
      if (typed.length >= 8 && /[\\*_~`|[\]<]/.test(typed))
        expect(
          live.includes(typed),
          `${where}: user text came back unescaped: ${JSON.stringify(typed)}`,
        ).toBe(false);
  }
};
