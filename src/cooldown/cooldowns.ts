import type { Clock } from '../clock.js';

/** What a use of a command with a cooldown gets: go ahead (and undo it if it failed), or wait. */
export type CooldownTicket =
  { readonly ok: true; release(): void } | { readonly ok: false; readonly retryInSeconds: number };

/** Expired entries are swept every this many uses, so the map holds only recent users. */
const SWEEP_EVERY = 1000;

/**
 * Per-user cooldowns, in memory for this process and keyed by command and user.
 * Time comes from the app's clock, so tests (and the console's `:advance`) move it.
 * A use is taken before the command runs, so two presses at once cannot both pass.
 */
export class Cooldowns {
  private readonly until = new Map<string, number>();
  private uses = 0;

  constructor(private readonly clock: Clock) {}

  take(command: string, userId: string, seconds: number): CooldownTicket {
    const now = this.clock.now();
    if (++this.uses % SWEEP_EVERY === 0) this.sweep(now);
    const key = `${command}:${userId}`;
    const until = this.until.get(key);
    if (until !== undefined && until > now)
      return { ok: false, retryInSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
    const mine = now + seconds * 1000;
    this.until.set(key, mine);
    return {
      ok: true,
      // Only this use's own entry is undone: a later use may have replaced it meanwhile.
      release: () => {
        if (this.until.get(key) === mine) this.until.delete(key);
      },
    };
  }

  /** Entries still cooling down; for tests and the sweep. */
  get size(): number {
    return this.until.size;
  }

  private sweep(now: number): void {
    for (const [key, until] of this.until) if (until <= now) this.until.delete(key);
  }
}

/** The user-facing refusal, naming the command and how long to wait. */
export const cooldownMessage = (command: string, retryInSeconds: number): string =>
  `Slow down a little: try /${command} again in ${retryInSeconds} s.`;
