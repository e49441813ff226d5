import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { MinHeap } from './heap.js';

/**
 * setTimeout keeps delays in a signed 32-bit int: past 2^31-1 ms (24.8 days)
 * Node fires at once. Longer waits are armed in chunks of at most this much,
 * and re-armed when the chunk runs out.
 */
export const MAX_TIMER_MS = 24 * 24 * 60 * 60 * 1000;

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Called for each key whose time has come. `now` is the moment it runs at:
 * the real time on a real clock, and the time it was due on a manual clock,
 * where `:advance 2h` stands for two hours passing with the bot running throughout.
 */
export type DueHandler = (key: string, dueAt: number, now: number) => Promise<void>;

export interface SchedulerOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  /** Due work runs only when runDue is called (simulated clocks), never on a real timer. */
  readonly manual: boolean;
  readonly timers?: Timers;
}

/**
 * One queue of due times for every party, keyed by a string: a min-heap and a
 * single timer armed for the earliest entry, so ten thousand parties cost one
 * timer and O(log n) per change, not a scan per tick. The heap is not the
 * record of what is scheduled (the store is): it is rebuilt from the store on start-up.
 *
 * Rescheduling or cancelling a key leaves its old heap entry behind; entries
 * whose time no longer matches the key's are skipped, and the heap is rebuilt
 * when they outnumber the live ones.
 */
export class Scheduler {
  private readonly heap = new MinHeap();
  private readonly due = new Map<string, number>();
  private readonly timers: Timers;
  private seq = 0;
  private timer: unknown;
  private armedFor: number | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly handler: DueHandler,
    private readonly options: SchedulerOptions,
  ) {
    this.timers = options.timers ?? realTimers;
  }

  get size(): number {
    return this.due.size;
  }

  dueAt(key: string): number | undefined {
    return this.due.get(key);
  }

  schedule(key: string, at: number): void {
    if (this.closed) return;
    this.due.set(key, at);
    this.heap.push({ at, key, seq: this.seq++ });
    if (this.heap.size > 2 * this.due.size + 64) this.rebuild();
    this.arm();
  }

  cancel(key: string): void {
    if (this.due.delete(key)) this.arm();
  }

  /** The earliest live entry. */
  peek(): { key: string; at: number } | undefined {
    for (let top = this.heap.peek(); top; top = this.heap.peek()) {
      if (this.due.get(top.key) === top.at) return top;
      this.heap.pop();
    }
    return undefined;
  }

  /**
   * Runs every entry due by `now`, earliest first, one at a time. Calls are
   * queued, so a timer and `:advance` never run the same entry twice.
   * Resolves with how many entries ran.
   */
  runDue(now?: number): Promise<number> {
    const run = this.running.then(() => this.drain(now ?? this.options.clock.now()));
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Stops the timer and waits for a run in progress, so a restart never overlaps the old instance. */
  async close(): Promise<void> {
    this.closed = true;
    this.disarm();
    await this.running;
  }

  private async drain(now: number): Promise<number> {
    let ran = 0;
    for (let top = this.peek(); top && top.at <= now && !this.closed; top = this.peek()) {
      this.heap.pop();
      this.due.delete(top.key);
      const at = this.options.manual ? top.at : this.options.clock.now();
      try {
        await this.handler(top.key, top.at, at);
      } catch (error) {
        // The handler reschedules what it can; an unexpected throw is logged and not retried, never looped.
        this.options.logger.error({ err: error, key: top.key }, 'scheduled work failed');
      }
      ran += 1;
    }
    this.arm();
    return ran;
  }

  private rebuild(): void {
    this.heap.clear();
    for (const [key, at] of this.due) this.heap.push({ at, key, seq: this.seq++ });
  }

  private disarm(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    this.armedFor = undefined;
  }

  private arm(): void {
    if (this.options.manual || this.closed) return;
    const next = this.peek();
    if (!next) return this.disarm();
    if (this.timer !== undefined && this.armedFor === next.at) return;
    this.disarm();
    const delay = Math.min(Math.max(0, next.at - this.options.clock.now()), MAX_TIMER_MS);
    this.armedFor = next.at;
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      this.armedFor = undefined;
      // A chunk of a long wait ends with nothing due: runDue then simply re-arms.
      void this.runDue();
    }, delay);
  }
}
