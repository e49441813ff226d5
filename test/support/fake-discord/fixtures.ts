import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  OverwriteType,
  PermissionFlagsBits as P,
  type APIGuildMember,
  type APIGuildVoiceChannel,
  type APITextChannel,
  type APIRole,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  GuildMemberFlags,
  RoleFlags,
} from 'discord-api-types/v10';
import { IDS } from './ids.js';

const JOINED_AT = '2025-09-01T18:00:00.000Z';

const user = (id: string, username: string, bot = false): APIUser => ({
  id,
  username,
  global_name: bot ? null : username,
  discriminator: '0',
  avatar: null,
  ...(bot ? { bot: true } : {}),
});

export const USERS = {
  bot: user(IDS.application, 'Film Club Companion', true),
  /** Named as the console's default actor, so replies that name the asker read the same. */
  organiser: user(IDS.organiser, 'console'),
  viewer: user(IDS.viewer, 'viewer'),
} as const;

const role = (id: string, name: string, permissions: bigint, position: number, managed = false): APIRole => ({
  id,
  name,
  color: 0,
  colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
  hoist: false,
  icon: null,
  unicode_emoji: null,
  position,
  permissions: permissions.toString(),
  managed,
  mentionable: false,
  flags: 0 as RoleFlags,
  ...(managed ? { tags: { bot_id: IDS.application } } : {}),
});

const EVERYONE = P.ViewChannel | P.SendMessages | P.ReadMessageHistory | P.UseApplicationCommands;
/** What the README's invite link grants the bot. */
export const BOT_PERMISSIONS = P.ViewChannel | P.SendMessages | P.EmbedLinks | P.ManageEvents;

export const ROLES: readonly APIRole[] = [
  role(IDS.guild, '@everyone', EVERYONE, 0),
  role(IDS.organisersRole, 'Organisers', P.ManageEvents, 1),
  role(IDS.botRole, 'Film Club Companion', BOT_PERMISSIONS, 2, true),
];

export type GuildChannel = APITextChannel | APIGuildVoiceChannel;

const channel = (
  id: string,
  name: string,
  type: ChannelType.GuildText | ChannelType.GuildVoice,
  position: number,
  overwrites: GuildChannel['permission_overwrites'] = [],
): GuildChannel =>
  ({
    id,
    type,
    name,
    position,
    guild_id: IDS.guild,
    parent_id: null,
    nsfw: false,
    permission_overwrites: overwrites,
    flags: 0,
    ...(type === ChannelType.GuildText
      ? { topic: null, last_message_id: null, rate_limit_per_user: 0 }
      : { bitrate: 64000, user_limit: 0, rtc_region: null }),
  }) as unknown as GuildChannel;

export const CHANNELS: readonly GuildChannel[] = [
  channel(IDS.general, 'film-club', ChannelType.GuildText, 0),
  channel(IDS.readOnly, 'announcements', ChannelType.GuildText, 1, [
    { id: IDS.botRole, type: OverwriteType.Role, allow: '0', deny: P.SendMessages.toString() },
  ]),
  channel(IDS.screening, 'screening-room', ChannelType.GuildVoice, 2),
];

/**
 * More text channels like #film-club (same permissions) in the fixture guild,
 * for benchmarks that need many, one watch party each. Call it before the bot
 * connects, so they are in GUILD_CREATE; they stay for the rest of the process.
 * Tests don't use it: without a call the guild is exactly the one above.
 */
export const addTextChannels = (ids: readonly string[]): void => {
  const all = CHANNELS as GuildChannel[];
  const known = new Set(all.map((existing) => existing.id));
  for (const id of ids)
    if (!known.has(id)) {
      known.add(id);
      all.push(channel(id, `party-${all.length}`, ChannelType.GuildText, all.length));
    }
};

export interface MemberFixture {
  readonly user: APIUser;
  readonly roles: readonly string[];
}

export const MEMBERS: readonly MemberFixture[] = [
  { user: USERS.bot, roles: [IDS.botRole] },
  { user: USERS.organiser, roles: [IDS.organisersRole] },
  { user: USERS.viewer, roles: [] },
];

export const memberPayload = (member: MemberFixture): APIGuildMember => ({
  user: member.user,
  nick: null,
  avatar: null,
  banner: null,
  roles: [...member.roles],
  joined_at: JOINED_AT,
  premium_since: null,
  deaf: false,
  mute: false,
  flags: 0 as GuildMemberFlags,
  pending: false,
});

/** GUILD_CREATE as the gateway sends it to a bot with only the Guilds intent. */
export const guildCreate = (): GatewayGuildCreateDispatchData => ({
  id: IDS.guild,
  name: 'Film Club',
  icon: null,
  splash: null,
  discovery_splash: null,
  banner: null,
  description: null,
  owner_id: IDS.organiser,
  region: 'europe',
  afk_channel_id: null,
  afk_timeout: 300,
  verification_level: GuildVerificationLevel.Low,
  default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
  explicit_content_filter: GuildExplicitContentFilter.AllMembers,
  roles: [...ROLES],
  emojis: [],
  stickers: [],
  features: [],
  mfa_level: GuildMFALevel.None,
  application_id: null,
  system_channel_id: IDS.general,
  system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
  rules_channel_id: null,
  vanity_url_code: null,
  premium_tier: GuildPremiumTier.None,
  premium_subscription_count: 0,
  preferred_locale: Locale.EnglishGB,
  public_updates_channel_id: null,
  nsfw_level: GuildNSFWLevel.Default,
  premium_progress_bar_enabled: false,
  safety_alerts_channel_id: null,
  hub_type: null,
  incidents_data: null,
  joined_at: JOINED_AT,
  large: false,
  unavailable: false,
  member_count: MEMBERS.length,
  voice_states: [],
  // Only the bot's own member: without the GuildMembers intent Discord sends no one else.
  members: [memberPayload(MEMBERS[0]!)],
  channels: CHANNELS.map(
    ({ guild_id: _guildId, ...rest }) => rest,
  ) as GatewayGuildCreateDispatchData['channels'],
  threads: [],
  presences: [],
  stage_instances: [],
  guild_scheduled_events: [],
  soundboard_sounds: [],
});
