// `pnpm -s factcite …` from the repository root: runs the built CLI, or says
// how to build it instead of failing with a module-not-found stack trace.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../packages/cli/dist/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('factcite: the CLI is not built yet; run `npx -y pnpm@10 build` first.\n');
  process.exit(2);
}
await import(pathToFileURL(cli).href);
