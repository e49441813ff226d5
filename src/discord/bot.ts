import { Events, type Client } from 'discord.js';
import { closeApp } from '../app/create.js';
import type { AppServices } from '../app/services.js';
import type { Command } from '../command/command.js';
import { createClient } from './client.js';
import { createRouter } from './router.js';

export interface RunningBot {
  readonly client: Client;
  /** Stop taking interactions, finish those in flight, close the store, leave the gateway. */
  stop(): Promise<void>;
}

export const startBot = async (
  app: AppServices,
  registry: readonly Command[],
  token: string,
  clientOptions: Parameters<typeof createClient>[1] = {},
): Promise<RunningBot> => {
  const client = createClient(app.config.DISCORD_API_URL, clientOptions);
  const router = createRouter(registry, () => app);
  client.on(Events.InteractionCreate, (interaction) => void router.onInteraction(interaction));
  client.on(Events.Error, (error) => app.logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => app.logger.warn({ message }, 'discord client warning'));
  client.once(Events.ClientReady, (ready) =>
    app.logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'connected to Discord'),
  );
  await client.login(token);
  return {
    client,
    async stop() {
      await router.drain();
      await closeApp(app);
      await client.destroy();
    },
  };
};
