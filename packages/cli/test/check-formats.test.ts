import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { factcite, tempDir } from './run.js';
import { pandoc, pickFacts } from './writers.js';

const picked = pickFacts();
const { other, deprecated, money } = picked;

/** A report with one problem of each kind, each in its own paragraph, under headings. */
const report = [
  '# 简报',
  '',
  '## 政府投入',
  '',
  `第一句没有问题。政府预留${picked.wrongAmount}[@fact:${money.id}]。`,
  '',
  `数码港[@fact:${other.id}-typo]。`,
  '',
  '## 企业',
  '',
  `- 旧数据[@fact:${deprecated.id}]。`,
  `- 正确[@fact:${other.id}]。`,
  '',
].join('\n');

interface Finding {
  file: string;
  line: number;
  column: number;
  code: string;
  severity: string;
  message: string;
  paragraph?: number;
  heading?: string;
  sentence?: string;
}

describe('factcite check on Word, OpenDocument and HTML', () => {
  const dir = tempDir('docs');
  writeFileSync(path.join(dir, 'report.md'), report);
  for (const out of ['report.docx', 'report.odt', 'report.html']) {
    const made = pandoc(['report.md', '-s', '--metadata', 'title=简报', '-o', out], { cwd: dir });
    if (made.code !== 0) throw new Error(made.stderr);
  }

  for (const file of ['report.docx', 'report.odt', 'report.html']) {
    it(`locates each problem in ${file} by paragraph, sentence and heading`, () => {
      const { code, stdout } = factcite(['check', path.join(dir, file), '--json']);
      expect(code).toBe(1);
      const findings = (JSON.parse(stdout) as Finding[]).map((f) => [f.code, f.paragraph, f.sentence, f.heading]);
      // Paragraphs as the reader sees them: the title 1, 简报 2, 政府投入 3, the amount 4, the typo 5, 企业 6, list items 7 and 8.
      expect(findings).toEqual([
        ['value-mismatch', 4, `政府预留${picked.wrongAmount}[@fact:${money.id}]。`, '政府投入'],
        ['unknown-fact', 5, `数码港[@fact:${other.id}-typo]。`, '政府投入'],
        ['deprecated-fact', 7, `旧数据[@fact:${deprecated.id}]。`, '企业'],
      ]);
    });
  }

  it('prints the paragraph and the sentence for a writer, with the citations counted', () => {
    const { stdout } = factcite(['check', path.join(dir, 'report.docx')]);
    expect(stdout).toMatch(new RegExp(`^ {2}paragraph 5 +error +Unknown fact "${other.id}-typo"`, 'm'));
    expect(stdout).toContain(`“数码港[@fact:${other.id}-typo]。”  (政府投入)`);
    expect(stdout).toMatch(/3 problems \(1 error, 2 warnings\); 4 citations in 1 file checked/);
  });

  it('names paragraphs as a Chinese writer does with --lang, in the text and in CI formats', () => {
    const hans = factcite(['check', '--lang', 'zh-Hans', path.join(dir, 'report.docx')]).stdout;
    expect(hans).toMatch(new RegExp(`^ {2}第5段 +错误 +找不到事实“${other.id}-typo”`, 'm'));
    expect(hans).not.toContain('paragraph');
    const github = factcite(['check', '--lang', 'zh-Hant', '--format', 'github', path.join(dir, 'report.docx')]).stdout;
    expect(github).toContain(`::第5段: 找不到事實「${other.id}-typo」`);
  });

  it("says in the writer's language how to install pandoc", () => {
    const { stderr } = factcite(['check', path.join(dir, 'report.docx')], { env: { PATH: '/nonexistent', LANG: 'zh_HK.UTF-8' } });
    expect(stderr).toMatch(/^factcite: 沒有安裝pandoc，或它不在PATH中；檢查.*report\.docx需要用到它。/);
  });

  it('says how to install pandoc when it is missing, without a stack trace', () => {
    const { code, stderr, stdout } = factcite(['check', path.join(dir, 'report.docx')], { env: { PATH: '/nonexistent' } });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^factcite: pandoc is not installed or not on PATH; checking .*report\.docx needs it\. Install it \(Debian\/Ubuntu: sudo apt-get install pandoc/,
    );
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
  });

  it('reports a file pandoc cannot read, and a missing one, in one line each', () => {
    writeFileSync(path.join(dir, 'broken.docx'), 'not a zip');
    const broken = factcite(['check', path.join(dir, 'broken.docx')]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^factcite: pandoc could not read .*broken\.docx: /);
    const missing = factcite(['check', path.join(dir, 'missing.docx'), '--json']);
    expect(JSON.parse(missing.stdout)[0]).toMatchObject({ code: 'unreadable-file', severity: 'error' });
  });
});

