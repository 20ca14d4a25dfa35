import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { factcite, repoRoot, tempDir } from './run.js';

const layouts = path.join(repoRoot, 'packages', 'core', 'test', 'fixtures', 'ingest');

/** A corpus holding the real corpus's rules and one unseen publisher's rules and raw page. */
function corpusWith(layout: string): { dir: string; raw: string } {
  const dir = tempDir(`ingest-${layout}`);
  cpSync(path.join(repoRoot, 'corpus', 'ingest'), path.join(dir, 'ingest'), { recursive: true });
  cpSync(path.join(layouts, layout, 'rules.yaml'), path.join(dir, 'ingest', `${layout}.yaml`));
  mkdirSync(path.join(dir, 'raw'));
  mkdirSync(path.join(dir, 'facts'));
  const raw = path.join(dir, 'raw', `${layout}.txt`);
  cpSync(path.join(layouts, layout, 'raw.txt'), raw);
  return { dir, raw };
}

describe('factcite ingest with publisher rules', () => {
  it("cleans an unseen publisher's page by its rules file and fills the front matter from it", () => {
    const { dir, raw } = corpusWith('hkjfinance');
    const { code, stdout } = factcite(['ingest', raw, '--id', 'hkj-hkstp-incubator-2025-03-12', '--corpus', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('Cleaned by the rules of hkjfinance');
    const written = readFileSync(path.join(dir, 'sources', 'hkj-hkstp-incubator-2025-03-12.md'), 'utf8');
    expect(written).toBe(
      [
        '---',
        'id: hkj-hkstp-incubator-2025-03-12',
        'title: 科學園推5億元AI孵化計劃 三年內扶持30家初創',
        'publisher: 香江財經網',
        'authors:',
        '  - 陳嘉欣',
        'published: 2025-03-12',
        'language: zh',
        'script: Hant',
        'origin: hkjfinance.txt',
        'defects: []',
        '---',
        '',
        readFileSync(path.join(layouts, 'hkjfinance', 'body.md'), 'utf8'),
      ].join('\n'),
    );
    expect(factcite(['ingest', raw, '--check', '--corpus', dir]).code).toBe(0);
  });

  it("--explain shows each removed line with its number and rule, and the front matter's origins; it writes nothing", () => {
    const { dir, raw } = corpusWith('gbatech');
    const { code, stdout } = factcite(['ingest', raw, '--explain', '--corpus', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('rules: gbatech (湾区科技网), picked by the marker "湾区科技网" in the page; then generic');
    expect(stdout).toMatch(/^ {2}3 +generic:breadcrumb +您的位置：首页 > 资讯 > 大湾区$/m);
    expect(stdout).toMatch(/^ {2}5 +title +数码港人工智能超算中心扩容/m);
    expect(stdout).toMatch(/^ {2}15 +gbatech:event-advert +【广告】/m);
    expect(stdout).toMatch(/^ {2}23-29 +generic:related-links +推荐阅读 … \(4 lines\)$/m);
    expect(stdout).toMatch(/^ {2}authors +王晓明 {2}\(line 7, gbatech:dateline\)$/m);
    expect(existsSync(path.join(dir, 'sources'))).toBe(false);
  });

  it('--publisher overrides the marker; an unknown publisher is a usage error naming the known ones', () => {
    const { dir, raw } = corpusWith('mingchen');
    const generic = factcite(['ingest', raw, '--explain', '--publisher', 'takungpao', '--corpus', dir]);
    expect(generic.stdout).toContain('rules: takungpao (大公報), named by --publisher takungpao');
    const unknown = factcite(['ingest', raw, '--publisher', '信報', '--id', 'x', '--corpus', dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no ingest rules for publisher "信報" \(known: .*mingchen/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses to clean by a broken rules file, naming the file, line and column', () => {
    const { dir, raw } = corpusWith('mingchen');
    writeFileSync(
      path.join(dir, 'ingest', 'broken.yaml'),
      "publisher: 壞報\nmarkers: [壞報]\ndrop:\n  - rule: again\n    line: '(壞)\\1'\n  - rule: loose\n    lines: '^x'\n",
    );
    const { code, stderr } = factcite(['ingest', raw, '--id', 'x', '--corpus', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/ingest\/broken\.yaml:5:11: drop\[0\]\.line is not a pattern the cleaner can run/);
    expect(stderr).toMatch(/ingest\/broken\.yaml:6:5: unknown field "lines" in drop\[1\]/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(dir, 'sources'))).toBe(false);
  });
});

describe('factcite validate and the cleaning rules', () => {
  it('reports a broken rules file as an error at its line and column', () => {
    const dir = tempDir('validate-rules');
    for (const part of ['facts', 'sources', 'raw', 'entities.yaml', 'package.json', 'ingest'])
      cpSync(path.join(repoRoot, 'corpus', part), path.join(dir, part), { recursive: true });
    expect(factcite(['validate', '--corpus', dir]).code).toBe(0);
    writeFileSync(
      path.join(dir, 'ingest', 'takungpao.yaml'),
      readFileSync(path.join(repoRoot, 'corpus', 'ingest', 'takungpao.yaml'), 'utf8').replace('region: HK', 'region: Hong Kong'),
    );
    const { code, stdout } = factcite(['validate', '--corpus', dir, '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).errors).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/ingest\/takungpao\.yaml$/),
        line: 4,
        column: 9,
        code: 'invalid-ingest-rule',
        message: expect.stringContaining('region'),
      }),
    ]);
  });
});

describe('the incubator page, from raw capture to candidate facts', () => {
  it("ingest fills the front matter by the publisher's rules; mine proposes each amount, in Hong Kong dollars, with no junk", () => {
    const { dir, raw } = corpusWith('hkjfinance');
    cpSync(path.join(repoRoot, 'corpus', 'entities.yaml'), path.join(dir, 'entities.yaml'));
    expect(factcite(['ingest', raw, '--id', 'hkj-hkstp-incubator-2025-03-12', '--corpus', dir]).code).toBe(0);
    const { code, stdout } = factcite(['mine', 'hkj-hkstp-incubator-2025-03-12', '--stdout', '--corpus', dir]);
    expect(code).toBe(0);
    const stubs = parse(stdout) as {
      value: { text: string; amount: number; unit?: string; qualifier: string };
      entities: string[];
      statement: Record<string, string>;
    }[];
    expect(stubs.map((s) => s.value.text)).toEqual(['5億元', '30家', '約8,000平方米', '最高1,000萬元', '逾百家', '近20億元', '800多家']);
    expect(stubs[0]!.value).toMatchObject({ amount: 5e8, unit: 'HKD', qualifier: 'exact' });
    expect(stubs[2]!.value).toMatchObject({ amount: 8000, unit: 'square-metres', qualifier: 'approx' });
    expect(stubs[0]!.entities).toEqual(['hkstp']);
    expect(stubs[0]!.statement['zh-Hans']).toContain('预留5亿元');
    expect(stdout).toContain('bare 元 read as HKD: 香江財經網 is in HK (corpus/ingest/hkjfinance.yaml)');
  });
});

describe('mine without a rules file for the publisher', () => {
  it('reads bare 元 in a Traditional Chinese source as Hong Kong dollars, and says it guessed', () => {
    const dir = tempDir('mine-no-rules');
    mkdirSync(path.join(dir, 'facts'));
    cpSync(path.join(repoRoot, 'corpus', 'entities.yaml'), path.join(dir, 'entities.yaml'));
    const raw = path.join(dir, 'mingchen.txt');
    cpSync(path.join(layouts, 'mingchen', 'raw.txt'), raw);
    expect(factcite(['ingest', raw, '--id', 'mingchen-rd-institute', '--corpus', dir]).code).toBe(0);
    const { stdout } = factcite(['mine', 'mingchen-rd-institute', '--stdout', '--corpus', dir]);
    const stubs = parse(stdout) as { value: { text: string; unit?: string } }[];
    expect(stubs.find((s) => s.value.text === '10億元')!.value.unit).toBe('HKD');
    expect(stdout).toContain("bare 元 read as HKD: a Traditional Chinese source with no region in its publisher's rules");
  });
});
