import { SlashCommandBuilder } from '@discordjs/builders';
import { findCharacter } from '../src/character/find.js';
import { suggest } from '../src/character/names.js';
import { characterProfile } from '../src/character/profile.js';
import type { Command } from '../src/command/command.js';
import type { CommandContext } from '../src/command/context.js';
import { positionChoices } from '../src/progress/choices.js';
import { partyPosition, positionFor, type ResolvedPosition } from '../src/progress/position-for.js';
import type { Pack } from '../src/story/pack.js';

/**
 * The position suggestions are filtered by. Typing must never fail, so a
 * half-typed watched: or a store that is down falls back to the start, which
 * shows the least.
 */
const suggestionPosition = async (ctx: CommandContext, pack: Pack): Promise<ResolvedPosition> => {
  for (const typed of [ctx.options.string('watched'), undefined]) {
    try {
      return await positionFor(ctx, pack, typed);
    } catch {
      // try the next, then the start
    }
  }
  return { position: { seconds: 0 }, source: 'default' };
};

export default {
  data: new SlashCommandBuilder()
    .setName('character')
    .setDescription('Who someone is and who plays them; anything past where you are is hidden')
    .addStringOption((option) =>
      option
        .setName('name')
        .setDescription('A character, e.g. Ruth or Miss Emily')
        .setRequired(true)
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .addStringOption((option) =>
      option
        .setName('watched')
        .setDescription('How far you are: 45m, 1:05, a chapter name, start or end (default: your progress)')
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .addBooleanOption((option) =>
      option
        .setName('private')
        .setDescription('Only you see it (default: yes, as it is told from where you are)'),
    ),

  async execute(ctx) {
    const pack = ctx.app.films.forGuild(ctx.actor.guildId);
    const asked = await positionFor(ctx, pack, ctx.options.string('watched'));
    // What is plain text for the asker may be news to the channel, so it stays with them unless
    // they share it; shared in a room watching together that is behind them, it is told from there.
    const isPrivate = ctx.options.boolean('private') ?? true;
    const party = isPrivate ? undefined : await partyPosition(ctx);
    const at: ResolvedPosition =
      party && party.seconds < asked.position.seconds ? { position: party, source: 'party' } : asked;
    const character = findCharacter(pack, ctx.options.requiredString('name'), at.position.seconds);
    return { ...characterProfile(pack, character, at), ephemeral: isPrivate };
  },

  async autocomplete(ctx) {
    const pack = ctx.app.films.forGuild(ctx.actor.guildId);
    if (ctx.invocation.focused === 'watched')
      return positionChoices(pack, ctx.options.string('watched') ?? '');
    const { position } = await suggestionPosition(ctx, pack);
    return suggest(pack, position.seconds, ctx.options.string('name') ?? '').map((label) => ({
      name: label.text.slice(0, 100),
      value: label.character.name,
    }));
  },
} satisfies Command;
