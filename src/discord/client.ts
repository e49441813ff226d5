import { Client, GatewayIntentBits, Options, type ClientOptions } from 'discord.js';

/** What a caller may change: tests pass a fake Discord's REST base, a no-wait identify throttler, short timeouts. */
export type ClientOverrides = Partial<Omit<ClientOptions, 'intents' | 'rest' | 'ws'>> & {
  rest?: ClientOptions['rest'];
  ws?: ClientOptions['ws'];
};

/**
 * Only the Guilds intent: slash commands, buttons and autocomplete arrive as
 * interactions, so the bot never needs message content or member lists.
 * Caches keep what interactions and channel posts read (guilds, channels,
 * roles, the bot's own user and member) and nothing that grows with traffic:
 * members, users, messages and presences are built per interaction and dropped,
 * so memory stays flat however many guilds and interactions there are.
 */
export const createClient = (apiUrl: string, overrides: ClientOverrides = {}): Client => {
  const { rest, ws, ...others } = overrides;
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user?.id },
      PresenceManager: 0,
      VoiceStateManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildInviteManager: 0,
      GuildBanManager: 0,
      ThreadMemberManager: 0,
      StageInstanceManager: 0,
      AutoModerationRuleManager: 0,
      ApplicationCommandManager: 0,
      EntitlementManager: 0,
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      threads: { interval: 3600, lifetime: 3600 },
    },
    // DISCORD_API_URL: Discord itself, or a shared rate-limit proxy in front of it.
    rest: { api: apiUrl, ...rest },
    ...(ws ? { ws } : {}),
    ...others,
  });
};
