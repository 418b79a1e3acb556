/**
 * Example messages built from a report's own indicators ("việc 83,5%, tiền 46,2%…"), shared by
 * the dialog's prompts and help and by the reminders; and a manager's example question.
 *
 * Contract: an example is something the bot itself accepts. Each value suits its indicator's
 * kind and bounds (a yes/no answer is `có`/`yes`, a count a whole number between min and max, a
 * percent within its range written `83,5%` in Vietnamese and `83.5%` in English, money in
 * `triệu`/`nghìn`/`đồng` or `VND`); free-text indicators are left out because the parser never
 * reads them. Every example is checked with the real parser before it is shown: a part the
 * parser would not read back exactly is rewritten with another label or dropped.
 *
 * Examples are written in full words people can read back: the label or a readable synonym
 * (`hòa giải thành 83,5%`), keeping the label's direction and negation (`khai tử tăng`,
 * `chưa khai sinh`); an abbreviation (`HGT`, `LĐTT`) or an unaccented form only when nothing
 * else reads back. When the indicator's target for the year is known, the value meets it
 * (`giảm việc 9%` against 8–10 %): an example is also a plausible figure. Fixed texts (the
 * generic example, a free-text answer, the manager's question) come from `locales/`.
 */
import { type IndicatorSpec, type ParseResult, parseFigures } from '../domain/figures/index.js';
import type { TargetSpec } from '../domain/submission.js';
import { foldAccents } from '../domain/text.js';
import type { Locale, Translator } from '../ports/translator.js';

/**
 * An indicator an example is built for, with the target that applies to the reader's unit when
 * known (the dialog's `AssignmentIndicator` is one).
 */
export type ExampleIndicator = IndicatorSpec & { target?: TargetSpec | null };

/** How many indicators an example shows at most. */
const MAX_PARTS = 3;

/** Words that give an indicator its direction or negation: a label shown keeps them. */
const KEY_WORDS = ['tăng', 'giảm', 'chưa', 'không'];

/** An example and the values the parser reads from it, by indicator code. */
export interface ExampleFigures {
  text: string;
  values: Record<string, number>;
}

/** One indicator's part of an example: the label shown, the value and how it is written. */
export interface ExamplePart {
  code: string;
  label: string;
  value: number;
  /** The value as written in the example (`83,5%`, `15 triệu`, `có`). */
  sample: string;
}

/**
 * The shortest way people write an indicator's label (at least 3 characters), whatever its
 * form: for reading a bare number as this indicator's value, never for showing.
 */
export function shortestLabel(i: Pick<IndicatorSpec, 'labelVi' | 'synonyms'>): string {
  const candidates = [...i.synonyms, i.labelVi].filter((s) => s.length >= 3);
  return candidates.sort((a, b) => a.length - b.length)[0] ?? i.labelVi;
}

const lower = (s: string) => s.normalize('NFC').toLowerCase();

/** A word people cannot read back as a word: two capitals (`HGT`, `CSTĐ`) or no vowel (`ldtt`). */
function isAbbreviation(word: string): boolean {
  return (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2 || !/[aeiouy]/i.test(foldAccents(word));
}

/**
 * How readable a label is, lower first: 0 full words keeping the label's direction and negation
 * words, 1 the same under 3 characters (`xã`), 2 full words that drop one, 3 written without
 * accents, 4 with an abbreviation.
 */
function readability(label: string, i: IndicatorSpec): number {
  const words = label.split(/[\s,.;:()/-]+/).filter((w) => w !== '');
  if (words.some(isAbbreviation)) return 4;
  if (foldAccents(label) === label && foldAccents(i.labelVi) !== i.labelVi) return 3;
  const own = lower(label).split(/[\s,]+/);
  const full = lower(i.labelVi).split(/[\s,]+/);
  if (KEY_WORDS.some((k) => full.includes(k) && !own.includes(k))) return 2;
  return label.length < 3 ? 1 : 0;
}

/**
 * Every label of an indicator, the most readable first (see {@link readability}), then the
 * shortest, then the label's own wording (`hòa giải thành` before `hoà giải thành`).
 */
export function readableLabels(i: IndicatorSpec): string[] {
  const all = [...(Array.isArray(i.synonyms) ? i.synonyms : []), i.labelVi].filter(
    (s): s is string => typeof s === 'string' && s.trim() !== '',
  );
  const full = lower(i.labelVi);
  const ranked = [...new Set(all)].map((label, order) => ({
    label,
    order,
    tier: readability(label, i),
    own: full.includes(lower(label)) ? 0 : 1,
  }));
  ranked.sort(
    (a, b) => a.tier - b.tier || a.label.length - b.label.length || a.own - b.own || a.order - b.order,
  );
  return ranked.map((r) => r.label);
}

function bound(value: number | null | undefined, fallback: number): number {
  return typeof value === 'number' && !Number.isNaN(value) ? value : fallback;
}

/** `value` moved into [low, high] (to `low` when the range is empty). */
function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, high));
}

