import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { buildAnswerEngines } from '../answer/engines.js';
import { Cooldowns } from '../cooldown/cooldowns.js';
import { shardOf } from '../discord/shard.js';
import { loadLibrary, type FilmLibrary } from '../story/library.js';
import { createStore } from '../store/factory.js';
import type { PartyOutbox } from '../party/outbox.js';
import { PartyService } from '../party/service.js';
import type { AppServices } from './services.js';

export interface AppDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Reuse packs and their answer engines across console restarts; they never change while running. */
  readonly films?: FilmLibrary;
  readonly answers?: AppServices['answers'];
  /**
   * Where watch parties post. Given here (the console), parties reload and arm
   * at once; the Discord bot attaches its outbox when the client is ready.
   */
  readonly partyOutbox?: PartyOutbox;
}

/** Everything a process needs to answer commands, wired once. */
export const createApp = async (deps: AppDeps): Promise<AppServices> => {
  const films = deps.films ?? (await loadLibrary(deps.config.filmsDir, deps.config.DEFAULT_FILM));
  const answers = deps.answers ?? buildAnswerEngines(films);
  // Opened last, so a pack that fails to load leaves no connection behind.
  const store = await createStore(deps.config.STORE_URL, { logger: deps.logger });
  const shard = shardOf(deps.config);
  // Under start:sharded each shard schedules only its own guilds' parties (see party/ownership.ts).
  const parties = new PartyService({
    store,
    clock: deps.clock,
    logger: deps.logger,
    films,
    manual: deps.clock.manual ?? false,
    ...(shard ? { shard } : {}),
  });
  if (deps.partyOutbox) await parties.attach(deps.partyOutbox);
  return {
    config: deps.config,
    logger: deps.logger,
    clock: deps.clock,
    films,
    answers,
    store,
    parties,
    watchParties: parties,
    cooldowns: new Cooldowns(deps.clock),
    ...(shard ? { shard } : {}),
  };
};

/** Releases what the app holds (store connections, timers) before a restart or exit. */
export const closeApp = async (app: AppServices): Promise<void> => {
  // Timers first: nothing may fire against a closed store.
  await app.watchParties.close();
  await app.store.close();
};
