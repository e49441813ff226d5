/**
 * Soak: a steady 200 interactions/s (`-- --rate N`) for 60 s (`-- --seconds N`)
 * through the fake Discord and the real discord.js client, while 1,000 watch
 * parties (`-- --parties N`) run on the real clock and post their checkpoints
 * over REST. Prints throughput, p50/p99 from dispatch to callback, RSS at the
 * start and end, checkpoint posts, and every error seen.
 *
 *   npm run bench:soak [-- --seconds 10]
 *
 * Open loop: interactions go out on a fixed schedule whether or not earlier
 * ones have been answered. The fake Discord runs in this process, so its time
 * and memory are counted too; it forgets each interaction shortly after the
 * answer (as Discord does, later), so its bookkeeping does not pass for the
 * bot's memory. Targets: no errors, RSS growth under 10%, p99 under 50 ms.
 * Always exits 0 once it has measured (it is a benchmark); errors are listed.
 * Everything runs on 127.0.0.1, and it stops by itself.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { InteractionResponseType as R, type APIMessage } from 'discord-api-types/v10';
import pino from 'pino';
import { commands } from '../commands/index.js';
import { createApp } from '../src/app/create.js';
import { systemClock } from '../src/clock.js';
import { GENERIC_FAILURE, STALE_BUTTON } from '../src/command/run.js';
import { testConfig } from '../test/support/app.js';
import { startBot } from '../src/discord/bot.js';
import { RESTARTING } from '../src/discord/router.js';
import { REDACT_PATHS } from '../src/logger.js';
import { stopsOf, type Stop } from '../src/party/stops.js';
import { formatFilmTime } from '../src/story/time.js';
import { TEST_CLIENT_OPTIONS } from '../test/e2e/support/harness.js';
import {
  addTextChannels,
  IDS,
  startFakeDiscord,
  USERS,
  type PendingInteraction,
} from '../test/support/fake-discord/index.js';
import { percentile } from './support/stats.js';

const TARGET_P99_MS = 50;
const TARGET_RSS_GROWTH = 0.1;
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '200' },
    parties: { type: 'string', default: '1000' },
    warmup: { type: 'string', default: '5' },
  },
});
const SECONDS = Number(values.seconds);
const RATE = Number(values.rate);
const PARTIES = Number(values.parties);
const WARMUP_S = Number(values.warmup);
if (![SECONDS, RATE, PARTIES].every((n) => Number.isFinite(n) && n > 0) || !(WARMUP_S >= 0)) {
  console.error('usage: bench-soak [--seconds N] [--rate N] [--parties N] [--warmup N]');
  process.exit(2);
}
/** The syncs of every party must fit in this, or the checkpoints would fall due before the run. */
const SYNC_BUDGET_MS = 3000;
/** Between the warm-up and the run: in-flight answers settle, then the first RSS reading, after a full GC. */
const PAUSE_MS = 1000;
const CALLBACK_TIMEOUT_MS = 5000;
/** The fake forgets an answered interaction this long after its callback. */
const FORGET_AFTER_MS = 2000;

// Stops by itself, whatever happens: setup, warm-up, the run, then up to two minutes to wind down.
const watchdog = setTimeout(
  () => {
    console.error('bench-soak: still running long after its time; forcing exit');
    process.exit(1);
  },
  (WARMUP_S + SECONDS + 180) * 1000,
);
watchdog.unref();

const sleep = (delayMs: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, delayMs)));
const gc = (globalThis as { gc?: () => void }).gc;
/**
 * Memory after full GCs. V8 hands freed pages back to the OS a moment after
 * collecting, so RSS read at once still counts garbage (some 30 MB after the
 * warm-up): collect twice, wait, collect, then read.
 */
const memoryAfterGc = async () => {
  if (gc) {
    gc();
    gc();
    await sleep(300);
    gc();
  }
  return process.memoryUsage();
};
const mb = (bytes: number) => bytes / 1024 / 1024;
const ms = (n: number) => (Number.isNaN(n) ? '–' : `${n.toFixed(2)} ms`);
const ok = (pass: boolean) => (pass ? 'ok' : 'MISSED');

