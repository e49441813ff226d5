/**
 * Writes one JSON Schema per pack file to data/schema/, for editors. Each pack
 * file names its schema in "$schema". A test fails when these are out of date.
 */
import { writeFile } from 'node:fs/promises';
import { packJsonSchemas } from '../src/story/json-schema.js';

for (const [file, schema] of Object.entries(packJsonSchemas())) {
  await writeFile(`data/schema/${file}`, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote data/schema/${file}`);
}
