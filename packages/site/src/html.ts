/**
 * HTML built from data only through this module: every interpolated value
 * is escaped unless it is already {@link Html} made here, so a statement,
 * quote or title holding `<script>` is shown as text, never run.
 */

/** Markup known to be safe: produced by {@link html} or {@link trusted}. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/** A value as markup: Html as it is, arrays joined, nothing for null, undefined and false, anything else escaped. */
function render(value: unknown): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

/** Tagged template: the literal parts are markup, every `${value}` is escaped. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new Html(out);
}

/**
 * Markup produced by code of this package, not by data (a chart's SVG
 * from the charting library, whose text nodes it escapes itself).
 */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** Several pieces of markup, joined. */
export function join(parts: readonly Html[], separator: Html | string = ''): Html {
  return new Html(parts.map((p) => p.text).join(render(separator)));
}

/**
 * JSON for a `<script type="application/json">` block: `<` is written as
 * \u003c, so no text in the data can close the block.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
