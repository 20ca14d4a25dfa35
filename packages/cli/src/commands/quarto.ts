import { cpSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pc from 'picocolors';
import { EXIT, UsageError } from '../errors.js';
import { writeErr } from '../terminal.js';

export interface QuartoOptions {
  force?: boolean;
}

/** The extension folder shipped in this package: quarto/_extensions/factcite. */
export function extensionSource(): string {
  return fileURLToPath(new URL('../quarto/_extensions/factcite', import.meta.url));
}

/**
 * `factcite quarto install [DIR]`: copies the Quarto extension into
 * DIR/_extensions/factcite, where `quarto render` finds it (`filters:
 * [factcite]`) and plain pandoc can use it (`--lua-filter
 * _extensions/factcite/factcite.lua`).
 */
export function quartoCommand(action: string, dir: string, options: QuartoOptions): number {
  if (action !== 'install') throw new UsageError(`unknown quarto action "${action}"; use: factcite quarto install [dir]`);
  if (!existsSync(dir)) throw new UsageError(`no such directory: ${dir}`);
  const target = path.join(dir, '_extensions', 'factcite');
  if (existsSync(target) && !options.force) throw new UsageError(`${target} exists; add --force to replace it`);
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(extensionSource(), target, { recursive: true, force: true });
  writeErr(
    `${pc.green('✔')} installed ${target}\n` +
      `  Quarto: add to the document or _quarto.yml:  filters: [factcite]\n` +
      `  pandoc: pandoc --lua-filter ${path.join(target, 'factcite.lua')} --citeproc report.md -o report.docx\n` +
      `  The factcite command must be on PATH (npm install -g @factcite/cli), or set factcite.command / FACTCITE_COMMAND.\n`,
  );
  return EXIT.ok;
}
