import { SlashCommandBuilder } from '@discordjs/builders';
import type { Command } from '../src/command/command.js';
import { UserError } from '../src/errors.js';
import { parsePosition } from '../src/position/parse.js';
import { describePosition } from '../src/position/position.js';
import { positionChoices } from '../src/progress/choices.js';
import { clearProgress, loadProgress, saveProgress } from '../src/progress/progress.js';
import { reply, strong, text } from '../src/reply/model.js';
import { relativeTime } from '../src/reply/syntax.js';

export default {
  data: new SlashCommandBuilder()
    .setName('progress')
    .setDescription('Remember how far you have watched, so other commands hide only what you have not seen')
    .addSubcommand((sub) =>
      sub
        .setName('set')
        .setDescription('Save how far you have watched')
        .addStringOption((option) =>
          option
            .setName('watched')
            .setDescription('How far you are: 45m, 1:05, a chapter name, start or end')
            .setRequired(true)
            .setMaxLength(100)
            .setAutocomplete(true),
        ),
    )
    .addSubcommand((sub) => sub.setName('show').setDescription('Show how far I think you have watched'))
    .addSubcommand((sub) => sub.setName('clear').setDescription('Forget how far you have watched')),

  async execute(ctx) {
    const pack = ctx.app.films.forGuild(ctx.actor.guildId);
    const { store, clock } = ctx.app;
    const film = pack.film.title;
    const runtime = pack.film.runtimeSeconds;
    switch (ctx.options.subcommand) {
      case 'set': {
        const position = parsePosition(ctx.options.requiredString('watched'), pack);
        await saveProgress(store, pack, ctx.actor.userId, position, clock.now());
        return reply(
          [
            [text(`Saved: you are at ${describePosition(position, runtime)} in ${film}.`)],
            [text('/ask, /recap and /character will hide only what comes after that.')],
          ],
          { ephemeral: true },
        );
      }
      case 'show': {
        const saved = await loadProgress(store, pack, ctx.actor.userId);
        if (!saved)
          return reply(
            [`You haven't saved how far you are in ${film}. Use /progress set watched:<position>.`],
            { ephemeral: true },
          );
        return reply(
          [
            [
              strong(film),
              text(`: you are at ${describePosition(saved.position, runtime)}, saved `),
              relativeTime(saved.savedAt),
              text('.'),
            ],
          ],
          { ephemeral: true },
        );
      }
      case 'clear': {
        const cleared = await clearProgress(store, pack, ctx.actor.userId);
        return reply(
          [
            cleared
              ? `Forgotten. Until you set it again, I'll treat you as not having started ${film}.`
              : `There was nothing saved for you in ${film}.`,
          ],
          { ephemeral: true },
        );
      }
      default:
        // Discord only sends the subcommands above; anything else is a stale or forged invocation.
        throw new UserError('Use /progress set, /progress show or /progress clear.');
    }
  },

  async autocomplete(ctx) {
    return positionChoices(ctx.app.films.forGuild(ctx.actor.guildId), ctx.options.string('watched') ?? '');
  },
} satisfies Command;
