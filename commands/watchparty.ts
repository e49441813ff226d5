import { SlashCommandBuilder } from '@discordjs/builders';
import { ChannelType } from 'discord-api-types/v10';
import type { Command } from '../src/command/command.js';
import type { ButtonContext, CommandContext } from '../src/command/context.js';
import { STALE_BUTTON } from '../src/command/run.js';
import { UserError } from '../src/errors.js';
import * as replies from '../src/party/replies.js';
import { suggestZones } from '../src/party/timezone.js';
import { WHEN_FORMS } from '../src/party/when.js';
import { parsePosition } from '../src/position/parse.js';
import { errorReply, type Reply } from '../src/reply/model.js';

const subcommands: Record<string, (ctx: CommandContext) => Promise<Reply>> = {
  async start({ app, actor, options }) {
    const role = options.id('ping');
    const channel = options.id('channel');
    // Posting (and pinging) somewhere else is an organiser's call, not any member's.
    if (channel !== undefined && channel !== actor.channelId && !actor.canManageEvents)
      throw new UserError('Starting a party in another channel takes the Manage Events permission.');
    const when = options.string('starts');
    const outcome = await app.watchParties.start({
      actor,
      channelId: channel ?? actor.channelId,
      event: options.boolean('event') ?? true,
      ...(when !== undefined ? { when } : {}),
      ...(role !== undefined ? { roleId: role } : {}),
    });
    return replies.startReply(outcome);
  },
  async pause({ app, actor }) {
    return replies.pauseReply(await app.watchParties.pause(actor), actor.userId);
  },
  async resume({ app, actor }) {
    return replies.resumeReply(await app.watchParties.resume(actor));
  },
  async sync({ app, actor, options }) {
    const pack = app.films.forGuild(actor.guildId);
    const position = parsePosition(options.requiredString('position'), pack, { chapter: 'start' });
    return replies.syncReply(await app.watchParties.sync(actor, position.seconds));
  },
  async stop({ app, actor }) {
    return replies.stopReply(await app.watchParties.stop(actor));
  },
  async status({ app, actor }) {
    const view = await app.watchParties.status(actor);
    return replies.statusReply(view, await app.watchParties.timezone(actor.guildId), app.clock.now());
  },
  async timezone({ app, actor, options }) {
    const zone = await app.watchParties.setTimezone(actor, options.requiredString('zone'));
    return replies.timezoneReply(zone, app.clock.now());
  },
};

const buttons: Record<string, (ctx: ButtonContext, partyId: string) => Promise<Reply>> = {
  async remind({ app, actor }, partyId) {
    return replies.reminderReply(await app.watchParties.toggleReminder(partyId, actor.userId, actor.guildId));
  },
  async catchup({ app, actor }, partyId) {
    const view = app.watchParties.byPartyId(partyId, actor.guildId);
    return view ? replies.catchUpReply(view) : replies.reminderReply('gone');
  },
  async where({ app, actor }, partyId) {
    const view = app.watchParties.byPartyId(partyId, actor.guildId);
    return view ? replies.whereReply(view) : replies.reminderReply('gone');
  },
};

export default {
  data: new SlashCommandBuilder()
    .setName('watchparty')
    .setDescription('Watch together: a scheduled party with checkpoint prompts posted during the film')
    .addSubcommand((sub) =>
      sub
        .setName('start')
        .setDescription('Schedule a watch party (one per channel)')
        .addStringOption((option) =>
          option
            .setName('starts')
            .setDescription(
              'When, in the server timezone: now, in 10m, 20:30, tomorrow 8pm, <t:…> (default now)',
            )
            .setMaxLength(100),
        )
        .addChannelOption((option) =>
          option
            .setName('channel')
            .setDescription('Where to hold it (default: this channel)')
            .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
        )
        .addRoleOption((option) => option.setName('ping').setDescription('A role to mention when it starts'))
        .addBooleanOption((option) =>
          option.setName('event').setDescription('Also create a server event for it (default: yes)'),
        ),
    )
    .addSubcommand((sub) => sub.setName('pause').setDescription('Pause the party: the film clock stops'))
    .addSubcommand((sub) => sub.setName('resume').setDescription('Resume a paused party'))
    .addSubcommand((sub) =>
      sub
        .setName('sync')
        .setDescription('Say where the club really is in the film')
        .addStringOption((option) =>
          option
            .setName('position')
            .setDescription('Where you are: 45m, 1:05, a chapter name, start or end')
            .setRequired(true)
            .setMaxLength(100),
        ),
    )
    .addSubcommand((sub) => sub.setName('stop').setDescription('End the party; no more posts'))
    .addSubcommand((sub) =>
      sub
        .setName('status')
        .setDescription('Where the party is, whether it is paused, and the next checkpoint'),
    )
    .addSubcommand((sub) =>
      sub
        .setName('timezone')
        .setDescription("Set the server's timezone, for reading start times")
        .addStringOption((option) =>
          option
            .setName('zone')
            .setDescription('An IANA timezone such as Europe/London')
            .setRequired(true)
            .setAutocomplete(true)
            .setMaxLength(100),
        ),
    ),
  async execute(ctx) {
    const name = ctx.options.subcommand ?? '';
    // Own keys only: "constructor" or "__proto__" must not reach Object.prototype.
    const run = Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
    if (!run)
      throw new UserError(`Use one of: ${Object.keys(subcommands).join(', ')}. Start times: ${WHEN_FORMS}.`);
    return run(ctx);
  },
  async autocomplete(ctx) {
    if (ctx.invocation.focused !== 'zone') return [];
    return suggestZones(ctx.options.string('zone') ?? '').map((zone) => ({ name: zone, value: zone }));
  },
  async button(ctx) {
    const [action = '', partyId = ''] = ctx.args;
    const handle = Object.hasOwn(buttons, action) ? buttons[action] : undefined;
    return handle ? handle(ctx, partyId) : errorReply(STALE_BUTTON);
  },
  // Starting or changing a party reads the channel, writes the store and edits an event:
  // it can outlast Discord's three seconds, and a lost "press play" reply would lose its pings.
  slow: true,
} satisfies Command;
