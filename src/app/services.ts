import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { AnswerEngine } from '../answer/engine.js';
import type { FilmLibrary } from '../story/library.js';
import type { Pack } from '../story/pack.js';

/** What commands may use. Built once per process (and again on a console `:restart`). */
export interface AppServices {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly films: FilmLibrary;
  /** The /ask engine for a film, built once at start-up. */
  readonly answers: (pack: Pack) => AnswerEngine;
}
