/**
 * A watch party's clock: where in the film the club is, from wall-clock time.
 * Position = position at the anchor + time since the anchor, unless paused.
 * Starting sets the anchor to the start time at position 0; pause freezes the
 * position; resume re-anchors at now; sync sets the position outright. So
 * position = now - start - time spent paused, as long as nobody syncs.
 * Everything is whole milliseconds, so a due time computed from a position
 * lands exactly on it.
 */
export interface PartyClock {
  /** Wall-clock ms at which the clock last changed (or the scheduled start). */
  readonly anchorAt: number;
  /** Film position, in ms, at the anchor. */
  readonly posMs: number;
  /** When it was paused; null while running. */
  readonly pausedAt: number | null;
}

export const clockStartingAt = (startsAt: number): PartyClock => ({
  anchorAt: startsAt,
  posMs: 0,
  pausedAt: null,
});

export const isPaused = (clock: PartyClock): boolean => clock.pausedAt !== null;

/** Film position in ms at wall-clock `now`; 0 before the start. */
export const positionMs = (clock: PartyClock, now: number): number =>
  Math.max(0, clock.pausedAt !== null ? clock.posMs : clock.posMs + (now - clock.anchorAt));

/** The wall-clock time at which the film reaches `filmMs`; undefined while paused. */
export const wallTimeAt = (clock: PartyClock, filmMs: number): number | undefined =>
  clock.pausedAt !== null ? undefined : clock.anchorAt + (filmMs - clock.posMs);

export const pauseClock = (clock: PartyClock, now: number): PartyClock =>
  clock.pausedAt !== null ? clock : { anchorAt: now, posMs: positionMs(clock, now), pausedAt: now };

export const resumeClock = (clock: PartyClock, now: number): PartyClock =>
  clock.pausedAt === null ? clock : { anchorAt: now, posMs: clock.posMs, pausedAt: null };

/** The club says where it really is. A paused clock stays paused, at the new position. */
export const syncClock = (clock: PartyClock, now: number, posMs: number): PartyClock => ({
  anchorAt: now,
  posMs: Math.max(0, Math.round(posMs)),
  pausedAt: clock.pausedAt === null ? null : now,
});