/** Seeded, so two runs send the same sequence. */
const random = (() => {
  let seed = 0x5eed;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// ---------------------------------------------------------------------------------------------
// Errors: everything that counts against "no errors" is gathered here, with a few samples each.

const errors = new Map<string, { count: number; samples: string[] }>();
const warnings = new Map<string, number>();
const noteError = (kind: string, sample: string) => {
  const entry = errors.get(kind) ?? { count: 0, samples: [] };
  entry.count += 1;
  if (entry.samples.length < 3) entry.samples.push(sample.slice(0, 300));
  errors.set(kind, entry);
};
const errorCount = () => [...errors.values()].reduce((sum, entry) => sum + entry.count, 0);
process.on('unhandledRejection', (reason) => noteError('unhandled rejections', String(reason)));
const noteWarning = (what: string) => warnings.set(what, (warnings.get(what) ?? 0) + 1);
process.on('warning', (warning) => noteWarning(`process: ${warning.name}`));

/** The bot's log: error lines are errors; warnings are counted and shown. Info and below are not written. */
const logger = pino(
  { level: 'warn', redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
  {
    write: (line: string) => {
      const entry = JSON.parse(line) as { level: number; msg: string; err?: { message?: string } };
      if (entry.level >= 50)
        noteError('error logs', `${entry.msg}${entry.err ? `: ${entry.err.message}` : ''}`);
      else noteWarning(`log: ${entry.msg}`);
    },
  },
);

// ---------------------------------------------------------------------------------------------
// The fake Discord, with one text channel per party, and the bot on it.

const partyChannels = Array.from({ length: PARTIES }, (_, i) => String(210_000_000_000_000_000n + BigInt(i)));
const partyChannelSet = new Set(partyChannels);
addTextChannels(partyChannels);
const fake = await startFakeDiscord({ registry: commands, timeoutMs: CALLBACK_TIMEOUT_MS });
// Many interactions are awaited at once; each waits on the fake's change events.
fake.state.setMaxListeners(0);
const config = testConfig({ DISCORD_API_URL: fake.apiUrl, NODE_ENV: 'production' });
const app = await createApp({ config, logger, clock: systemClock });
const bot = await startBot(app, commands, fake.token, TEST_CLIENT_OPTIONS);
await bot.ready;
const pack = app.films.forGuild(IDS.guild);

// ---------------------------------------------------------------------------------------------
// REST traffic: tallied and dropped every second (the recorder would otherwise keep every body).

let restCalls = 0;
/** performance.now() when the run began: party posts before it are early, not "during the run". */
let runStarted = Infinity;
const posts = { made: 0, early: 0, delays: [] as number[] };
/** Per party channel: when (performance.now()) its checkpoint falls due, once synced. */
const dueAt = new Map<string, number>();
const POST_PATH = /^\/channels\/(\d+)\/messages$/;
const tallyRest = () => {
  const { calls } = fake.recorder;
  const pending = calls.filter((call) => call.status === 0);
  for (const call of calls) {
    if (call.status === 0) continue;
    restCalls += 1;
    if (call.status >= 400)
      noteError(
        'HTTP 4xx/5xx from the fake Discord',
        `${call.method} ${call.path} → ${call.status}${call.fault ? ` (${call.fault})` : ''}`,
      );
    const channel = POST_PATH.exec(call.path)?.[1];
    if (call.method === 'POST' && channel && partyChannelSet.has(channel) && call.status < 300) {
      if (call.at < runStarted) {
        posts.early += 1;
        continue;
      }
      posts.made += 1;
      const due = dueAt.get(channel);
      if (due !== undefined) posts.delays.push(call.at - due);
    }
  }
  calls.length = 0;
  calls.push(...pending);
  for (const bug of fake.bugs.splice(0)) noteError('fake Discord bugs', bug.message);
};

/** Answered interactions, forgotten by the fake FORGET_AFTER_MS later. */
const answered: { id: string; at: number }[] = [];
const forgetAnswered = (now = performance.now()) => {
  let i = 0;
  while (i < answered.length && now - answered[i]!.at >= FORGET_AFTER_MS)
    fake.state.forgetInteraction(answered[i++]!.id);
  answered.splice(0, i);
};
const housekeeping = setInterval(() => {
  tallyRest();
  forgetAnswered();
}, 1000);

// ---------------------------------------------------------------------------------------------
// 1,000 parties, each started by /watchparty start in its own channel. The reply (the "press
// play" post) carries the party's buttons, which the load presses later.

const PARTY_BUTTONS = ['catchup', 'where'] as const;
const buttons = new Map<string, { message: APIMessage; ids: string[] }>();
const setupStarted = performance.now();
{
  let next = 0;
  const worker = async () => {
    while (next < partyChannels.length) {
      const channelId = partyChannels[next++]!;
      const pending = fake.command('/watchparty start starts:now event:false', { channelId });
      const [reply] = await pending.answer();
      const message = pending.record.original;
      const ids = (message?.components ?? []).flatMap((row) =>
        'components' in row
          ? row.components.flatMap((c) =>
              'custom_id' in c && PARTY_BUTTONS.some((action) => c.custom_id.includes(`:${action}:`))
                ? [c.custom_id]
                : [],
            )
          : [],
      );
      if (!message || !reply?.content.includes('Press play') || ids.length === 0)
        throw new Error(`/watchparty start in ${channelId} did not start a party: ${JSON.stringify(reply)}`);
      // Kept for the run (not forgotten): the buttons are pressed on this message.
      buttons.set(channelId, { message, ids });
    }
  };
  await Promise.all(Array.from({ length: 25 }, worker));
}
const setupMs = performance.now() - setupStarted;
if (app.watchParties.size !== PARTIES)
  throw new Error(`expected ${PARTIES} parties, have ${app.watchParties.size}`);

// ---------------------------------------------------------------------------------------------
// The load: a fixed arrival rate, each interaction built from its command's own JSON.

type Kind = 'ask' | 'recap' | 'film' | 'progress' | 'autocomplete' | 'button';
const MIX: readonly (readonly [Kind, number])[] = [
  ['ask', 50],
  ['recap', 10],
  ['film', 8],
  ['progress', 12],
  ['autocomplete', 12],
  ['button', 8],
];
const LINES: Readonly<Record<Exclude<Kind, 'button'>, readonly string[]>> = {
  ask: [
    '/ask question:who plays ruth',
    '/ask question:why was miss lucy dismissed',
    '/ask question:what is a carer watched:45m',
    '/ask question:who dies private:true',
    '/ask question:where is hailsham',
    '/ask question:what happens at the cottages watched:1:00',
    '/ask question:does tommy get a deferral watched:end private:true',
  ],
  recap: ['/recap', '/recap until:45m', '/recap until:1:10 length:full private:true', '/recap length:short'],
  film: ['/film'],
  progress: ['/progress set watched:45m', '/progress show', '/progress set watched:1:20', '/progress clear'],
  autocomplete: [
    '/ask question:who is ruth watched:hail',
    '/recap until:4',
    '/progress set watched:1',
    '/progress set watched:hail',
  ],
};
const MIX_TOTAL = MIX.reduce((sum, [, weight]) => sum + weight, 0);
const chooseKind = (): Kind => {
  let roll = random() * MIX_TOTAL;
  for (const [kind, weight] of MIX) if ((roll -= weight) < 0) return kind;
  return 'ask';
};
/** What no answer in this mix should say: the bot's apology, a restart notice, a stale or ended party's button. */
const FAILURES = [GENERIC_FAILURE, RESTARTING, STALE_BUTTON, 'That watch party is over'];

interface Results {
  sent: number;
  answered: number;
  latencies: number[];
  byKind: Map<Kind, number[]>;
  lagMs: number;
  lastCallbackAt: number;
}
const inFlight = new Set<Promise<void>>();

const dispatch = (kind: Kind, results: Results | undefined) => {
  const channelId = pick(partyChannels);
  const userId = pick([USERS.organiser.id, USERS.viewer.id]);
  let pending: PendingInteraction;
  let line: string;
  if (kind === 'button') {
    const { message, ids } = buttons.get(channelId)!;
    line = pick(ids);
    pending = fake.click(line, { message, userId });
  } else {
    line = pick(LINES[kind]);
    pending =
      kind === 'autocomplete'
        ? fake.autocomplete(line, { channelId, userId })
        : fake.command(line, { channelId, userId });
  }
  const expected =
    kind === 'autocomplete' ? R.ApplicationCommandAutocompleteResult : R.ChannelMessageWithSource;
  const done = pending.callback().then(
    (callback) => {
      const latency = pending.latencyMs!;
      answered.push({ id: pending.id, at: performance.now() });
      const content = callback.type === R.ChannelMessageWithSource ? (callback.data.content ?? '') : '';
      if (callback.type !== expected) noteError('wrong answers', `${line}: callback type ${callback.type}`);
      else if (FAILURES.some((failure) => content.includes(failure)))
        noteError('wrong answers', `${line}: ${content}`);
      if (!results) return;
      results.answered += 1;
      results.latencies.push(latency);
      results.byKind.get(kind)!.push(latency);
      results.lastCallbackAt = Math.max(results.lastCallbackAt, pending.record.callbackAt!);
    },
    (error: unknown) => noteError('missing callbacks', `${line}: ${(error as Error).message.split('\n')[0]}`),
  );
  inFlight.add(done);
  void done.finally(() => inFlight.delete(done));
};

/** Sends RATE interactions a second for `seconds`, on schedule: late ticks catch up, nothing waits for answers. */
const drive = (seconds: number, results?: Results) =>
  new Promise<void>((resolve) => {
    const total = Math.round(seconds * RATE);
    const started = performance.now();
    let sent = 0;
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - started) / 1000) * RATE) + 1);
      while (sent < due) {
        if (results) results.lagMs = Math.max(results.lagMs, now - (started + (sent * 1000) / RATE));
        dispatch(chooseKind(), results);
        sent += 1;
        if (results) results.sent += 1;
      }
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    };
    const timer = setInterval(tick, 1);
    tick();
  });
