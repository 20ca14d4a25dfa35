import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/**
 * A skeleton of this repository for `changeset version`: the root manifest,
 * the workspace list, the changesets config, and every workspace package's
 * manifest (the config's fixed group must find its packages).
 */
function skeleton(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'factcite-changelog-'));
  temporary.push(root);
  for (const file of ['package.json', 'pnpm-workspace.yaml', '.changeset/config.json']) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    cpSync(path.join(repo, file), path.join(root, file));
  }
  const workspaces = ['corpus', 'bench', ...['packages', 'extensions'].flatMap((dir) => readdirSync(path.join(repo, dir)).map((name) => `${dir}/${name}`))];
  for (const dir of workspaces) {
    mkdirSync(path.join(root, dir), { recursive: true });
    cpSync(path.join(repo, dir, 'package.json'), path.join(root, dir, 'package.json'));
  }
  return root;
}

// Release notes as `factcite changeset` writes them: Chinese statements with
// Latin letters and digits inside, full-width punctuation, no spaces.
const NOTES = [
  '- `hkic-fund-size-usd` (value.qualifier): 港投公司持有的620亿港元资金约合80亿美元。',
  '- `hk-ai-subsidy-scheme-3bn`: 政府推出30億港元「人工智能資助計劃」，供本地AI公司使用數碼港超算中心的算力。',
];

describe('changeset version', () => {
  it('writes the Chinese text of the release notes into CHANGELOG.md unchanged', () => {
    const root = skeleton();
    writeFileSync(
      path.join(root, '.changeset', 'factcite-corpus.md'),
      `---\n"@factcite/corpus": minor\n---\n\nFacts release.\n\n**Corrected**\n\n${NOTES.join('\n')}\n`,
    );
    execFileSync(path.join(repo, 'node_modules', '.bin', 'changeset'), ['version'], { cwd: root, stdio: 'pipe' });
    const changelog = readFileSync(path.join(root, 'corpus', 'CHANGELOG.md'), 'utf8');
    for (const line of NOTES) expect(changelog).toContain(line);
  });
});
