import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { buildPack } from './build.js';
import { checkPack } from './check.js';
import { PackInvalidError, type PackIssue } from './issues.js';
import type { Pack } from './pack.js';
import { readPackFiles } from './read.js';

/** Every problem in the pack at dir; an empty list means it loads. */
export const validatePack = async (dir: string, displayDir = dir): Promise<PackIssue[]> => {
  const read = await readPackFiles(dir, displayDir);
  return read.raw ? checkPack(read.raw, displayDir) : read.issues;
};

export const loadPack = async (dir: string): Promise<Pack> => {
  const read = await readPackFiles(dir);
  const issues = read.raw ? checkPack(read.raw, dir) : read.issues;
  if (issues.length > 0 || !read.raw) throw new PackInvalidError(dir, issues);
  return buildPack(read.raw);
};

/** The pack folders under a films directory, one per film, in name order. */
export const listPackDirs = async (filmsDir: string): Promise<string[]> => {
  const entries = await readdir(filmsDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(filmsDir, entry.name))
    .sort();
};