const settle = async () => {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
};

// ---------------------------------------------------------------------------------------------
// Checkpoints on the real clock: each party is synced to a position just short of one of its
// checkpoints, so that checkpoint falls due during the run; the due times spread evenly over the
// run, from 5% to 95% of it. The checkpoints picked are far from their neighbours, so no party
// posts twice, and none is the last (which would end the party). The warm-up fills the time
// between the syncs and the run, which starts at a time fixed before the syncs.
//
// discord.js sends channel posts under Discord's global limit of 50 requests/s (interaction
// callbacks are exempt), so at most MAX_POSTS_PER_S parties are made to post each second: all
// of them in 60 s, fewer in a short run. The others keep running from 0:00, their first
// checkpoint half an hour away.

const runMs = SECONDS * 1000;
const MAX_POSTS_PER_S = 40;
const posting = Math.min(PARTIES, Math.floor(MAX_POSTS_PER_S * 0.9 * SECONDS));
const maxLeadMs = SYNC_BUDGET_MS + WARMUP_S * 1000 + PAUSE_MS + runMs + 10_000;
const stops = stopsOf(pack);
const usable: Stop[] = stops.filter(
  (stop, i) =>
    !stop.final &&
    stop.checkpoint !== undefined &&
    stop.atMs - (stops[i - 1]?.atMs ?? 0) > maxLeadMs &&
    stops[i + 1]!.atMs - stop.atMs > maxLeadMs,
);
if (usable.length === 0)
  throw new Error(`no checkpoint of ${pack.film.title} is ${maxLeadMs / 1000} s from its neighbours`);

