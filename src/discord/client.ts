import { Client, GatewayIntentBits, Options, type ClientOptions } from 'discord.js';

/**
 * Only the Guilds intent: slash commands, buttons and autocomplete arrive as
 * interactions, so the bot never needs message content or member lists. Caches
 * are trimmed to what interactions and channel posts use, keeping memory flat.
 */
export const createClient = (apiUrl: string, overrides: Partial<ClientOptions> = {}): Client =>
  new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: { api: apiUrl },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      ReactionManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
      UserManager: 0,
      PresenceManager: 0,
      VoiceStateManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildInviteManager: 0,
      ThreadMemberManager: 0,
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      threads: { interval: 3600, lifetime: 3600 },
    },
    ...overrides,
  });
