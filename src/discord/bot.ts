import { once } from 'node:events';
import { Events, RESTEvents, type Client } from 'discord.js';
import { closeApp } from '../app/create.js';
import type { AppServices } from '../app/services.js';
import type { Command } from '../command/command.js';
import { createClient, type ClientOverrides } from './client.js';
import { createDiscordPartyOutbox } from './party-outbox.js';
import { createRouter } from './router.js';

export interface RunningBot {
  readonly client: Client;
  /** Resolves when the client has its guilds and is answering (clientReady). */
  readonly ready: Promise<void>;
  /** Stop taking interactions, finish those in flight, close the store, leave the gateway. */
  stop(): Promise<void>;
}

/** What the client reports about its connection and REST traffic, as structured logs. */
const logConnection = (client: Client, logger: AppServices['logger']) => {
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
  client.on(Events.ShardError, (error, shardId) =>
    logger.warn({ err: error, shardId }, 'gateway connection error'),
  );
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) =>
    logger.info({ shardId, replayed }, 'gateway session resumed'),
  );
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.error({ shardId, code: event.code }, 'gateway disconnected for good'),
  );
  // The REST client retries 429s (after retry-after) and 5xx (up to `rest.retries`) by itself; these say it happened.
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status === 429)
      logger.warn(
        {
          route: request.route,
          method: request.method,
          retryAfterMs: Number(response.headers.get('retry-after') ?? 0) * 1000,
          scope: response.headers.get('x-ratelimit-scope'),
        },
        'rate limited by Discord; retrying after the wait',
      );
    else if (response.status >= 500)
      logger.warn(
        { route: request.route, method: request.method, status: response.status, retries: request.retries },
        'Discord answered with a server error',
      );
  });
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.debug(
      { route: info.route, method: info.method, waitMs: info.timeToReset, global: info.global },
      'waiting out a rate limit',
    ),
  );
};

export const startBot = async (
  app: AppServices,
  registry: readonly Command[],
  token: string,
  clientOptions: ClientOverrides = {},
): Promise<RunningBot> => {
  const client = createClient(app.config.DISCORD_API_URL, clientOptions);
  const router = createRouter(registry, () => app);
  client.on(Events.InteractionCreate, (interaction) => void router.onInteraction(interaction));
  logConnection(client, app.logger);
  const ready = once(client, Events.ClientReady)
    .then(() =>
      app.logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'connected to Discord'),
    )
    // Watch parties reload from the store and re-arm once the bot can post (catch-ups included).
    .then(() => app.watchParties.attach(createDiscordPartyOutbox(client, app.logger)));
  // If login fails, nobody awaits `ready`; log its rejection rather than leave it unhandled,
  // since a failed party reload would otherwise leave parties silently unarmed.
  ready.catch((error: unknown) => app.logger.error({ err: error }, 'start-up after connecting failed'));
  await client.login(token);
  let stopping: Promise<void> | undefined;
  return {
    client,
    ready,
    stop() {
      stopping ??= (async () => {
        await router.drain();
        await closeApp(app);
        await client.destroy();
      })();
      return stopping;
    },
  };
};