const syncStarted = performance.now();
const plannedRunStart = syncStarted + SYNC_BUDGET_MS + WARMUP_S * 1000 + PAUSE_MS;
for (const [i, channelId] of partyChannels.slice(0, posting).entries()) {
  const stop = usable[i % usable.length]!;
  const due = plannedRunStart + (0.05 + (0.9 * (i + 0.5)) / posting) * runMs;
  // The position now that reaches the checkpoint at `due`.
  const positionMs = stop.atMs - (due - performance.now());
  await app.watchParties.sync(
    { userId: USERS.organiser.id, guildId: IDS.guild, channelId, canManageEvents: true },
    positionMs / 1000,
  );
  dueAt.set(channelId, due);
}
const syncMs = performance.now() - syncStarted;
if (syncMs > SYNC_BUDGET_MS)
  throw new Error(
    `syncing ${posting} parties took ${syncMs.toFixed(0)} ms, over the ${SYNC_BUDGET_MS} ms allowed`,
  );

// Warm-up at the same rate (JIT, caches, sockets), not measured; its errors still count.
const warmupS = (plannedRunStart - PAUSE_MS - performance.now()) / 1000;
await drive(warmupS);
await settle();
tallyRest();
forgetAnswered(Infinity);
const start = await memoryAfterGc();
await sleep(plannedRunStart - performance.now());

// The run.
const results: Results = {
  sent: 0,
  answered: 0,
  latencies: [],
  byKind: new Map(MIX.map(([kind]) => [kind, []])),
  lagMs: 0,
  lastCallbackAt: 0,
};
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
runStarted = performance.now();
loopDelay.enable();
await drive(SECONDS, results);
const sendingMs = performance.now() - runStarted;
loopDelay.disable();
await settle();
// Posts due at the very end of the window, and the fake's last answers, before the final reading.
await sleep(Math.max(...dueAt.values()) + 1000 - performance.now());
tallyRest();
forgetAnswered(Infinity);
const end = await memoryAfterGc();
const partiesLeft = app.watchParties.size;

clearInterval(housekeeping);
await bot.stop();
await fake.close();
tallyRest();

// ---------------------------------------------------------------------------------------------
// The summary.

const elapsedS = (Math.max(results.lastCallbackAt, runStarted + sendingMs) - runStarted) / 1000;
const throughput = results.answered / elapsedS;
const sorted = [...results.latencies].sort((a, b) => a - b);
const p99 = percentile(sorted, 99);
const growth = (end.rss - start.rss) / start.rss;
const delays = [...posts.delays].sort((a, b) => a - b);
const total = errorCount();
const share = (kind: Kind) => `${Math.round((100 * MIX.find(([k]) => k === kind)![1]) / MIX_TOTAL)}%`;

