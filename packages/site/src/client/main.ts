/**
 * The reader's script, one bundle for every page: the display-script switch,
 * the copy buttons and, on the home page, search as you type with
 * @factcite/core's own engine over the release's prebuilt index. Every text
 * from the data is set as textContent, never parsed as HTML.
 */
import { createFactIndex, type FactIndex, type SearchHit } from '@factcite/core/search';
import type { SearchData } from '../search-data.js';
import { isScriptKey, SCRIPT_STORAGE_KEY } from './script-key.js';

const base = document.body.dataset.base ?? '/';

function announce(text: string): void {
  const toast = document.querySelector<HTMLElement>('.toast');
  if (!toast) return;
  toast.textContent = text;
  toast.classList.add('shown');
  setTimeout(() => toast.classList.remove('shown'), 2500);
}

function currentScript(): string {
  return document.documentElement.dataset.script ?? 'o';
}

const scriptListeners: (() => void)[] = [];

function setUpSwitch(): void {
  const select = document.querySelector<HTMLSelectElement>('#script-switch');
  if (!select) return;
  select.value = currentScript();
  select.closest<HTMLElement>('.script-switch')!.hidden = false;
  select.addEventListener('change', () => {
    const key = select.value;
    if (!isScriptKey(key)) return;
    document.documentElement.dataset.script = key;
    try {
      localStorage.setItem(SCRIPT_STORAGE_KEY, key);
    } catch {
      // Storage may be off (private windows); the choice then lasts for this page.
    }
    for (const listener of scriptListeners) listener();
  });
}

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Without the async clipboard (an http:// host other than localhost), the older command still works.
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

function setUpCopy(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const target = document.getElementById(button.dataset.copy ?? '');
      if (!target) return;
      // innerText is what is shown: the footnote in the script the reader chose, not all five.
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
      const text = target.innerText.trim();
      await copyText(text);
      announce(`Copied: ${text.length > 60 ? `${text.slice(0, 60)}…` : text}`);
    });
  }
}

const LIMIT = 10;

/** A fact's statement in the chosen script, with its language. */
function statementOf(data: SearchData, position: number, hit: SearchHit): [string, string] {
  const [originalLang, hans, hk, tw] = data.display[position]!;
  switch (currentScript()) {
    case 'en':
      return [hit.fact.statement.en, 'en'];
    case 'hans':
      return [hans, 'zh-Hans'];
    case 'hk':
      return [hk, 'zh-Hant-HK'];
    case 'tw':
      return [tw, 'zh-Hant-TW'];
    default:
      return originalLang === 'zh-Hans' ? [hans, 'zh-Hans'] : [hk, originalLang];
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

interface Loaded {
  index: FactIndex;
  data: SearchData;
  /** Each fact's position in the data, for its display texts. */
  positions: Map<string, number>;
  sources: Map<string, SearchData['corpus']['sources'][number]>;
}

function renderHit({ data, positions, sources }: Loaded, hit: SearchHit): HTMLLIElement {
  const fact = hit.fact;
  const li = element('li', undefined, `fact-item${fact.status === 'deprecated' ? ' deprecated' : ''}`);
  const link = element('a');
  link.href = `${base}facts/${encodeURIComponent(fact.id)}/`;
  const [statement, lang] = statementOf(data, positions.get(fact.id)!, hit);
  const span = element('span', statement);
  span.lang = lang;
  link.append(span);
  const meta = element('span', undefined, 'meta');
  const sourceId = fact.citations[0]?.source;
  const source = sourceId === undefined ? undefined : sources.get(sourceId);
  const parts: (HTMLElement | string)[] = [];
  if (fact.value) {
    const value = element('span', fact.value.text, 'value');
    value.lang = data.display[positions.get(fact.id)!]![0] === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant';
    parts.push(value);
  }
  const date = fact.date ?? fact.value?.date;
  if (date) {
    const time = element('time', date);
    time.dateTime = date;
    parts.push(time);
  }
  if (fact.status === 'deprecated') parts.push(element('span', 'deprecated', 'badge'));
  if (source) {
    const publisher = element('span', source.publisher);
    publisher.lang = source.script === 'Hant' ? 'zh-Hant' : 'zh-Hans';
    parts.push(publisher);
  }
  parts.push(element('code', fact.id));
  parts.forEach((part, i) => {
    if (i > 0) meta.append(' · ');
    meta.append(part);
  });
  li.append(link, meta);
  return li;
}

async function loadSearch(): Promise<{ index: FactIndex; data: SearchData }> {
  const [data, bytes] = await Promise.all([
    fetch(`${base}assets/search-data.json`).then((r) => {
      if (!r.ok) throw new Error(`search data: HTTP ${r.status}`);
      return r.json() as Promise<SearchData>;
    }),
    fetch(`${base}assets/search-index.bin`).then((r) => {
      if (!r.ok) throw new Error(`search index: HTTP ${r.status}`);
      return r.arrayBuffer();
    }),
  ]);
  return { index: createFactIndex(data.corpus, { searchIndex: new Uint8Array(bytes) }), data };
}

function setUpSearch(): void {
  const input = document.querySelector<HTMLInputElement>('input#q');
  const list = document.querySelector<HTMLOListElement>('#results');
  const status = document.querySelector<HTMLElement>('#search-status');
  if (!input || !list || !status) return;
  const form = input.form;
  form?.addEventListener('submit', (event) => event.preventDefault());
  let loaded: Loaded | undefined;
  let pendingStart: number | undefined;

  const run = (started: number) => {
    if (!loaded) {
      pendingStart = started;
      return;
    }
    const query = input.value;
    const hits = query.trim() ? loaded.index.search(query, { limit: LIMIT }) : [];
    list.replaceChildren(...hits.map((hit) => renderHit(loaded!, hit)));
    list.dataset.query = query;
    status.textContent = !query.trim()
      ? `${loaded.index.size} facts. Type to search.`
      : hits.length
        ? `${hits.length === LIMIT ? 'First 10' : hits.length} results for “${query}”.`
        : `No facts match “${query}”.`;
    // Measured from the keystroke's own time: what a reader waits for.
    performance.measure('factcite:search', { start: started, end: performance.now(), detail: { query, results: hits.length } });
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  };

  input.addEventListener('input', (event) => run(event.timeStamp));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      list.querySelector<HTMLAnchorElement>('a')?.focus();
      event.preventDefault();
    }
  });
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowUp' && at === 0) input.focus();
    else links[Math.min(links.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))]!.focus();
  });
  scriptListeners.push(() => {
    if (loaded && input.value.trim()) run(performance.now());
  });

  const initial = new URL(location.href).searchParams.get('q');
  if (initial) input.value = initial;
  loadSearch()
    .then(({ index, data }) => {
      loaded = { index, data, positions: new Map(data.corpus.facts.map((f, i) => [f.id, i])), sources: new Map(data.corpus.sources.map((s) => [s.id, s])) };
      performance.mark('factcite:index-ready');
      document.body.dataset.searchReady = 'true';
      if (input.value || pendingStart !== undefined) run(pendingStart ?? performance.now());
      else status.textContent = `${index.size} facts. Type to search.`;
    })
    .catch((error: unknown) => {
      status.textContent = `Search could not load (${(error as Error).message}). Browse by topic, entity or source instead.`;
    });
}

setUpSwitch();
setUpCopy();
setUpSearch();
