import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyCorpus, editFact } from './fixtures.js';
import { factcite, tempDir } from './run.js';

// A caveat on a real fact, written in Simplified only (the source's script), so a
// Traditional report must see it converted.
const NOTE_HANS = '620亿港元是基金规模，不是与思谋集团合作的金额';
const NOTE_HANT = '620億港元是基金規模，不是與思謀集團合作的金額';
const NOTE_EN = 'HK$62 billion is the size of the fund, not the value of the SmartMore deal';

/** The fact's block with its notes (whatever the corpus gives it) replaced by `notes`. */
function withNotes(block: string, notes: string): string {
  return block.replace(/^ {2}notes:\n(?: {4}.*\n)*/m, '').replace('  status: active\n', `  status: active\n${notes}`);
}

function corpusWithNote(): string {
  const { corpus } = copyCorpus('notes');
  editFact(corpus, 'hkic-fund-size-usd', (block) => withNotes(block, `  notes:\n    - zh-Hans: ${NOTE_HANS}。\n      en: ${NOTE_EN}.\n`));
  return corpus;
}

function report(text: string): string {
  const file = path.join(tempDir('notes-report'), 'report.md');
  writeFileSync(file, text);
  return file;
}

describe('fact notes', () => {
  const corpus = corpusWithNote();

  it('factcite get shows every note, Chinese then English', () => {
    const { code, stdout } = factcite(['get', 'hkic-fund-size-usd', '--corpus', corpus]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const at = lines.findIndex((l) => l.trim().startsWith('note'));
    expect(lines[at]).toContain(NOTE_HANS);
    expect(lines[at + 1]).toContain(NOTE_EN);
    // Read before the source and its quote.
    expect(at).toBeLessThan(lines.findIndex((l) => l.trim().startsWith('source')));
  });

  it('factcite get --json carries the notes as records', () => {
    const fact = JSON.parse(factcite(['get', 'hkic-fund-size-usd', '--corpus', corpus, '--json']).stdout);
    expect(fact.notes).toEqual([{ 'zh-Hans': `${NOTE_HANS}。`, en: `${NOTE_EN}.` }]);
  });

  it('render puts the note after the statement, in the report’s script, in Markdown and HTML', () => {
    const hans = factcite(['render', report('港投公司约合80亿美元[@fact:hkic-fund-size-usd]。\n'), '--corpus', corpus]);
    expect(hans.code).toBe(0);
    expect(hans.stdout).toMatch(new RegExp(`\\[\\^1\\]: .*。说明：${NOTE_HANS}。`));

    const hant = factcite([
      'render',
      report('香港投資管理有限公司的資金約合80億美元[@fact:hkic-fund-size-usd]，這個數字經常與合作協議的金額混淆。\n'),
      '--corpus',
      corpus,
      '--format',
      'html',
    ]);
    expect(hant.code).toBe(0);
    expect(hant.stdout).toMatch(new RegExp(`<li id="note-1">[^\\n]*說明：${NOTE_HANT}。`));

    const en = factcite(['render', report('The fund is worth about US$8 billion [@fact:hkic-fund-size-usd].\n'), '--corpus', corpus]);
    expect(en.stdout).toContain(`Note: ${NOTE_EN}.`);
    expect(en.stdout).not.toContain(NOTE_HANS);
  });

  it('validate rejects a note without Chinese, or an empty list, at its line', () => {
    const { corpus: bad } = copyCorpus('notes-bad');
    editFact(bad, 'hkic-fund-size-usd', (block) => withNotes(block, `  notes:\n    - en: ${NOTE_EN}.\n`));
    editFact(bad, 'hkic-fund-size-hkd', (block) => withNotes(block, '  notes: []\n'));
    const { code, stdout } = factcite(['validate', '--corpus', bad]);
    expect(code).not.toBe(0);
    expect(stdout).toMatch(/tmtpost-hkic-smartmore-2024-06-14\.yaml:\d+:\d+.*needs a Chinese note in zh-Hans or zh-Hant/);
    expect(stdout).toMatch(/tmtpost-hkic-smartmore-2024-06-14\.yaml:\d+:\d+.*leave notes out rather than empty/);
  });
});