/** Digits without grouping (a grouped `1.234` could read as 1,234), the locale's decimal mark. */
function plainNumber(value: number, locale: Locale): string {
  const text = String(Number(value.toFixed(4)));
  return locale === 'vi' ? text.replace('.', ',') : text;
}

/** Money in đồng the way people write it: `15 triệu`, `2,5 triệu`, `500 nghìn` / `15,000,000 VND`. */
function moneyText(value: number, locale: Locale): string {
  if (locale === 'en') {
    // Two or more commas read only as thousands; a single `1,500` could read as 1.5.
    const digits = String(value);
    const grouped = value >= 1_000_000 ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : digits;
    return `${grouped} VND`;
  }
  // `2,5 triệu`, but never three decimals: `2,125 triệu` could also read as 2 125 triệu.
  if (value >= 1_000_000 && value % 10_000 === 0) return `${plainNumber(value / 1_000_000, locale)} triệu`;
  if (value >= 1_000 && value % 1_000 === 0) return `${value / 1_000} nghìn`;
  return `${value} đồng`;
}

/** Steps per unit of a kind's values (a percent to one decimal), and how far inside a floor or ceiling. */
const GRAIN = {
  percent: { scale: 10, inside: 25 },
  count: { scale: 1, inside: 0 },
  money: { scale: 1, inside: 0 },
  boolean: { scale: 1, inside: 0 },
} as const;

/** A money amount rounded to a round figure (`up` or down): millions, else thousands. */
function roundMoney(value: number, up: boolean): number {
  const step = value >= 1_000_000 ? 1_000_000 : value >= 1_000 ? 1_000 : 1;
  return (up ? Math.ceil(value / step) : Math.floor(value / step)) * step;
}

/**
 * A value within [low, high] that meets `target` (`base` when it already does): the middle of a
 * range, a little above a floor, a little below a ceiling. `base` (within the bounds) when there
 * is no target, when it is a system-wide sum (one unit's value never meets it), or when the
 * bounds leave no value that meets it.
 */
function withinTarget(
  kind: keyof typeof GRAIN,
  base: number,
  low: number,
  high: number,
  target: TargetSpec | null | undefined,
): number {
  const fallback = clamp(base, low, high);
  if (!target || target.kind === 'sum' || (target.min === null && target.max === null)) return fallback;
  // In steps (tenths of a percent): whole numbers, no rounding drift.
  const { scale, inside } = GRAIN[kind];
  const strict = target.kind !== 'range' && target.inclusive === false ? 1 : 0;
  const up = (v: number) => Math.ceil(v * scale - 1e-6);
  const down = (v: number) => Math.floor(v * scale + 1e-6);
  const from = Math.max(up(low), target.min === null ? up(low) : up(target.min) + strict);
  const to = Math.min(down(high), target.max === null ? down(high) : down(target.max) - strict);
  if (from > to) return fallback;
  const steps = Math.round(fallback * scale);
  if (steps >= from && steps <= to) return fallback;
  let value: number;
  if (target.min !== null && target.max !== null) value = Math.floor((from + to) / 2);
  else if (target.min !== null) value = clamp(up(target.min) + inside, from, to);
  else value = clamp(down(target.max ?? high) - inside, from, to);
  if (kind === 'money') {
    const round = roundMoney(value, target.max === null);
    if (round >= from && round <= to) value = round;
  }
  return value / scale;
}

/**
 * A value for the `n`-th indicator of an example, within the indicator's bounds and, when it
 * carries one, meeting its target; and how it is written. `null` for a free-text indicator (the
 * parser does not read those).
 */
export function sampleFor(
  i: ExampleIndicator,
  n: number,
  locale: Locale,
): { value: number; text: string } | null {
  switch (i.kind) {
    case 'percent': {
      const low = Math.ceil(bound(i.min, 0) * 10) / 10;
      const high = Math.floor(bound(i.max, 100) * 10) / 10;
      const value = withinTarget('percent', [83.5, 46.2, 90][n % 3] ?? 83.5, low, high, i.target);
      return { value, text: `${plainNumber(value, locale)}%` };
    }
    case 'count': {
      const low = Math.ceil(bound(i.min, 0));
      const high = Math.floor(bound(i.max, Number.POSITIVE_INFINITY));
      const value = withinTarget('count', [2, 1, 3][n % 3] ?? 2, low, high, i.target);
      return { value, text: plainNumber(value, locale) };
    }
    case 'money': {
      const low = Math.ceil(bound(i.min, 0));
      const high = Math.floor(bound(i.max, Number.POSITIVE_INFINITY));
      const value = withinTarget('money', 15_000_000, low, high, i.target);
      return { value, text: moneyText(value, locale) };
    }
    case 'boolean': {
      const low = bound(i.min, 0) <= 0 ? 0 : 1;
      const high = bound(i.max, 1) >= 1 ? 1 : 0;
      const value = withinTarget('boolean', 1, low, Math.max(low, high), i.target);
      const yes = value === 1;
      const text = locale === 'vi' ? (yes ? 'có' : 'không') : yes ? 'yes' : 'no';
      return { value, text };
    }
    default:
      return null;
  }
}

