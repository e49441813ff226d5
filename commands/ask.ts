import { SlashCommandBuilder } from '@discordjs/builders';
import { composeAnswer } from '../src/answer/compose.js';
import type { Command } from '../src/command/command.js';
import { UserError } from '../src/errors.js';
import { positionChoices } from '../src/progress/choices.js';
import { partyPosition, positionFor } from '../src/progress/position-for.js';

export const MAX_QUESTION = 300;

export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask about the plot; anything past where you are is hidden behind spoiler bars')
    .addStringOption((option) =>
      option
        .setName('question')
        .setDescription('Your question, e.g. "why was Miss Lucy dismissed?"')
        .setRequired(true)
        .setMaxLength(MAX_QUESTION),
    )
    .addStringOption((option) =>
      option
        .setName('watched')
        .setDescription('How far you are: 45m, 1:05, a chapter name, start or end')
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .addBooleanOption((option) => option.setName('private').setDescription('Only you see the answer')),
  cooldown: 'COOLDOWN_ASK_SECONDS',
  async execute(ctx) {
    const question = ctx.options.requiredString('question');
    if (question.trim() === '') throw new UserError('Ask a question, for example: who plays Ruth?');
    if (question.length > MAX_QUESTION)
      throw new UserError(`Questions can be up to ${MAX_QUESTION} characters; yours has ${question.length}.`);
    const pack = ctx.app.films.forGuild(ctx.actor.guildId);
    const { position, source } = await positionFor(ctx, pack, ctx.options.string('watched'));
    const isPrivate = ctx.options.boolean('private') ?? false;
    // A public answer must not spoil a room that is watching together and is behind the asker:
    // the engine's own plain text (suggestions, reasons) is chosen for the room's position.
    const party = isPrivate ? undefined : await partyPosition(ctx);
    const answer = ctx.app
      .answers(pack)
      .answer(question, Math.min(position.seconds, party?.seconds ?? Infinity));
    const composed = composeAnswer(question, answer, pack, {
      position,
      source,
      ...(party ? { partySeconds: party.seconds } : {}),
    });
    return isPrivate ? { ...composed, ephemeral: true } : composed;
  },
  async autocomplete(ctx) {
    return positionChoices(ctx.app.films.forGuild(ctx.actor.guildId), ctx.options.string('watched') ?? '');
  },
} satisfies Command;
