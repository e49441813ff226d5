import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { buildAnswerEngines } from '../answer/engines.js';
import { loadLibrary, type FilmLibrary } from '../story/library.js';
import type { AppServices } from './services.js';

export interface AppDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Reuse packs and their answer engines across console restarts; they never change while running. */
  readonly films?: FilmLibrary;
  readonly answers?: AppServices['answers'];
}

/** Everything a process needs to answer commands, wired once. */
export const createApp = async (deps: AppDeps): Promise<AppServices> => {
  const films = deps.films ?? (await loadLibrary(deps.config.filmsDir, deps.config.DEFAULT_FILM));
  const answers = deps.answers ?? buildAnswerEngines(films);
  return { config: deps.config, logger: deps.logger, clock: deps.clock, films, answers };
};

/** Releases what the app holds (store connections, timers) before a restart or exit. */
export const closeApp = async (_app: AppServices): Promise<void> => {};
