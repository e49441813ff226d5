import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { jsonPath, type PackIssue } from './issues.js';
import { optionalPackFiles, packFiles, type PackFileName } from './schema.js';

type OptionalFileName = keyof typeof optionalPackFiles;
export type RawPack = { [F in PackFileName]: z.infer<(typeof packFiles)[F]> } & {
  [F in OptionalFileName]: z.infer<(typeof optionalPackFiles)[F]['schema']>;
};

/**
 * Reads and shape-checks every file of a pack. Returns the files only when all
 * of them parse; otherwise every problem found, so a pack author fixes them in one go.
 */
export const readPackFiles = async (
  dir: string,
  displayDir = dir,
): Promise<{ raw: RawPack; issues: [] } | { raw: null; issues: PackIssue[] }> => {
  const issues: PackIssue[] = [];
  const raw: Partial<Record<PackFileName | OptionalFileName, unknown>> = {};
  const files: [PackFileName | OptionalFileName, z.ZodType, unknown][] = [
    ...(Object.entries(packFiles) as [PackFileName, z.ZodType][]).map(
      ([name, schema]) => [name, schema, undefined] as [PackFileName, z.ZodType, unknown],
    ),
    ...(
      Object.entries(optionalPackFiles) as [OptionalFileName, { schema: z.ZodType; absent: unknown }][]
    ).map(([name, { schema, absent }]) => [name, schema, absent] as [OptionalFileName, z.ZodType, unknown]),
  ];
  for (const [name, schema, absent] of files) {
    const file = path.join(displayDir, name);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path.join(dir, name), 'utf8'));
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      if (missing && absent !== undefined) {
        raw[name] = absent;
        continue;
      }
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
