import { SlashCommandBuilder } from '@discordjs/builders';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/command/command.js';
import { parseInvocation } from '../../src/console/options.js';
import { reply } from '../../src/reply/model.js';

const probe: Command = {
  data: new SlashCommandBuilder()
    .setName('probe')
    .setDescription('test command')
    .addSubcommand((sub) =>
      sub
        .setName('ask')
        .setDescription('ask')
        .addStringOption((o) => o.setName('question').setDescription('q').setRequired(true).setMaxLength(300))
        .addStringOption((o) => o.setName('watched').setDescription('w'))
        .addBooleanOption((o) => o.setName('private').setDescription('p'))
        .addIntegerOption((o) => o.setName('count').setDescription('c').setMinValue(1).setMaxValue(5))
        .addChannelOption((o) => o.setName('channel').setDescription('c')),
    )
    .addSubcommand((sub) =>
      sub
        .setName('pick')
        .setDescription('pick')
        .addStringOption((o) =>
          o
            .setName('length')
            .setDescription('l')
            .addChoices({ name: 'short', value: 'short' }, { name: 'full', value: 'full' }),
        ),
    ),
  execute: async () => reply(['ok']),
};

describe('parseInvocation', () => {
  it('GIVEN options THEN each value runs to the next known option', () => {
    expect(
      parseInvocation('/probe ask question:who is ruth: really watched:0:45 private:true', [probe]),
    ).toEqual({
      commandName: 'probe',
      subcommand: 'ask',
      options: { question: 'who is ruth: really', watched: '0:45', private: true },
    });
  });

  it('GIVEN quotes THEN they are stripped and may hold option-like text', () => {
    expect(parseInvocation('/probe ask question:"a b" count:3', [probe]).options).toEqual({
      question: 'a b',
      count: 3,
    });
  });

  it('GIVEN mentions for ids THEN the id is taken', () => {
    expect(
      parseInvocation('/probe ask question:x channel:<#200000000000000009>', [probe]).options.channel,
    ).toBe('200000000000000009');
  });

  it.each([
    ['/nothing', /unknown command/],
    ['probe ask', /starts with \//],
    ['/probe', /needs a subcommand: ask, pick/],
    ['/probe fly', /not "fly"/],
    ['/probe ask', /missing required option\(s\): question/],
    ['/probe ask question:x count:9', /at most 5/],
    ['/probe ask question:x count:two', /not a whole number/],
    ['/probe ask question:x private:maybe', /not true or false/],
    ['/probe ask question:x channel:general', /not a channel id/],
    ['/probe ask question:' + 'x'.repeat(301), /at most 300/],
    ['/probe pick length:medium', /one of short, full/],
    ['/probe ask hello question:x', /expected options/],
    ['/probe ask question:x question:y', /given twice/],
  ])('GIVEN %s THEN Discord-like rejection %s', (line, message) => {
    expect(() => parseInvocation(line, [probe])).toThrow(message);
  });
});
