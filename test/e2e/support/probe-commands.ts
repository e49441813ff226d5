import { setTimeout as sleep } from 'node:timers/promises';
import { SlashCommandBuilder } from '@discordjs/builders';
import type { Command } from '../../../src/command/command.js';
import { customId } from '../../../src/command/custom-id.js';
import { UserError } from '../../../src/errors.js';
import { reply, user } from '../../../src/reply/model.js';

/**
 * Commands that exist only for the end-to-end tests: one for each path the
 * router must take (autocomplete, buttons, nested options, a slow command, a
 * user error, a crash), so those paths are tested whatever the real registry holds.
 */
const NAMES = ['ruth', 'tommy', 'kathy', 'miss emily', 'madame'];

export const echo: Command = {
  data: new SlashCommandBuilder()
    .setName('echo')
    .setDescription('Says it back, with a button')
    .addStringOption((option) =>
      option
        .setName('text')
        .setDescription('What to say')
        .setRequired(true)
        .setAutocomplete(true)
        .setMaxLength(200),
    )
    .addIntegerOption((option) =>
      option.setName('times').setDescription('How often').setMinValue(1).setMaxValue(3),
    ),
  async execute(ctx) {
    const text = ctx.options.requiredString('text');
    const times = ctx.options.number('times') ?? 1;
    return reply([[user(Array.from({ length: times }, () => text).join(' '))]], {
      buttons: [{ customId: customId('echo', 'again', String(times)), label: 'Again', style: 'primary' }],
    });
  },
  async autocomplete(ctx) {
    const typed = (ctx.options.string('text') ?? '').toLowerCase();
    return NAMES.filter((name) => name.startsWith(typed)).map((name) => ({
      name: `Say "${name}"`,
      value: name,
    }));
  },
  async button(ctx) {
    return reply([`${ctx.actor.userName} pressed ${ctx.args.join(' ')}`], { ephemeral: true });
  },
};

/** Group, subcommand, user and channel options: checks Discord's nesting is flattened as the console does. */
export const settings: Command = {
  data: new SlashCommandBuilder()
    .setName('settings')
    .setDescription('Nested options')
    .addSubcommandGroup((group) =>
      group
        .setName('film')
        .setDescription('Film settings')
        .addSubcommand((sub) =>
          sub
            .setName('set')
            .setDescription('Set something')
            .addStringOption((option) => option.setName('title').setDescription('Title').setRequired(true))
            .addUserOption((option) => option.setName('who').setDescription('Who'))
            .addChannelOption((option) => option.setName('where').setDescription('Where'))
            .addBooleanOption((option) => option.setName('loud').setDescription('Loud?')),
        ),
    ),
  async execute(ctx) {
    const { subcommandGroup, subcommand, options } = ctx.invocation;
    return reply([`${subcommandGroup} ${subcommand} ${JSON.stringify(options)}`]);
  },
};

export const crash: Command = {
  data: new SlashCommandBuilder().setName('crash').setDescription('Fails with a bug'),
  async execute() {
    throw new Error('kaboom: the projector caught fire');
  },
};

export const refuse: Command = {
  data: new SlashCommandBuilder().setName('refuse').setDescription('Fails with a message for the user'),
  async execute() {
    throw new UserError('You cannot do that here.');
  },
};

export const slow: Command = {
  data: new SlashCommandBuilder()
    .setName('slow')
    .setDescription('Takes its time')
    .addBooleanOption((option) => option.setName('fail').setDescription('Refuse after thinking')),
  slow: true,
  async execute(ctx) {
    await sleep(30);
    if (ctx.options.boolean('fail')) throw new UserError('Thought about it: no.');
    return reply(['Done thinking.']);
  },
};

/** Waits until the test lets it go: an interaction kept in flight for exactly as long as a test needs. */
const gates: (() => void)[] = [];
export const releaseHeld = () => gates.splice(0).forEach((open) => open());
export const hold: Command = {
  data: new SlashCommandBuilder().setName('hold').setDescription('Waits until released'),
  slow: true,
  async execute() {
    await new Promise<void>((open) => gates.push(open));
    return reply(['Released.']);
  },
};

export const PROBES: readonly Command[] = [echo, settings, crash, refuse, slow, hold];
