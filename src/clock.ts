/** Time as the app sees it. Injected so tests and the console can move it by hand. */
export interface Clock {
  now(): number;
  /**
   * True for a clock that moves only when told. Schedulers then run due work
   * when asked (the console's `:advance`), never on real timers.
   */
  readonly manual?: boolean;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told: for tests, benchmarks and `--sim-clock`. */
export class SimulatedClock implements Clock {
  readonly manual = true;
  constructor(private current = Date.UTC(2026, 0, 1, 20, 0, 0)) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(ms: number): void {
    this.current = ms;
  }
}
