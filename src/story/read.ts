import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { jsonPath, type PackIssue } from './issues.js';
import { packFiles, type PackFileName } from './schema.js';

export type RawPack = { [F in PackFileName]: z.infer<(typeof packFiles)[F]> };

/**
 * Reads and shape-checks every file of a pack. Returns the files only when all
 * of them parse; otherwise every problem found, so a pack author fixes them in one go.
 */
export const readPackFiles = async (
  dir: string,
  displayDir = dir,
): Promise<{ raw: RawPack; issues: [] } | { raw: null; issues: PackIssue[] }> => {
  const issues: PackIssue[] = [];
  const raw: Partial<Record<PackFileName, unknown>> = {};
  for (const [name, schema] of Object.entries(packFiles) as [PackFileName, z.ZodType][]) {
    const file = path.join(displayDir, name);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path.join(dir, name), 'utf8'));
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      issues.push({
        file,
        path: '$',
        message: missing ? 'file is missing' : `is not valid JSON (${(error as Error).message})`,
      });
      continue;
    }
    const result = schema.safeParse(json);
    if (result.success) raw[name] = result.data;
    else
      for (const issue of result.error.issues)
        issues.push({ file, path: jsonPath(issue.path), message: issue.message });
  }
  return issues.length > 0 ? { raw: null, issues } : { raw: raw as RawPack, issues: [] };
};
