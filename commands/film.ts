import { SlashCommandBuilder } from '@discordjs/builders';
import type { Command } from '../src/command/command.js';
import { filmCard } from '../src/film/card.js';

export default {
  data: new SlashCommandBuilder()
    .setName('film')
    .setDescription('About the film: cast, crew, runtime and chapters, with nothing spoiled'),
  async execute(ctx) {
    return filmCard(ctx.app.films.forGuild(ctx.actor.guildId));
  },
} satisfies Command;