describe('factcite check for CI', () => {
  const dir = tempDir('ci');
  const md = path.join(dir, 'report.md');
  writeFileSync(md, report);

  it('--format sarif is a valid SARIF 2.1.0 log (the official schema), located in characters', () => {
    const schema = JSON.parse(readFileSync(path.join(__dirname, 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    // The schema's language pattern is not valid with the u flag, hence unicodeRegExp: false.
    const validate = ajv.compile(schema);
    const docx = path.join(dir, 'report.docx');
    pandoc(['report.md', '-o', 'report.docx'], { cwd: dir });
    for (const file of [md, docx]) {
      const { code, stdout } = factcite(['check', file, '--format', 'sarif']);
      expect(code).toBe(1);
      const log = JSON.parse(stdout);
      expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
      expect(log.runs[0].results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])).toEqual([
        ['value-mismatch', 'warning'],
        ['unknown-fact', 'error'],
        ['deprecated-fact', 'warning'],
      ]);
    }
    const { stdout } = factcite(['check', md, '--format', 'sarif']);
    const typo = JSON.parse(stdout).runs[0].results[1].locations[0].physicalLocation;
    expect(typo.region).toEqual({ startLine: 7, startColumn: 11, endLine: 7, endColumn: 11 + `${other.id}-typo`.length });
    expect(JSON.parse(stdout).runs[0].columnKind).toBe('unicodeCodePoints');

    // The check can fail: a log with a level SARIF does not have is rejected.
    const broken = JSON.parse(stdout);
    broken.runs[0].results[0].level = 'warn';
    expect(validate(broken)).toBe(false);
  });

  it('--format github prints workflow commands, escaping the file name and the message', () => {
    const odd = path.join(dir, 'a,b:c%.md');
    writeFileSync(odd, report);
    const { stdout } = factcite(['check', path.relative(process.cwd(), odd), '--format', 'github'], { cwd: process.cwd() });
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      new RegExp(`^::error file=[^,]*a%2Cb%3Ac%25\\.md,line=7,col=11,endLine=7,endColumn=\\d+,title=factcite unknown-fact::Unknown fact "${other.id}-typo"`),
    );
    expect(lines[0]).toMatch(/^::warning file=.*,title=factcite value-mismatch::/);

    pandoc(['report.md', '-o', 'report.docx'], { cwd: dir });
    const docx = factcite(['check', path.join(dir, 'report.docx'), '--format', 'github']).stdout.split('\n');
    expect(docx[1]).toMatch(
      new RegExp(`^::error file=[^,]*report\\.docx,title=factcite unknown-fact::paragraph 4: Unknown fact .*%0A“数码港\\[@fact:${other.id}-typo\\]。”$`),
    );
  });

  it('--fail-on decides the exit code: error (default), warning, never', () => {
    const warnings = path.join(dir, 'warnings.md');
    writeFileSync(warnings, `旧数据[@fact:${deprecated.id}]。\n`);
    expect(factcite(['check', warnings]).code).toBe(0);
    expect(factcite(['check', warnings, '--fail-on', 'warning']).code).toBe(1);
    expect(factcite(['check', md, '--fail-on', 'never']).code).toBe(0);
    expect(factcite(['check', md]).code).toBe(1);
    const bad = factcite(['check', md, '--fail-on', 'sometimes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--fail-on must be one of error, warning, never');
  });
});
