import { z } from 'zod';
import { optionalPackFiles, packFiles } from './schema.js';

/** `facts.json` → `facts.schema.json`, generated from the zod schemas so the two never drift. */
export const packJsonSchemas = (): Record<string, unknown> =>
  Object.fromEntries(
    [
      ...Object.entries(packFiles),
      ...Object.entries(optionalPackFiles).map(([file, { schema }]) => [file, schema] as const),
    ].map(([file, schema]) => [
      file.replace(/\.json$/, '.schema.json'),
      { ...z.toJSONSchema(schema, { io: 'input' }), title: `Story pack: ${file}` },
    ]),
  );
