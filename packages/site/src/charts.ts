import type { Fact } from '@factcite/core';
import { describeValue, factDate } from '@factcite/language-service';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { SiteContext } from './context.js';
import { type Html, trusted } from './html.js';

/** One mark of a chart: a fact's amount, when, and about whom. */
export interface ChartPoint {
  factId: string;
  amount: number;
  unit: string;
  date: Date | undefined;
  dateText: string | undefined;
  entity: string;
  label: string;
  href: string;
}

/** The kinds of amount drawn, each its own charts: what a reader compares. */
export interface ChartGroup {
  key: string;
  title: string;
  /** What the y (or x) axis counts. */
  axis: string;
  facts: Fact[];
}

const COMPANY_UNITS = new Set(['companies', 'enterprises', 'startups', 'organisations']);

/** Money by currency, counts of companies, percentages: the facts with amounts, grouped as they can share a chart. */
export function chartGroups(facts: readonly Fact[]): ChartGroup[] {
  const withAmount = facts.filter((f) => f.status === 'active' && f.value?.amount !== undefined && f.value.unit);
  const groups: ChartGroup[] = [];
  const money = withAmount.filter((f) => /^[A-Z]{3}$/.test(f.value!.unit!));
  if (money.length) groups.push({ key: 'money', title: 'Money, by currency', axis: 'amount', facts: money });
  const companies = withAmount.filter((f) => COMPANY_UNITS.has(f.value!.unit!));
  if (companies.length) groups.push({ key: 'companies', title: 'Counts of companies', axis: 'count', facts: companies });
  const percent = withAmount.filter((f) => f.value!.unit === 'percent');
  if (percent.length) groups.push({ key: 'percentages', title: 'Percentages', axis: 'percent', facts: percent });
  return groups;
}

/** A partial date (2023, 2024-06, 2025-02-25) as the first day it can mean, in UTC. */
function dateOf(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const [y, m = 1, d = 1] = text.split('-').map(Number);
  return new Date(Date.UTC(y!, m - 1, d));
}

/** An axis label kept short enough to fit beside the chart; the mark's title holds the whole statement. */
function shorten(name: string, max = 34): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const tickFormat = (n: number) => compact.format(n);

/** One point per fact and entity it names (the first three), or one for a fact naming none. */
export function chartPoints(ctx: SiteContext, group: ChartGroup): ChartPoint[] {
  return group.facts.flatMap((fact) => {
    const value = fact.value!;
    const dateText = factDate(fact);
    const label = `${value.text} (${describeValue(value)})${dateText ? `, ${dateText}` : ''}: ${fact.statement.en}`;
    const entities = fact.entities.slice(0, 3).map((id) => shorten(ctx.index.entity(id)?.names.en ?? id));
    return (entities.length ? entities : ['(no entity)']).map((entity) => ({
      factId: fact.id,
      amount: value.amount!,
      unit: value.unit!,
      date: dateOf(dateText),
      dateText,
      entity,
      label,
      href: ctx.links.fact(fact.id),
    }));
  });
}

// Plot draws into a DOM; linkedom gives it one at build time, without a browser.
const { document } = parseHTML('<!doctype html><html><body></body></html>');

/**
 * Plot's output made to fit the page: its <style> moves to the stylesheet
 * (the policy allows no inline style), and each link is named by its mark's
 * title, so a keyboard or screen-reader user hears which fact it opens.
 */
function finish(svg: Element, description: string): Html {
  for (const style of svg.querySelectorAll('style')) style.remove();
  for (const a of svg.querySelectorAll('a')) {
    const title = a.querySelector('title')?.textContent;
    // linkedom writes attribute values without escaping `&`; a text such as `&amp;` must not be read as a character reference.
    if (title) a.setAttribute('aria-label', title.replace(/&/g, '&amp;'));
  }
  // Plot names its layers (axes, grid) with aria-label; a layer with no link in it is drawing only.
  for (const g of svg.querySelectorAll('g[aria-label]')) {
    if (!g.querySelector('a')) g.setAttribute('aria-hidden', 'true');
  }
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', description);
  svg.removeAttribute('aria-description');
  return trusted(svg.outerHTML);
}

/** One row per fact (the time chart draws each fact once, whatever it names). */
function points(rows: ChartPoint[]): ChartPoint[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.factId) && seen.add(r.factId));
}

/** A log scale where amounts span more than two orders of magnitude, so small and large both show. */
function scaleType(rows: ChartPoint[]): 'log' | 'linear' {
  const amounts = rows.map((r) => r.amount);
  const positive = amounts.every((a) => a > 0);
  return positive && Math.max(...amounts) / Math.min(...amounts) > 100 ? 'log' : 'linear';
}

/** The amounts over time: one dot per fact, linked to it, one panel per unit (currency, counted noun). */
export function timeChart(group: ChartGroup, rows: ChartPoint[]): Html | undefined {
  const dated = points(rows).filter((r) => r.date);
  if (dated.length === 0) return undefined;
  const units = [...new Set(dated.map((r) => r.unit))].sort();
  const type = scaleType(dated);
  const svg = Plot.plot({
    document,
    width: 720,
    height: 40 + 170 * units.length,
    marginLeft: 60,
    marginRight: 90,
    x: { type: 'utc', label: 'date', grid: true, inset: 14 },
    y: { type, label: group.axis, grid: true, nice: true, tickFormat, inset: 8, ...(type === 'linear' ? { zero: true } : {}) },
    fy: { label: null, domain: units },
    marks: [Plot.dot(dated, { x: 'date', y: 'amount', fy: 'unit', r: 6, href: 'href', title: 'label' })],
  }) as unknown as Element;
  return finish(svg, `${group.title} over time: ${dated.length} facts, each dot a link to its fact`);
}

/** The amounts by entity: a row per entity and unit, a dot per fact naming it. */
export function entityChart(group: ChartGroup, rows: ChartPoint[]): Html {
  const labelled = rows.map((r) => ({ ...r, row: group.key === 'percentages' ? r.entity : `${r.entity} · ${r.unit}` }));
  const order = [...new Set(labelled.toSorted((a, b) => a.unit.localeCompare(b.unit) || b.amount - a.amount).map((r) => r.row))];
  const svg = Plot.plot({
    document,
    width: 720,
    height: 50 + 24 * order.length,
    marginLeft: 260,
    x: { type: scaleType(rows), label: `${group.axis} (in its own unit)`, grid: true, nice: true, tickFormat, inset: 14 },
    y: { label: null, domain: order },
    marks: [Plot.dot(labelled, { x: 'amount', y: 'row', r: 6, href: 'href', title: 'label' })],
  }) as unknown as Element;
  return finish(svg, `${group.title} by entity: ${rows.length} marks, each a link to its fact`);
}
