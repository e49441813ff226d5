import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Cooldowns } from '../cooldown/cooldowns.js';
import type { Logger } from '../logger.js';
import type { AnswerEngine } from '../answer/engine.js';
import type { FilmLibrary } from '../story/library.js';
import type { Pack } from '../story/pack.js';
import type { Position } from '../position/position.js';
import type { Store } from '../store/store.js';
import type { PartyService } from '../party/service.js';

/** What commands may use. Built once per process (and again on a console `:restart`). */
export interface AppServices {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly films: FilmLibrary;
  /** The /ask engine for a film, built once at start-up. */
  readonly answers: (pack: Pack) => AnswerEngine;
  /** Progress, settings and watch parties; STORE_URL picks the backend (src/store/factory.ts). */
  readonly store: Store;
  /** Running watch parties, when that feature is wired in; positionFor and /recap use it if present. */
  readonly parties?: PartyPositions;
  /** Watch parties in full, for /watchparty; the same object as `parties`. */
  readonly watchParties: PartyService;
  /** Per-user command cooldowns (see Command.cooldown), in memory for this process. */
  readonly cooldowns: Cooldowns;
  /**
   * This process's shard when started by `npm run start:sharded`: each shard
   * answers, and schedules for, only its own guilds (see discord/shard.ts).
   */
  readonly shard?: ShardInfo;
}

export interface ShardInfo {
  readonly id: number;
  readonly count: number;
}

/** Where the watch party running in a channel has got to: the position everyone there shares. */
export interface PartyPositions {
  positionInChannel(channelId: string): Promise<Position | undefined>;
}
