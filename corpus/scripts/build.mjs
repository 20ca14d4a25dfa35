// Builds the release of @factcite/corpus into dist/ with the same code as
// `factcite build` (buildRelease in @factcite/core/node): the data as JSON and
// as ESM/CJS modules with a typed FactId union, the JSON Schemas, and a
// manifest of content hashes. An invalid corpus fails the build and leaves
// the previous dist/ in place.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRelease } from '@factcite/core/node';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const result = buildRelease({ corpusDir: root, relativeTo: root });
if (!result.ok) {
  for (const e of result.errors) console.error(`${e.file}:${e.line}:${e.column}  ${e.code}  ${e.message}`);
  console.error(`corpus build failed: ${result.errors.length} error(s); dist/ left as it was. Run factcite validate for details.`);
  process.exit(1);
}
const { name, version, counts, release } = result.manifest;
console.log(`${name} ${version}: ${counts.facts} facts, ${counts.sources} sources, ${counts.entities} entities; release sha256 ${release.slice(0, 12)}`);
