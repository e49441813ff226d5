import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { packJsonSchemas } from '../../src/story/json-schema.js';

describe('the exported JSON Schemas', () => {
  it('GIVEN the zod schemas THEN data/schema/ matches them (run `npm run schema` after changing schema.ts)', async () => {
    for (const [file, schema] of Object.entries(packJsonSchemas())) {
      const written = JSON.parse(
        await readFile(new URL(`../../data/schema/${file}`, import.meta.url), 'utf8'),
      );
      expect(written, file).toEqual(schema);
    }
  });
});
