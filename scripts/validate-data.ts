/**
 * Checks every story pack under FILMS_DIR (default data/films/, or the folders given) and prints
 * each problem as `file $.json.path: message`. Exits 1 when any pack has one.
 */
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { formatIssue } from '../src/story/issues.js';
import { listPackDirs, validatePack } from '../src/story/load.js';

const targets = process.argv.slice(2);
const dirs = targets.length > 0 ? targets : await listPackDirs(loadConfig().filmsDir);
let problems = 0;
for (const dir of dirs) {
  const shown = path.relative(process.cwd(), dir) || dir;
  const issues = await validatePack(dir, shown);
  problems += issues.length;
  if (issues.length === 0) console.log(`ok   ${shown}`);
  else {
    console.log(`FAIL ${shown} (${issues.length} problem${issues.length === 1 ? '' : 's'})`);
    for (const issue of issues) console.log(`  ${formatIssue(issue)}`);
  }
}
if (dirs.length === 0) {
  console.log('No story packs found under FILMS_DIR (default data/films/).');
  process.exitCode = 1;
}
if (problems > 0) process.exitCode = 1;
