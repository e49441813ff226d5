import { SlashCommandBuilder } from '@discordjs/builders';
import type { Command } from '../src/command/command.js';
import type { CommandContext } from '../src/command/context.js';
import { UserError } from '../src/errors.js';
import { acceptedForms, parsePosition } from '../src/position/parse.js';
import type { Position } from '../src/position/position.js';
import { positionChoices } from '../src/progress/choices.js';
import { partyPosition, savedPosition } from '../src/progress/position-for.js';
import { recapReply, type RecapLength } from '../src/recap/recap.js';
import { StoreUnavailableError } from '../src/store/store.js';
import type { Pack } from '../src/story/pack.js';

/**
 * Up to where: what was typed, else where this channel's watch party is (a
 * recap in the channel catches everyone up together), else the asker's saved
 * progress. With none of those, it asks rather than guessing.
 */
const untilFor = async (ctx: CommandContext, pack: Pack, party: Position | undefined): Promise<Position> => {
  const typed = ctx.options.string('until');
  if (typed !== undefined) return parsePosition(typed, pack);
  if (party) return party;
  // A recap needs no store once it knows where to stop: without one, it asks for until: instead.
  const saved = await savedPosition(ctx, pack).catch((error: unknown) => {
    if (!(error instanceof StoreUnavailableError)) throw error;
    throw new UserError(
      `I can't read your saved progress right now. Add until: with ${acceptedForms(pack)}, or try again in a minute.`,
    );
  });
  if (saved) return saved;
  throw new UserError(
    `Recap up to where? Add until: with ${acceptedForms(pack)}. Or save your place once with /progress set watched:<position> and /recap will use it.`,
  );
};

export default {
  data: new SlashCommandBuilder()
    .setName('recap')
    .setDescription('The story so far, up to where you are, with nothing from later on')
    .addStringOption((option) =>
      option
        .setName('until')
        .setDescription('Up to where: 45m, 1:05, a chapter name or end (default: your saved progress)')
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .addStringOption((option) =>
      option
        .setName('length')
        .setDescription('short (one message, the key scenes) or full (every scene, by chapter)')
        .addChoices({ name: 'short', value: 'short' }, { name: 'full', value: 'full' }),
    )
    .addBooleanOption((option) =>
      option
        .setName('private')
        .setDescription('Only you see it (default: yes, unless it stops at the watch party here)'),
    ),
  cooldown: 'COOLDOWN_RECAP_SECONDS',

  async execute(ctx) {
    const pack = ctx.app.films.forGuild(ctx.actor.guildId);
    const party = await partyPosition(ctx);
    const until = await untilFor(ctx, pack, party);
    const length: RecapLength = ctx.options.string('length') === 'full' ? 'full' : 'short';
    const recap = recapReply(pack, until, { length, ...(party ? { partySeconds: party.seconds } : {}) });
    // Posting for the channel is harmless only when it tells the channel nothing it has not seen together.
    const harmless = party !== undefined && until.seconds <= party.seconds;
    const ephemeral = recap.ephemeral || (ctx.options.boolean('private') ?? !harmless);
    return { ...recap, ephemeral };
  },

  async autocomplete(ctx) {
    return positionChoices(ctx.app.films.forGuild(ctx.actor.guildId), ctx.options.string('until') ?? '');
  },
} satisfies Command;
