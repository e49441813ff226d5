import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { MinHeap } from '../../src/party/heap.js';
import { MAX_TIMER_MS, Scheduler, type Timers } from '../../src/party/scheduler.js';

const logger = createLogger({ level: 'silent' });
const DAY = 24 * 60 * 60 * 1000;

/** Timers the test fires by hand, recording every delay asked for. */
const manualTimers = () => {
  const armed: { callback: () => void; ms: number; cleared: boolean }[] = [];
  const timers: Timers = {
    set: (callback, ms) => {
      const timer = { callback, ms, cleared: false };
      armed.push(timer);
      return timer;
    },
    clear: (handle) => void ((handle as { cleared: boolean }).cleared = true),
  };
  const live = () => armed.filter((timer) => !timer.cleared);
  return { timers, armed, live };
};

describe('the min-heap', () => {
  it('GIVEN entries pushed in any order THEN they pop by time, ties in insertion order', () => {
    const heap = new MinHeap();
    const times = [50, 10, 30, 10, 70, 20, 30];
    times.forEach((at, seq) => heap.push({ at, key: `k${seq}`, seq }));
    const popped: string[] = [];
    for (let entry = heap.pop(); entry; entry = heap.pop()) popped.push(`${entry.at}:${entry.key}`);
    expect(popped).toEqual(['10:k1', '10:k3', '20:k5', '30:k2', '30:k6', '50:k0', '70:k4']);
  });
});

describe('the scheduler', () => {
  it('GIVEN keys scheduled, rescheduled and cancelled WHEN time passes THEN each live key runs once, earliest first', async () => {
    const clock = new SimulatedClock(0);
    const ran: string[] = [];
    const scheduler = new Scheduler(async (key, dueAt, now) => void ran.push(`${key}@${dueAt}/${now}`), {
      clock,
      logger,
      manual: true,
    });
    scheduler.schedule('a', 300);
    scheduler.schedule('b', 100);
    scheduler.schedule('c', 200);
    scheduler.schedule('a', 150); // moved earlier
    scheduler.schedule('c', 400); // moved later
    scheduler.schedule('d', 250);
    scheduler.cancel('d');
    clock.set(1000);
    expect(await scheduler.runDue()).toBe(3);
    // On a manual clock each key runs at the moment it was due, as if time had passed with the bot running.
    expect(ran).toEqual(['b@100/100', 'a@150/150', 'c@400/400']);
    expect(scheduler.size).toBe(0);
  });

  it('GIVEN a handler that schedules more work due in the past THEN it runs in the same pass, in order', async () => {
    const clock = new SimulatedClock(0);
    const ran: number[] = [];
    const scheduler = new Scheduler(
      async (_key, dueAt) => {
        ran.push(dueAt);
        if (dueAt < 500) scheduler.schedule('x', dueAt + 100);
      },
      { clock, logger, manual: true },
    );
    scheduler.schedule('x', 100);
    clock.set(10_000);
    await scheduler.runDue();
    expect(ran).toEqual([100, 200, 300, 400, 500]);
  });

  it('GIVEN many reschedules of one key THEN stale heap entries are dropped and do not run', async () => {
    const clock = new SimulatedClock(0);
    let runs = 0;
    const scheduler = new Scheduler(async () => void (runs += 1), { clock, logger, manual: true });
    for (let i = 0; i < 10_000; i++) scheduler.schedule('same', 10_000 - i);
    clock.set(20_000);
    await scheduler.runDue();
    expect(runs).toBe(1);
  });

  it('GIVEN a handler that throws THEN it is logged, the rest still run, and it is not retried', async () => {
    const clock = new SimulatedClock(0);
    const ran: string[] = [];
    const scheduler = new Scheduler(
      async (key) => {
        ran.push(key);
        if (key === 'bad') throw new Error('boom');
      },
      { clock, logger, manual: true },
    );
    scheduler.schedule('bad', 1);
    scheduler.schedule('good', 2);
    clock.set(10);
    await scheduler.runDue();
    await scheduler.runDue();
    expect(ran).toEqual(['bad', 'good']);
  });

  it('GIVEN a real-timer scheduler THEN one timer is armed, for the earliest entry', () => {
    const clock = new SimulatedClock(0);
    const { timers, live } = manualTimers();
    const scheduler = new Scheduler(async () => undefined, { clock, logger, manual: false, timers });
    scheduler.schedule('late', 5000);
    scheduler.schedule('early', 1000);
    scheduler.schedule('middle', 3000);
    expect(live()).toHaveLength(1);
    expect(live()[0]!.ms).toBe(1000);
    scheduler.cancel('early');
    expect(live()).toHaveLength(1);
    expect(live()[0]!.ms).toBe(3000);
  });

  it('GIVEN a party 60 days ahead THEN the timer is armed in chunks under setTimeout overflow, and re-armed until due', async () => {
    const clock = new SimulatedClock(0);
    const { timers, live } = manualTimers();
    const ran: number[] = [];
    const scheduler = new Scheduler(async (_key, dueAt) => void ran.push(dueAt), {
      clock,
      logger,
      manual: false,
      timers,
    });
    const due = 60 * DAY;
    scheduler.schedule('party', due);
    expect(MAX_TIMER_MS).toBeLessThan(2 ** 31 - 1);
    for (let chunk = 0; chunk < 10 && ran.length === 0; chunk++) {
      const [timer] = live();
      expect(timer!.ms).toBeLessThanOrEqual(MAX_TIMER_MS);
      clock.advance(timer!.ms);
      timer!.cleared = true;
      timer!.callback();
      await scheduler.runDue(); // waits for the run the timer queued
    }
    expect(ran).toEqual([due]);
    expect(clock.now()).toBe(due);
  });

  it('GIVEN close WHEN entries fall due THEN nothing runs and no timer is left', async () => {
    const clock = new SimulatedClock(0);
    const { timers, live } = manualTimers();
    let runs = 0;
    const scheduler = new Scheduler(async () => void (runs += 1), { clock, logger, manual: false, timers });
    scheduler.schedule('x', 100);
    await scheduler.close();
    clock.set(1000);
    await scheduler.runDue();
    expect(runs).toBe(0);
    expect(live()).toHaveLength(0);
  });
});
