import { SlashCommandBuilder } from '@discordjs/builders';
import type { Command } from '../src/command/command.js';
import { acceptedForms } from '../src/position/parse.js';
import { reply, strong, text } from '../src/reply/model.js';

export default {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('What this bot can do, and how to say where you are in the film'),
  async execute(ctx) {
    const pack = ctx.app.films.forGuild(ctx.actor.guildId);
    return reply(
      [
        [strong(`Film club companion for ${pack.film.title} (${pack.film.year})`)],
        ...ctx.registry.map((command) => [
          strong(`/${command.data.name}`),
          text(` ${command.data.toJSON().description}`),
        ]),
        [],
        [strong('Positions'), text(`: wherever a command asks how far you are, use ${acceptedForms(pack)}.`)],
        [text('Anything past your position is hidden behind spoiler bars.')],
      ],
      { ephemeral: true },
    );
  },
} satisfies Command;
