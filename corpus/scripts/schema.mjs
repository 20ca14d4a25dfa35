// Writes the JSON Schemas of the corpus files (generated from the zod schemas
// in @factcite/core) to schema/. Committed, so editors validate YAML as a
// maintainer types; a test fails when they are stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusJsonSchemas } from '@factcite/core';

const dir = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'schema');
for (const [name, schema] of Object.entries(corpusJsonSchemas())) {
  writeFileSync(path.join(dir, `${name}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
}
console.log(`wrote ${Object.keys(corpusJsonSchemas()).length} schemas to ${path.relative(process.cwd(), dir) || '.'}`);
