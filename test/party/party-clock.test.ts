import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clockStartingAt,
  pauseClock,
  positionMs,
  resumeClock,
  syncClock,
  wallTimeAt,
  type PartyClock,
} from '../../src/party/party-clock.js';

const T0 = Date.UTC(2026, 0, 1, 20);
const MIN = 60_000;

describe('the party clock', () => {
  it('GIVEN a party starting at T0 THEN the position is 0 before the start and counts wall time after it', () => {
    const clock = clockStartingAt(T0);
    expect(positionMs(clock, T0 - 5 * MIN)).toBe(0);
    expect(positionMs(clock, T0)).toBe(0);
    expect(positionMs(clock, T0 + 45 * MIN)).toBe(45 * MIN);
  });

  it('GIVEN a pause at 0:20 for 30 minutes THEN the position is frozen, and resumes from 0:20', () => {
    const paused = pauseClock(clockStartingAt(T0), T0 + 20 * MIN);
    expect(positionMs(paused, T0 + 50 * MIN)).toBe(20 * MIN);
    expect(wallTimeAt(paused, 30 * MIN)).toBeUndefined();
    const resumed = resumeClock(paused, T0 + 50 * MIN);
    // position = now - start - paused time
    expect(positionMs(resumed, T0 + 60 * MIN)).toBe(60 * MIN - 30 * MIN);
  });

  it('GIVEN a sync THEN the position is what the club said, whether running or paused', () => {
    const running = syncClock(clockStartingAt(T0), T0 + 10 * MIN, 25 * MIN);
    expect(positionMs(running, T0 + 11 * MIN)).toBe(26 * MIN);
    const paused = syncClock(pauseClock(running, T0 + 12 * MIN), T0 + 20 * MIN, 5 * MIN);
    expect(positionMs(paused, T0 + 40 * MIN)).toBe(5 * MIN);
  });

  it('GIVEN pausing twice or resuming a running clock THEN nothing changes', () => {
    const paused = pauseClock(clockStartingAt(T0), T0 + MIN);
    expect(pauseClock(paused, T0 + 9 * MIN)).toBe(paused);
    const running = clockStartingAt(T0);
    expect(resumeClock(running, T0 + 9 * MIN)).toBe(running);
  });

  it('GIVEN any sequence of pauses, resumes and syncs THEN wallTimeAt is the exact inverse of positionMs while running', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('pause' as const), after: fc.integer({ min: 0, max: 3 * 60 * MIN }) }),
      fc.record({ kind: fc.constant('resume' as const), after: fc.integer({ min: 0, max: 3 * 60 * MIN }) }),
      fc.record({
        kind: fc.constant('sync' as const),
        after: fc.integer({ min: 0, max: 3 * 60 * MIN }),
        to: fc.integer({ min: 0, max: 110 * MIN }),
      }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), fc.integer({ min: 1, max: 110 * MIN }), (ops, target) => {
        let clock: PartyClock = clockStartingAt(T0);
        let now = T0;
        for (const step of ops) {
          now += step.after;
          clock =
            step.kind === 'pause'
              ? pauseClock(clock, now)
              : step.kind === 'resume'
                ? resumeClock(clock, now)
                : syncClock(clock, now, step.to);
        }
        const at = wallTimeAt(clock, target);
        if (clock.pausedAt !== null) return at === undefined;
        return at !== undefined && positionMs(clock, at) === target;
      }),
    );
  });
});
