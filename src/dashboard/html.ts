/**
 * The dashboard's one way of writing HTML: a tagged template that escapes every value it is
 * given, so a unit's name or a focal point's message can never become markup. Only what `html`
 * itself produced (a {@link SafeHtml}) goes in as it is.
 */

/** Markup produced by {@link html}: its interpolated values are already escaped. */
export class SafeHtml {
  // A private field: nothing but this class can make one (no structural look-alike).
  readonly #text: string;
  constructor(text: string) {
    this.#text = text;
  }
  toString(): string {
    return this.#text;
  }
}

/**
 * What a template may interpolate: text and numbers (escaped), markup from `html`, lists of
 * these (joined), and `null`/`undefined`/`false` (nothing — for `cond && html\`…\``).
 */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const SPECIAL = /[&<>"']/;

/** Text safe in element content and in a quoted attribute value (as it is when nothing needs escaping). */
export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : text;
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) {
    let out = '';
    for (const v of value) out += render(v);
    return out;
  }
  return escapeHtml(String(value));
}

/** `html\`<p>${name}</p>\``: the template's literal parts as written, every value escaped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}
