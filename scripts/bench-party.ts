/**
 * Watch parties at scale: 10,000 parties (`-- --parties N` to change) with
 * staggered start times, run through the whole film on the simulated clock in
 * one process, with a restart half-way. Prints posts made against those
 * expected (they must be equal, with no nonce twice), peak heap, time per
 * fired post, and the time a fresh instance takes to reload every party.
 * Targets: exact counts, reload under 1 s, heap under 150 MB. Exits non-zero on a miss.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SimulatedClock } from '../src/clock.js';
import { createLogger } from '../src/logger.js';
import type { ChannelPermissions, EventResult, PartyOutbox, SendResult } from '../src/party/outbox.js';
import { PartyService } from '../src/party/service.js';
import { stopsOf } from '../src/party/stops.js';
import { REMIND_BEFORE_MS } from '../src/party/record.js';
import { createStore } from '../src/store/factory.js';
import { loadLibrary } from '../src/story/library.js';

const { values } = parseArgs({ options: { parties: { type: 'string', default: '10000' } } });
const PARTIES = Number(values.parties);
const MINUTE = 60_000;
const STAGGER_S = 2 * 60 * 60; // starts spread over two hours
const REMIND_S = REMIND_BEFORE_MS / 1000;

/** Counts posts; remembers nonces only, to prove none was sent twice. */
class CountingOutbox implements PartyOutbox {
  posts = 0;
  readonly nonces = new Set<string>();
  duplicates = 0;
  async post(_channelId: string, _reply: unknown, { nonce }: { nonce: string }): Promise<SendResult> {
    this.posts += 1;
    if (this.nonces.has(nonce)) this.duplicates += 1;
    this.nonces.add(nonce);
    return { ok: true };
  }
  async notify(): Promise<SendResult> {
    return { ok: true };
  }
  async channelPermissions(): Promise<ChannelPermissions> {
    return { view: true, send: true, embed: true, manageEvents: true };
  }
  async createEvent(): Promise<EventResult> {
    return { ok: true, id: '1' };
  }
  async editEvent(): Promise<SendResult> {
    return { ok: true };
  }
  async deleteEvent(): Promise<SendResult> {
    return { ok: true };
  }
}

const logger = createLogger({ level: 'silent' });
const clock = new SimulatedClock();
const store = await createStore('memory://', { logger });
const films = await loadLibrary(path.resolve('data/films'), 'never-let-me-go');
const stops = stopsOf(films.default).length;
const outbox = new CountingOutbox();
const newService = async () => {
  const service = new PartyService({ store, clock, logger, films, manual: true });
  await service.attach(outbox);
  return service;
};

/*
 * Two heap figures: the peak of heapUsed sampled every simulated minute (live
 * data plus garbage V8 has not collected yet), and the peak live heap, after a
 * full collection, every ten minutes and at each phase (needs --expose-gc,
 * which `npm run bench:party` passes). The target applies to the live heap.
 */
const gc = (globalThis as { gc?: () => void }).gc;
let peakHeap = 0;
let peakLive = 0;
let samples = 0;
const sampleHeap = (force = false) => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  if (gc && (force || ++samples % 10 === 0)) {
    gc();
    peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
  }
};

let service = await newService();
const startedAt = performance.now();
for (let i = 0; i < PARTIES; i++) {
  const channelId = String(200_000_000_000_000_000n + BigInt(i));
  await service.start({
    actor: { userId: '100000000000000001', guildId: '300000000000000001', channelId, canManageEvents: true },
    channelId,
    when: `in ${1 + (i % STAGGER_S)}s`,
    event: false,
  });
  if (i % 1000 === 0) sampleHeap();
}
const startMs = performance.now() - startedAt;
sampleHeap(true);

let firingMs = 0;
const run = async (minutes: number) => {
  for (let m = 0; m < minutes; m++) {
    clock.advance(MINUTE);
    const before = performance.now();
    await service.runDue();
    firingMs += performance.now() - before;
    sampleHeap();
  }
};

await run(90);
const active = service.size;
await service.close();
const reloadStarted = performance.now();
service = await newService();
const reloadMs = performance.now() - reloadStarted;
const reloaded = service.size;
sampleHeap(true);
await run(3 * 60);
await service.close();
sampleHeap(true);

const reminders = Array.from({ length: PARTIES }, (_, i) => 1 + (i % STAGGER_S)).filter(
  (s) => s > REMIND_S,
).length;
const expected = PARTIES * (stops + 1) + reminders;
const mb = (bytes: number) => bytes / 1024 / 1024;
const heapMb = mb(gc ? peakLive : peakHeap);
const ok = (pass: boolean) => (pass ? 'ok' : 'MISSED');
const exact = outbox.posts === expected && outbox.duplicates === 0 && service.size === 0;

console.log(`watch parties: ${PARTIES}, ${stops} checkpoints each, starts spread over ${STAGGER_S / 3600} h`);
console.log(
  `  scheduled all in ${startMs.toFixed(0)} ms (${((1000 * startMs) / PARTIES).toFixed(0)} µs per /watchparty start)`,
);
console.log(
  `  posts made: ${outbox.posts} of ${expected} expected (${PARTIES * stops} checkpoints, ${PARTIES} starts, ${reminders} reminders); nonces sent twice: ${outbox.duplicates}; parties left: ${service.size}   ${ok(exact)}`,
);
console.log(
  `  time per fired post: ${((1000 * firingMs) / outbox.posts).toFixed(1)} µs (${firingMs.toFixed(0)} ms in all)`,
);
console.log(
  `  reload after restart: ${reloaded} of ${active} parties in ${reloadMs.toFixed(0)} ms   ${ok(reloaded === active && reloadMs < 1000)} (target < 1000 ms)`,
);
console.log(
  `  peak heap: ${gc ? `${heapMb.toFixed(1)} MB live after GC, ` : ''}${mb(peakHeap).toFixed(1)} MB in use with uncollected garbage   ${ok(heapMb < 150)} (target < 150 MB${gc ? ' live' : ''})`,
);
await store.close();
if (!exact || reloaded !== active || reloadMs >= 1000 || heapMb >= 150) process.exitCode = 1;
