/**
 * Measures /ask on the dev question set (test/answer/questions.json): accuracy,
 * with four later sets (test/answer/holdout.json, blind.json, fresh.json, final.json) beside it,
 * spoiler leaks, latency per answer (engine, composition and rendering) and the
 * time to build the index. `-- --verbose` prints every miss and leak.
 */
import { AnswerEngine } from '../src/answer/engine.js';
import { loadPack } from '../src/story/load.js';
import { fold } from '../src/text/fold.js';
import { judge, loadQuestions } from '../test/answer/evaluate.js';
import { percentile } from './support/stats.js';

const verbose = process.argv.includes('--verbose');
const pack = await loadPack('data/films/never-let-me-go');
const questions = loadQuestions();

const builds: number[] = [];
let engine: AnswerEngine | undefined;
for (let i = 0; i < 7; i += 1) {
  const started = performance.now();
  engine = new AnswerEngine(pack);
  builds.push(performance.now() - started);
}

for (const question of questions) judge(engine!, pack, question); // warm-up: JIT, caches
const verdicts = questions.map((question) => judge(engine!, pack, question));
const timings: number[] = [];
for (let run = 0; run < 20; run += 1)
  for (const question of questions) timings.push(judge(engine!, pack, question).micros);

const answered = verdicts.filter((v) => v.answered).length;
const leaks = verdicts.filter((v) => v.leakedWords.length > 0 || v.leakedFacts.length > 0);
const pct = (100 * answered) / verdicts.length;
const p50 = percentile(timings, 50) / 1000;
const p99 = percentile(timings, 99) / 1000;

if (verbose)
  for (const v of verdicts.filter((v) => !v.answered || v.leakedWords.length > 0 || v.leakedFacts.length > 0))
    console.log(
      `\n[${v.answered ? 'LEAK' : 'MISS'}] ${v.question.id} @${v.question.watched}: ${v.question.question}\n  want ${JSON.stringify(v.question.mustContain)}${v.leakedWords.length ? ` leaked ${JSON.stringify(v.leakedWords)}` : ''}${v.leakedFacts.length ? ` facts ${v.leakedFacts.join(',')}` : ''}\n  ${v.content.replace(/\n/g, '\n  ')}`,
    );

/**
 * More sets, each written later from the seeds alone by someone who saw neither the pack's
 * phrasings nor the earlier sets. Their first, blind scores are kept here. The first three have
 * since been read, and a set whose misses have been read measures like a dev set, not like new
 * users; final.json has not been read: keep it that way, or write a new one, to measure blind.
 */
const laterSets = [
  { file: 'holdout.json', name: 'held-out set', blind: '66/80 (82.5%)' },
  { file: 'blind.json', name: 'blind set', blind: '42/60 (70.0%)' },
  { file: 'fresh.json', name: 'fresh set', blind: '44/60 (73.3%)' },
  // Its misses are not listed, even with --verbose, so it can stay blind.
  { file: 'final.json', name: 'final set', blind: '43/60 (71.7%)', unread: true },
] as const;
const later = laterSets.map((set) => {
  const judged = loadQuestions(set.file).map((question) => judge(engine!, pack, question));
  if (verbose && !('unread' in set))
    for (const v of judged.filter((v) => !v.answered || v.leakedWords.length > 0 || v.leakedFacts.length > 0))
      console.log(
        `\n[${set.name} ${v.answered ? 'LEAK' : 'MISS'}] ${v.question.id} @${v.question.watched}: ${v.question.question}`,
      );
  const right = judged.filter((v) => v.answered).length;
  const leaked = judged.filter((v) => v.leakedWords.length > 0 || v.leakedFacts.length > 0).length;
  return `${set.name}: answered ${right}/${judged.length} (${((100 * right) / judged.length).toFixed(1)}%), leaked ${leaked}  (first, blind: ${set.blind})`;
});

const ok = (pass: boolean) => (pass ? 'ok' : 'MISSED');
// Questions worded exactly like one of the pack's "ask" phrasings measure recall, not understanding.
const phrasings = new Set(pack.facts.flatMap((fact) => fact.ask.map(fold)));
const unseen = verdicts.filter((v) => !phrasings.has(fold(v.question.question)));
console.log(`bench:qa ${pack.film.title}: ${verdicts.length} questions, ${pack.facts.length} facts`);
console.log(`answered ${answered}/${verdicts.length} (${pct.toFixed(1)}%)  target >= 95%  ${ok(pct >= 95)}`);
console.log(
  `  of which worded unlike any pack phrasing: ${unseen.filter((v) => v.answered).length}/${unseen.length} (${((100 * unseen.filter((v) => v.answered).length) / unseen.length).toFixed(1)}%)`,
);
console.log(`leaked ${leaks.length}  target 0  ${ok(leaks.length === 0)}`);
for (const line of later) console.log(line);
console.log(
  `answer latency p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms (${timings.length} answers, incl. rendering)  target p99 < 2 ms  ${ok(p99 < 2)}`,
);
console.log(
  `index build ${builds[0]!.toFixed(1)} ms first, ${percentile(builds, 50).toFixed(1)} ms median of ${builds.length}  target < 200 ms  ${ok(builds[0]! < 200)}`,
);
if (!verbose && (answered < verdicts.length || leaks.length > 0))
  console.log('(npm run bench:qa -- --verbose lists each miss and leak)');
// A missed target fails the run, as bench:party does.
if (pct < 95 || leaks.length > 0 || p99 >= 2 || builds[0]! >= 200) process.exitCode = 1;
