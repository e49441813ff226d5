import type { Pack } from '../story/pack.js';
import { isPaused, positionMs } from './party-clock.js';
import type { PartyRecord } from './record.js';
import { nextStop, nextStopAt, runtimeMs, type Stop } from './stops.js';

/** A party as commands and buttons show it. */
export interface PartyView {
  readonly record: PartyRecord;
  readonly pack: Pack;
  readonly positionMs: number;
  readonly paused: boolean;
  readonly next?: Stop;
  /** Wall-clock time of the next stop; undefined before the start and while paused. */
  readonly nextAt?: number;
}

/** How a party stands at `now`: position (never past the end), paused or not, and what comes next. */
export const viewOf = (record: PartyRecord, pack: Pack, now: number): PartyView => {
  const paused = record.pauseReason !== null || isPaused(record.clock);
  const next = nextStop(record, pack);
  const nextAt = record.phase === 'running' && !paused ? nextStopAt(record, pack) : undefined;
  return {
    record,
    pack,
    positionMs: Math.min(positionMs(record.clock, now), runtimeMs(pack)),
    paused,
    ...(next ? { next } : {}),
    ...(nextAt !== undefined ? { nextAt } : {}),
  };
};