/** Whether the parser reads exactly `expected` from `result`, with nothing refused or left over. */
function readsExactly(result: ParseResult, expected: Record<string, number>): boolean {
  if (result.invalid.length + result.ambiguous.length + result.unused.length > 0) return false;
  if (result.duplicates.length > 0) return false;
  const got = Object.entries(result.values);
  return (
    got.length === Object.keys(expected).length && got.every(([code, value]) => expected[code] === value)
  );
}

/** `context` with `indicators` it lacks: what a reply is parsed against. */
function parsedAgainst(
  indicators: readonly IndicatorSpec[],
  context: readonly IndicatorSpec[],
): IndicatorSpec[] {
  const known = new Set(context.map((i) => i.code));
  return [...context, ...indicators.filter((i) => !known.has(i.code))];
}

/**
 * One indicator's part of an example (`hòa giải thành 87,5%`): its most readable label that the
 * parser reads back alone against `context` (default: the indicator alone) with the `n`-th
 * sample value (see {@link sampleFor}). `null` for a free-text indicator, or when no label
 * reads back (every one shared with another indicator of the context).
 */
export function examplePart(
  locale: Locale,
  i: ExampleIndicator,
  context: readonly IndicatorSpec[] = [i],
  n = 0,
): ExamplePart | null {
  const sample = sampleFor(i, n, locale);
  if (sample === null) return null;
  const within = parsedAgainst([i], context);
  const expected = { [i.code]: sample.value };
  for (const label of readableLabels(i)) {
    if (readsExactly(parseFigures(`${label} ${sample.text}`, within), expected)) {
      return { code: i.code, label, value: sample.value, sample: sample.text };
    }
  }
  return null;
}

/**
 * An example for the first indicators (at most three) and the values it carries. `context` is
 * every indicator the reply will be parsed against (default: `indicators`); labels that another
 * indicator of the context shares or outranks are avoided.
 */
export function exampleFigures(
  translator: Translator,
  locale: Locale,
  indicators: readonly ExampleIndicator[],
  context: readonly IndicatorSpec[] = indicators,
): ExampleFigures {
  const generic = () => ({ text: translator.t(locale, 'example-generic'), values: {} });
  if (indicators.length === 0) return generic();
  const within = parsedAgainst(indicators, context);
  const parts: ExamplePart[] = [];
  for (const i of indicators) {
    if (parts.length >= MAX_PARTS) break;
    const part = examplePart(locale, i, within, parts.length);
    if (part !== null) parts.push(part);
  }
  // Parts that read alone could still pull at each other; a `;` cuts every link between them.
  for (let count = parts.length; count > 0; count--) {
    const kept = parts.slice(0, count);
    const values = Object.fromEntries(kept.map((p) => [p.code, p.value]));
    for (const separator of [', ', '; ']) {
      const text = kept.map((p) => `${p.label} ${p.sample}`).join(separator);
      if (readsExactly(parseFigures(text, within), values)) return { text, values };
    }
  }
  // Only free-text indicators: a short answer for the first one (the parser reads no value).
  const text = indicators.find((i) => i.kind === 'text');
  if (text !== undefined) {
    const answer = translator.t(locale, 'example-text-answer');
    return { text: `${readableLabels(text)[0] ?? text.labelVi}: ${answer}`, values: {} };
  }
  // No label the parser reads back (labels shared between indicators): the generic form.
  return generic();
}

/** A message a focal point could send for these indicators (the first three). */
export function exampleMessage(
  translator: Translator,
  locale: Locale,
  indicators: readonly ExampleIndicator[],
  context: readonly IndicatorSpec[] = indicators,
): string {
  return exampleFigures(translator, locale, indicators, context).text;
}

/**
 * What a manager could ask (they send no figures): a plain question the status reader
 * understands (`đơn vị nào chưa nộp báo cáo 6 tháng?`), or the same as a command
 * (`/tinhhinh BC6T`).
 */
export function managerExample(
  translator: Translator,
  locale: Locale,
  form: 'question' | 'command' = 'question',
): string {
  return translator.t(locale, `example-manager-${form}`);
}
