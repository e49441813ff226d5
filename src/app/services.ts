import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { FilmLibrary } from '../story/library.js';

/** What commands may use. Built once per process (and again on a console `:restart`). */
export interface AppServices {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly films: FilmLibrary;
}
