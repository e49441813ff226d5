import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../src/clock.js';
import { cooldownMessage, Cooldowns } from '../../src/cooldown/cooldowns.js';

const ALICE = '100000000000000001';
const BOB = '100000000000000002';

describe('Cooldowns', () => {
  it('GIVEN a use WHEN the same user tries again within the cooldown THEN they are told how long to wait', () => {
    const clock = new SimulatedClock();
    const cooldowns = new Cooldowns(clock);
    expect(cooldowns.take('ask', ALICE, 3).ok).toBe(true);
    expect(cooldowns.take('ask', ALICE, 3)).toEqual({ ok: false, retryInSeconds: 3 });
    clock.advance(2100);
    expect(cooldowns.take('ask', ALICE, 3)).toEqual({ ok: false, retryInSeconds: 1 });
  });

  it('GIVEN a use WHEN the cooldown has passed on the clock THEN the next use goes ahead', () => {
    const clock = new SimulatedClock();
    const cooldowns = new Cooldowns(clock);
    cooldowns.take('ask', ALICE, 3);
    clock.advance(3000);
    expect(cooldowns.take('ask', ALICE, 3).ok).toBe(true);
  });

  it('GIVEN one user cooling down THEN other users and other commands are not held up', () => {
    const cooldowns = new Cooldowns(new SimulatedClock());
    cooldowns.take('ask', ALICE, 3);
    expect(cooldowns.take('ask', BOB, 3).ok).toBe(true);
    expect(cooldowns.take('recap', ALICE, 10).ok).toBe(true);
  });

  it('GIVEN a use that is released (it failed) THEN the user may try again at once', () => {
    const cooldowns = new Cooldowns(new SimulatedClock());
    const ticket = cooldowns.take('ask', ALICE, 3);
    if (ticket.ok) ticket.release();
    expect(cooldowns.take('ask', ALICE, 3).ok).toBe(true);
  });

  it('GIVEN many users over a long time THEN expired entries are swept and memory stays small', () => {
    const clock = new SimulatedClock();
    const cooldowns = new Cooldowns(clock);
    for (let i = 0; i < 5000; i++) {
      // BigInt: ids past 2^53 as plain numbers would collapse into a few hundred users.
      cooldowns.take('ask', String(100000000000000000n + BigInt(i)), 3);
      clock.advance(1000);
    }
    // Each entry lives 3 s, a use comes every second, and the sweep runs every 1000 uses.
    expect(cooldowns.size).toBeLessThanOrEqual(1000);
    expect(cooldowns.size).toBeGreaterThan(0);
  });

  it('THEN the refusal names the command and the wait', () => {
    expect(cooldownMessage('ask', 2)).toBe('Slow down a little: try /ask again in 2 s.');
  });
});