console.log(
  `soak: ${SECONDS} s at ${RATE} interactions/s through the fake Discord and discord.js, ${PARTIES} running watch parties, real clock`,
);
console.log(
  `  parties: ${PARTIES}, one per channel, each started by /watchparty start starts:now event:false ` +
    `(${(setupMs / 1000).toFixed(1)} s: discord.js edits each deferred reply within the global 50 requests/s)`,
);
console.log(
  `  checkpoints: ${posting} of the parties synced (PartyService.sync, ${syncMs.toFixed(0)} ms in all) to just short of a checkpoint ` +
    `(${usable.map((stop) => formatFilmTime(stop.atMs / 1000)).join(', ')}), so each posts one over REST, due evenly from 5% to 95% into the run ` +
    `(at most ${MAX_POSTS_PER_S}/s, under that global limit)${posting < PARTIES ? `; the other ${PARTIES - posting} run on from 0:00 and post nothing yet` : ''}`,
);
console.log(
  `  mix (open loop, seeded): /ask ${share('ask')}, /recap ${share('recap')}, /film ${share('film')}, /progress ${share('progress')}, ` +
    `autocomplete ${share('autocomplete')}, buttons ${share('button')} (Catch me up / Where are we? on the parties' posts); ` +
    `2 users, random party channels; warm-up ${warmupS.toFixed(1)} s at the same rate, not measured`,
);
console.log(
  `  interactions: ${results.sent} sent, ${results.answered} answered; throughput ${throughput.toFixed(1)}/s (offered ${RATE}/s); ` +
    `sends at most ${results.lagMs.toFixed(1)} ms behind schedule; event loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms, ` +
    `max ${(loopDelay.max / 1e6).toFixed(1)} ms   ${ok(results.answered === results.sent && throughput >= 0.99 * RATE)} (target: keeps up)`,
);
console.log(
  `  dispatch → callback: p50 ${ms(percentile(sorted, 50))}, p90 ${ms(percentile(sorted, 90))}, p99 ${ms(p99)}, max ${ms(sorted.at(-1) ?? NaN)}   ` +
    `${ok(p99 < TARGET_P99_MS)} (target p99 < ${TARGET_P99_MS} ms)`,
);
for (const [kind, latencies] of results.byKind) {
  const own = [...latencies].sort((a, b) => a - b);
  console.log(
    `    ${kind.padEnd(12)} ${String(own.length).padStart(6)}  p50 ${ms(percentile(own, 50))}, p99 ${ms(percentile(own, 99))}, max ${ms(own.at(-1) ?? NaN)}`,
  );
}
console.log(
  `  checkpoint posts during the run: ${posts.made} of ${posting} due${posts.early > 0 ? ` (${posts.early} before it)` : ''}; due → received by the fake: p50 ${ms(percentile(delays, 50))}, ` +
    `p99 ${ms(percentile(delays, 99))}, max ${ms(delays.at(-1) ?? NaN)}; parties still running: ${partiesLeft}   ` +
    `${ok(posts.made === posting && posts.early === 0 && partiesLeft === PARTIES)}`,
);
console.log(
  `  RSS: ${mb(start.rss).toFixed(1)} MB at the start (after the warm-up), ${mb(end.rss).toFixed(1)} MB at the end (${growth >= 0 ? '+' : ''}${(100 * growth).toFixed(1)}%)` +
    `${gc ? ', each after a full GC' : ' (run with --expose-gc to read them after a full GC)'}   ` +
    `${ok(growth < TARGET_RSS_GROWTH)} (target < ${100 * TARGET_RSS_GROWTH}%)`,
);
console.log(
  `    heap used: ${mb(start.heapUsed).toFixed(1)} MB → ${mb(end.heapUsed).toFixed(1)} MB; REST calls answered by the fake, setup included: ${restCalls}`,
);
console.log(
  `  errors (setup, warm-up, run and shutdown): ${total}   ${ok(total === 0)} ` +
    `(target 0: missing or failed callbacks, error logs, unhandled rejections, HTTP 4xx/5xx from the fake)`,
);
for (const [kind, { count, samples }] of errors) {
  console.log(`    ${kind}: ${count}`);
  for (const sample of samples) console.log(`      ${sample}`);
}
if (warnings.size > 0)
  console.log(
    `  warnings (not errors): ${[...warnings].map(([what, count]) => `${what} ×${count}`).join('; ')}`,
  );
