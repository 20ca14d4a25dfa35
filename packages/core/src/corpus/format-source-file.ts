// Apart from splitSourceFile, which editors call: writing needs YAML, reading a body does not.
import { yaml } from '../deps/yaml.js';
import { expectArgument, expectText } from '../errors.js';
import { lazySchema } from '../lazy-schema.js';
import type { SourceMeta } from './schema.js';

/** Key order of a source's front matter, so that files diff cleanly. */
const KEY_ORDER: (keyof SourceMeta)[] = ['id', 'title', 'publisher', 'authors', 'published', 'url', 'page', 'language', 'script', 'origin', 'defects'];

const metaSchema = lazySchema((z) => z.record(z.string(), z.unknown()));

/** Writes a source file: YAML front matter in a fixed key order, a blank line, the body. */
export function formatSourceFile(meta: Partial<SourceMeta> & Record<string, unknown>, body: string): string {
  expectArgument(metaSchema(), meta, 'formatSourceFile', 'meta');
  expectText(body, 'formatSourceFile', 'body');
  const ordered: Record<string, unknown> = {};
  for (const key of KEY_ORDER) if (meta[key] !== undefined) ordered[key] = meta[key];
  for (const [key, value] of Object.entries(meta)) if (!(key in ordered) && value !== undefined) ordered[key] = value;
  const frontMatter = yaml().stringify(ordered, { lineWidth: 0, defaultStringType: 'PLAIN' });
  return `---\n${frontMatter}---\n\n${body}`;
}
