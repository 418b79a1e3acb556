/**
 * The figure parser: turns a focal point's message (`việc 83,5% tiền 46,2%`) into values for the
 * indicators a report asks for. Indicator labels and synonyms are data passed in by the caller;
 * this file only knows the Vietnamese around them (filler words, money words, dates).
 * Pure: imports nothing outside `src/domain/`, never reads a clock or the environment.
 */

import { canonicalNumber, foldText, normalizeText, type Token, tokenize } from './normalize.js';
import {
  CURRENCY_WORDS,
  type DecimalReading,
  decimalValue,
  type IndicatorKind,
  MULTIPLIER_EXPONENTS,
  readNumberToken,
} from './numbers.js';

export type { IndicatorKind } from './numbers.js';

/** An indicator as the parser needs it; the caller reads these from the database. */
export interface IndicatorSpec {
  /** Stable code, the key of {@link ParseResult.values}. */
  code: string;
  labelVi: string;
  labelEn: string;
  /** Other ways people write the label (unaccented, abbreviated, short). Any case or form. */
  synonyms: string[];
  kind: IndicatorKind;
  /** Lowest accepted value; when absent, 0 (a percent, count or amount is never negative). */
  min?: number | null;
  /** Highest accepted value; when absent, 100 for a percent and unbounded otherwise. */
  max?: number | null;
}

/** Why a number given for an indicator was refused. */
export type InvalidReason = 'above_max' | 'below_min' | 'negative' | 'not_integer' | 'percent_over_100';

/** What the parser read from one message. Nothing in it is a guess. */
export interface ParseResult {
  /** Accepted values by indicator code: a percent as 83.5, money as whole đồng, counts as integers. */
  values: Record<string, number>;
  /** Numbers given for an indicator but refused; `value` is the reading that was checked. */
  invalid: { code: string; raw: string; value: number; reason: InvalidReason }[];
  /** Numbers with more than one valid reading for their indicator, candidates ascending. */
  ambiguous: { code: string; raw: string; candidates: number[] }[];
  /** Numbers not tied to any label; the caller decides (e.g. when only one indicator is asked). */
  unlabelled: { raw: string; value: number }[];
  /** Codes given twice with different values; {@link ParseResult.values} holds the last one. */
  duplicates: string[];
  /** Whether the text was longer than `maxLength` and only its beginning was read. */
  truncated: boolean;
}

export interface ParseOptions {
  /** Characters read at most (after NFC); the rest is ignored and `truncated` set. Default 2000. */
  maxLength?: number;
}

/** Default cap on the characters read from one message. */
export const DEFAULT_MAX_LENGTH = 2000;

/** Words that may stand between a label and its number without breaking the link. */
// biome-ignore format: a word list reads better packed
const FILLERS: ReadonlySet<string> = new Set([
  'dat', 'la', 'duoc', 'dc', 'khoang', 'a', 'ah', 'nhe', 'nha', 'da', 'thi', 'co', 've', 'vao', 'chung',
  'tam', 'gan', 'hon', 'tren', 'muc', 'o', 'ket', 'qua', 'lieu', 'em', 'anh', 'chi', 'bao', 'cao', 'gui',
  'xin', 'kinh', 'thua', 'hien', 'nay', 'tong', 'cong', 'hoan', 'thanh', 'dang', 'uoc', 'tinh', 'toi',
  'xap', 'xi', 'ty', 'le', 'tyle', 'tl', 'bang', 'ok', 'oke', 'vang', 'ne', 'day', 'nhu', 'sau', 'gom',
  'cu', 'the', 'va', 'voi', 'cua', 'trong', 'tai', 'xong', 'roi', 'ca', 'chinh', 'xac', 'hi', 'ha',
]);

/** Words that cut the link between a label and a number (`việc giảm 2%` is not a value of `việc`). */
const BREAKERS: ReadonlySet<string> = new Set(['tang', 'giam', 'vuot']);

/** A number right after one of these words is context, not a value (`năm 2026`, `chỉ tiêu 82,5%`). */
// biome-ignore format: a word list reads better packed
const CONTEXT_BEFORE: ReadonlySet<string> = new Set([
  'nam', 'thang', 'ngay', 'quy', 'tuan', 'dot', 'lan', 'ky', 'khoan', 'dieu', 'chuong', 'trang', 'thu',
  'top', 'doan', 'qd', 'nd', 'cv', 'truoc', 'tieu', 'hoach', 'luc', 'h', 'gio', 'kh', 'phong', 'so',
  'vuot',
]);

/** …except after this word: `đăng ký 25` is a figure (not `kỳ 25`), `cơ sở 3` is not `số 3`. */
const CONTEXT_EXCEPT: ReadonlyMap<string, string> = new Map([
  ['ky', 'dang'],
  ['so', 'co'],
]);

/** Longest number token read as a figure (digits and separators). */
const MAX_NUMBER_LENGTH = 24;

/** A plain integer right before one of these words is a time or an age (`6 tháng`, `5 tuổi`). */
// biome-ignore format: a word list reads better packed
const CONTEXT_AFTER: ReadonlySet<string> = new Set([
  'thang', 'nam', 'quy', 'ngay', 'tuan', 'gio', 'h', 'g', 'phut', 'tuoi', 't', 'lan', 'dot',
]);

/** After `so` (so với, so cùng kỳ…) one of these marks a comparison, not a value. */
const COMPARISON_NEXT: ReadonlySet<string> = new Set(['voi', 'cung', 'ky', 'nam', 'thang', 'cungky']);

const YES: ReadonlySet<string> = new Set(['co', 'roi', 'da', 'xong', 'dat', 'yes', 'ok', 'x']);
const NO: ReadonlySet<string> = new Set(['khong', 'chua', 'ko', 'no', 'k']);

/** Punctuation that may sit inside a multi-word label (`Tiền, hàng ủng hộ`, `văn bản/đề án`). */
const PHRASE_GLUE: ReadonlySet<string> = new Set([',', '/', '-', '.', '(', ')']);

/** More unknown words than this between a label and a number break the link. */
const MAX_UNKNOWN_WORDS = 2;

/** Marks after which an attached `-` is a minus sign (`khai tử: -2%`), not a separator. */
const SIGN_OPENERS: ReadonlySet<string> = new Set([':', '=', '(', '\n', ';', ',']);

const PERCENT_WORD: ReadonlySet<string> = new Set(['phan']);
const PERCENT_WORD_2: ReadonlySet<string> = new Set(['tram']);
/** `so` (so với, so cùng kỳ) after a number starts a comparison. */
const COMPARISON_WORD: ReadonlySet<string> = new Set(['so']);

const KINDS: ReadonlySet<string> = new Set(['percent', 'count', 'money', 'boolean', 'text']);

interface Phrase {
  readonly code: string;
  readonly words: readonly string[];
  readonly chars: number;
}

interface LabelMatch {
  readonly spec: IndicatorSpec;
  readonly start: number;
  readonly end: number;
  /** A boolean label already answered by a yes/no word. */
  done: boolean;
}

interface NumItem {
  readonly start: number;
  readonly end: number;
  readonly negative: boolean;
  readonly readings: readonly DecimalReading[];
  readonly unit: 'none' | 'percent' | 'money';
  readonly exponent: number;
  readonly addend: number;
  readonly token: string;
  readonly raw: string;
  context: boolean;
}

type Entry =
  | { readonly kind: 'label'; readonly label: LabelMatch }
  | { readonly kind: 'num'; readonly num: NumItem };

interface Gap {
  hard: boolean;
  comma: boolean;
  unknown: number;
}

interface Slot {
  readonly entry: Entry;
  readonly gap: Gap;
}

type Resolution =
  | { readonly kind: 'value'; readonly value: number }
  | { readonly kind: 'ambiguous'; readonly candidates: number[] }
  | { readonly kind: 'invalid'; readonly value: number; readonly reason: InvalidReason };

/**
 * Checks one value against an indicator: the reason it is refused, or `null` when accepted.
 * Order: below the minimum (`negative` when the value is below 0 and the minimum is not, else
 * `below_min`), then `not_integer` for counts, money and booleans, then above the maximum
 * (`percent_over_100` for a percent above 100 whose maximum is at most 100, else `above_max`).
 * A percent's maximum defaults to 100, every kind's minimum to 0; non-finite values are refused.
 */
export function validateValue(
  value: number,
  spec: Pick<IndicatorSpec, 'kind' | 'min' | 'max'>,
): InvalidReason | null {
  if (Number.isNaN(value)) return 'not_integer';
  const min = typeof spec.min === 'number' && !Number.isNaN(spec.min) ? spec.min : 0;
  const defaultMax = spec.kind === 'percent' ? 100 : spec.kind === 'boolean' ? 1 : Number.POSITIVE_INFINITY;
  const max = typeof spec.max === 'number' && !Number.isNaN(spec.max) ? spec.max : defaultMax;
  if (value < min) return value < 0 && min >= 0 ? 'negative' : 'below_min';
  const whole = spec.kind === 'count' || spec.kind === 'money' || spec.kind === 'boolean';
  if (whole && Number.isFinite(value) && !Number.isInteger(value)) return 'not_integer';
  if (value > max || !Number.isFinite(value)) {
    return spec.kind === 'percent' && value > 100 && max <= 100 ? 'percent_over_100' : 'above_max';
  }
  return null;
}

function emptyResult(): ParseResult {
  return { values: {}, invalid: [], ambiguous: [], unlabelled: [], duplicates: [], truncated: false };
}

function isUsableSpec(spec: unknown): spec is IndicatorSpec {
  if (typeof spec !== 'object' || spec === null) return false;
  const s = spec as Partial<IndicatorSpec>;
  return typeof s.code === 'string' && s.code !== '' && typeof s.kind === 'string' && KINDS.has(s.kind);
}

function maxLengthOf(options: ParseOptions | undefined): number {
  const m = options?.maxLength;
  return typeof m === 'number' && Number.isFinite(m) && m >= 1 ? Math.floor(m) : DEFAULT_MAX_LENGTH;
}

/** NFC, then at most `maxLength` characters, cut at a space so no number is read half. */
function capText(text: string, maxLength: number): { source: string; truncated: boolean } {
  let truncated = false;
  let pre = text;
  // NFD text is longer than its NFC form; read a generous prefix before composing.
  const preCap = maxLength * 4 + 16;
  if (pre.length > preCap) {
    pre = pre.slice(0, preCap);
    truncated = true;
  }
  const source = pre.normalize('NFC');
  if (source.length <= maxLength) return { source, truncated };
  let cut = maxLength;
  const last = source.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  if (!/\s/u.test(source.charAt(cut))) {
    for (let k = cut - 1; k >= Math.max(0, cut - 64); k--) {
      if (/\s/u.test(source.charAt(k))) {
        cut = k;
        break;
      }
    }
  }
  return { source: source.slice(0, cut), truncated: true };
}

/** Phrase tables of recent indicator sets: the same report's indicators come back every message. */
const phraseCache = new Map<string, Map<string, Phrase[]>>();
const PHRASE_CACHE_MAX = 64;

function phrasesFor(specs: readonly IndicatorSpec[]): Map<string, Phrase[]> {
  const key = specs
    .map(
      (s) =>
        `${s.code}\u0001${s.labelVi}\u0001${s.labelEn}\u0001${Array.isArray(s.synonyms) ? s.synonyms.join('\u0002') : ''}`,
    )
    .join('\u0003');
  const hit = phraseCache.get(key);
  if (hit) return hit;
  const built = buildPhrases(specs);
  if (phraseCache.size >= PHRASE_CACHE_MAX) phraseCache.clear();
  phraseCache.set(key, built);
  return built;
}

function buildPhrases(specs: readonly IndicatorSpec[]): Map<string, Phrase[]> {
  const owners = new Map<string, Set<string>>();
  for (const spec of specs) {
    const names: unknown[] = [
      spec.labelVi,
      spec.labelEn,
      ...(Array.isArray(spec.synonyms) ? spec.synonyms : []),
    ];
    for (const name of names) {
      if (typeof name !== 'string') continue;
      const key = normalizeText(name.slice(0, 300));
      if (!/\p{L}/u.test(key)) continue;
      const codes = owners.get(key) ?? new Set<string>();
      codes.add(spec.code);
      owners.set(key, codes);
    }
  }
  const byFirst = new Map<string, Phrase[]>();
  for (const [key, codes] of owners) {
    // A phrase two indicators both claim names neither of them.
    if (codes.size !== 1) continue;
    const [code] = codes;
    if (code === undefined) continue;
    const words = key.split(' ');
    const first = words[0] ?? '';
    const list = byFirst.get(first) ?? [];
    list.push({ code, words, chars: key.length });
    byFirst.set(first, list);
  }
  return byFirst;
}

function keyOf(token: Token): string {
  return token.type === 'num' ? canonicalNumber(token.text) : token.text;
}

/** End (exclusive) of `phrase` matched at `start`, or -1. Fillers and glue may sit between words. */
function matchPhrase(tokens: readonly Token[], start: number, phrase: Phrase): number {
  let j = start;
  for (let k = 0; k < phrase.words.length; k++) {
    const want = phrase.words[k];
    for (;;) {
      const t = tokens[j];
      if (t === undefined || (t.type === 'punct' && (k === 0 || !PHRASE_GLUE.has(t.text)))) return -1;
      if (t.type !== 'punct' && keyOf(t) === want) break;
      const skippable =
        k > 0 &&
        ((t.type === 'punct' && PHRASE_GLUE.has(t.text)) || (t.type === 'word' && FILLERS.has(t.text)));
      if (!skippable) return -1;
      j += 1;
    }
    j += 1;
  }
  return j;
}

function findLabels(
  tokens: readonly Token[],
  phrases: Map<string, Phrase[]>,
  specs: ReadonlyMap<string, IndicatorSpec>,
): LabelMatch[] {
  const found: { phrase: Phrase; start: number; end: number }[] = [];
  for (let s = 0; s < tokens.length; s++) {
    const t = tokens[s];
    if (t === undefined || t.type === 'punct') continue;
    for (const phrase of phrases.get(keyOf(t)) ?? []) {
      const end = matchPhrase(tokens, s, phrase);
      if (end > s) found.push({ phrase, start: s, end });
    }
  }
  // Longest synonym first (in words, then in characters), then leftmost.
  found.sort(
    (a, b) =>
      b.phrase.words.length - a.phrase.words.length || b.phrase.chars - a.phrase.chars || a.start - b.start,
  );
  const taken = new Uint8Array(tokens.length);
  const labels: LabelMatch[] = [];
  for (const f of found) {
    let free = true;
    for (let k = f.start; k < f.end; k++) if (taken[k]) free = false;
    const spec = specs.get(f.phrase.code);
    if (!free || spec === undefined) continue;
    for (let k = f.start; k < f.end; k++) taken[k] = 1;
    labels.push({ spec, start: f.start, end: f.end, done: false });
  }
  return labels.sort((a, b) => a.start - b.start);
}

/** Everything the passes over one message share. */
class Message {
  readonly labelAt: Int32Array;
  readonly itemAt = new Map<number, NumItem>();
  readonly items: NumItem[] = [];
  /** Word tokens used up (a boolean's yes/no word). */
  readonly used = new Set<number>();

  constructor(
    readonly source: string,
    readonly from: readonly number[],
    readonly to: readonly number[],
    readonly tokens: readonly Token[],
    readonly labels: readonly LabelMatch[],
  ) {
    this.labelAt = new Int32Array(tokens.length).fill(-1);
    labels.forEach((label, index) => {
      for (let k = label.start; k < label.end; k++) this.labelAt[k] = index;
    });
  }

  tok(i: number): Token | undefined {
    return i >= 0 ? this.tokens[i] : undefined;
  }

  isFreeWord(i: number, words?: ReadonlySet<string>): boolean {
    const t = this.tok(i);
    return (
      t !== undefined && t.type === 'word' && (this.labelAt[i] ?? -1) < 0 && (!words || words.has(t.text))
    );
  }

  isPunct(i: number, ...marks: string[]): boolean {
    const t = this.tok(i);
    return t !== undefined && t.type === 'punct' && marks.includes(t.text);
  }

  raw(start: number, end: number): string {
    const first = this.tok(start);
    const last = this.tok(end - 1);
    if (first === undefined || last === undefined) return '';
    const from = this.from[first.start] ?? 0;
    const to = this.to[last.end - 1] ?? from;
    return this.source.slice(from, to).trim();
  }
}

/** Money words from token `j`: the summed exponent of an increasing run (`trăm nghìn` = 5). */
function readMultipliers(m: Message, j: number): { exponent: number; next: number } | null {
  let exponent = 0;
  let last = -1;
  let k = j;
  for (;;) {
    const t = m.tok(k);
    if (t === undefined || !m.isFreeWord(k)) break;
    const e = MULTIPLIER_EXPONENTS.get(t.text);
    if (e === undefined || e <= last) break;
    exponent += e;
    last = e;
    k += 1;
  }
  return k > j ? { exponent, next: k } : null;
}

function isPlainSmall(t: Token | undefined): t is Token {
  return t !== undefined && t.type === 'num' && /^\d{1,3}$/.test(t.text);
}

/** Whether a colloquial tail (`1 tỷ 2`) ends at token `k`: end of text, a separator, `đồng` or a filler. */
function tailEndsAt(m: Message, k: number): boolean {
  const t = m.tok(k);
  if (t === undefined) return true;
  if (t.type === 'punct') return ['\n', ',', ';', '.', ')'].includes(t.text);
  return m.isFreeWord(k, CURRENCY_WORDS) || m.isFreeWord(k, FILLERS);
}

function readNumberItem(m: Message, i: number): NumItem {
  const token = m.tok(i) as Token;
  let start = i;
  let negative = false;
  const prev = m.tok(i - 1);
  if (prev?.type === 'punct' && prev.text === '-' && !token.spaceBefore) {
    const before = m.tok(i - 2);
    if (
      before === undefined ||
      prev.spaceBefore ||
      (before.type === 'punct' && SIGN_OPENERS.has(before.text))
    ) {
      negative = true;
      start = i - 1;
    }
  }
  const readings = readNumberToken(token.text);
  let unit: NumItem['unit'] = 'none';
  let exponent = 0;
  let addend = 0;
  let j = i + 1;
  if (m.isPunct(j, '%')) {
    unit = 'percent';
    j += 1;
  } else if (m.isFreeWord(j, PERCENT_WORD) && m.isFreeWord(j + 1, PERCENT_WORD_2)) {
    unit = 'percent';
    j += 2;
  } else {
    const group = readMultipliers(m, j);
    if (group) {
      unit = 'money';
      exponent = group.exponent;
      j = group.next;
      const only = readings[0];
      if (readings.length === 1 && only?.form === 'plain') {
        let current = exponent;
        // 1 tỷ 200 triệu 500 nghìn
        for (;;) {
          const t = m.tok(j);
          const lower = isPlainSmall(t) ? readMultipliers(m, j + 1) : null;
          if (!isPlainSmall(t) || lower === null || lower.exponent >= current) break;
          addend += Number(t.text) * 10 ** lower.exponent;
          current = lower.exponent;
          j = lower.next;
        }
        // 1 tỷ 2 = 1,2 tỷ; 2tr5 = 2,5 triệu
        const t = m.tok(j);
        if (isPlainSmall(t) && current >= 3 && t.text.length <= current && tailEndsAt(m, j + 1)) {
          addend += Number(t.text) * 10 ** (current - t.text.length);
          j += 1;
        }
      }
    }
    if (m.isFreeWord(j, CURRENCY_WORDS)) {
      unit = 'money';
      j += 1;
    }
  }
  return {
    start,
    end: j,
    negative,
    readings,
    unit,
    exponent,
    addend,
    token: token.text,
    raw: m.raw(start, j),
    context: false,
  };
}

/** Whether a label sits right before the item, with only fillers and `: = -` between. */
function labelJustBefore(m: Message, item: NumItem): boolean {
  for (let k = item.start - 1; k >= 0; k--) {
    if ((m.labelAt[k] ?? -1) >= 0) return true;
    if (m.isFreeWord(k, FILLERS) || m.isPunct(k, ':', '=', '-')) continue;
    return false;
  }
  return false;
}

function isPlain(item: NumItem): boolean {
  return item.unit === 'none' && item.readings.length === 1 && item.readings[0]?.form === 'plain';
}

/**
 * Whether a number belongs to the context rather than to an indicator: dates and fractions
 * (`15/7`, `51/63`), document numbers (`123/BC-STP`, `số 123`), ranges and times (`2023-2025`,
 * `8:30`), list markers (`1.` at the start of a line), phone-like codes (`0912…`), periods and
 * ages (`6 tháng`, `năm 2026`, `dưới 5 tuổi`), targets and past figures (`chỉ tiêu 82,5%`,
 * `năm trước 80%`, `vượt 1%`), comparisons (`tăng 2,1% so với cùng kỳ` unless a label is right
 * before, `so với cùng kỳ tăng 2%`).
 */
function isContext(m: Message, item: NumItem): boolean {
  // No figure has that many digits; such a token is an identifier or noise.
  if (item.readings.length === 0 || item.token.length > MAX_NUMBER_LENGTH) return true;
  const plain = isPlain(item);
  const numIndex = item.negative ? item.start + 1 : item.start;
  const numToken = m.tok(numIndex);
  const before = m.tok(item.start - 1);
  const after = m.tok(item.end);
  if (plain) {
    if (m.isPunct(item.end, '/')) return true;
    if (m.isPunct(item.start - 1, '/') && m.tok(item.start - 2)?.type === 'num') return true;
    const next = m.tok(item.end + 1);
    if (
      m.isPunct(item.end, '-', ':') &&
      after?.spaceBefore === false &&
      next?.type === 'num' &&
      !next.spaceBefore
    ) {
      return true;
    }
    if (
      m.isPunct(item.start - 1, '-', ':') &&
      before?.spaceBefore === false &&
      numToken?.spaceBefore === false &&
      m.tok(item.start - 2)?.type === 'num'
    ) {
      return true;
    }
    if (item.token.length >= 3 && item.token.startsWith('0')) return true;
    const lineStart = before === undefined || m.isPunct(item.start - 1, '\n');
    const follower = m.tok(item.end + 1);
    if (
      lineStart &&
      m.isPunct(item.end, '.', ')') &&
      after?.spaceBefore === false &&
      follower !== undefined &&
      !(follower.type === 'punct' && follower.text === '\n')
    ) {
      return true;
    }
    if (m.isFreeWord(item.end, CONTEXT_AFTER)) return true;
  }
  const word = m.isFreeWord(item.start - 1) ? m.tok(item.start - 1)?.text : undefined;
  if (word !== undefined && CONTEXT_BEFORE.has(word)) {
    const exception = CONTEXT_EXCEPT.get(word);
    if (exception === undefined || m.tok(item.start - 2)?.text !== exception) return true;
  }
  if (m.isFreeWord(item.end, COMPARISON_WORD) && m.isFreeWord(item.end + 1, COMPARISON_NEXT)) {
    return !labelJustBefore(m, item);
  }
  return inComparison(m, item);
}

/** Whether the words before the item, back to a mark, a label or a number, hold `so với`/`so cùng kỳ`. */
function inComparison(m: Message, item: NumItem): boolean {
  for (let k = item.start - 1; k >= Math.max(0, item.start - 8); k--) {
    if (!m.isFreeWord(k)) return false;
    if (m.isFreeWord(k, COMPARISON_WORD) && m.isFreeWord(k + 1, COMPARISON_NEXT)) return true;
  }
  return false;
}

/** A plain integer joined by `-` to a context integer is context too (`giai đoạn 2023 - 2025`). */
function spreadContext(m: Message): void {
  for (let n = 0; n < m.items.length - 1; n++) {
    const a = m.items[n];
    const b = m.items[n + 1];
    if (a === undefined || b === undefined || !a.context || b.context || !isPlain(a) || !isPlain(b)) continue;
    if (b.start === a.end + 1 && m.isPunct(a.end, '-')) b.context = true;
  }
}

function answerBooleans(m: Message, pairs: [LabelMatch, Resolution][]): void {
  for (const label of m.labels) {
    if (label.spec.kind !== 'boolean') continue;
    let j = label.end;
    while (m.isPunct(j, ':', '=', '-')) j += 1;
    const t = m.tok(j);
    if (t === undefined || !m.isFreeWord(j)) continue;
    const answer = YES.has(t.text) ? 1 : NO.has(t.text) ? 0 : null;
    if (answer === null) continue;
    label.done = true;
    m.used.add(j);
    pairs.push([label, { kind: 'value', value: answer }]);
  }
}

function newGap(): Gap {
  return { hard: false, comma: false, unknown: 0 };
}

/** Labels and value numbers in text order, each with what separates it from the previous one. */
function collectSlots(m: Message): Slot[] {
  const slots: Slot[] = [];
  let gap = newGap();
  let lastMark: string | null = null;
  // A label alone at the end of its line reaches the number on the next line (`Việc:\n83,5%`).
  let labelOpen = false;
  const push = (entry: Entry) => {
    slots.push({ entry, gap });
    gap = newGap();
    lastMark = null;
    labelOpen = entry.kind === 'label';
  };
  const unknownWord = () => {
    gap.unknown += 1;
    labelOpen = false;
    if (gap.unknown > MAX_UNKNOWN_WORDS) gap.hard = true;
  };
  let i = 0;
  while (i < m.tokens.length) {
    const labelIndex = m.labelAt[i] ?? -1;
    const label = m.labels[labelIndex];
    if (label !== undefined) {
      push({ kind: 'label', label });
      i = label.end;
      continue;
    }
    const item = m.itemAt.get(i);
    if (item !== undefined) {
      if (item.context) unknownWord();
      else push({ kind: 'num', num: item });
      i = item.end;
      continue;
    }
    const t = m.tokens[i] as Token;
    if (t.type === 'word') {
      if (BREAKERS.has(t.text)) gap.hard = true;
      else if (!FILLERS.has(t.text) && !m.used.has(i)) unknownWord();
      lastMark = null;
    } else if (t.type === 'punct') {
      if (t.text === '\n') {
        if (!labelOpen && lastMark !== ':' && lastMark !== '=') gap.hard = true;
      } else {
        if (t.text === ';' || t.text === '.') gap.hard = true;
        if (t.text === ',') gap.comma = true;
        if (t.text !== ':' && t.text !== '=' && t.text !== '-') labelOpen = false;
        lastMark = t.text;
      }
    } else {
      unknownWord();
    }
    i += 1;
  }
  return slots;
}

/** Runs of slots that may pair with each other. */
function chainsOf(slots: readonly Slot[]): Slot[][] {
  const chains: Slot[][] = [];
  let current: Slot[] = [];
  for (const slot of slots) {
    const previous = current[current.length - 1];
    // A comma separates pairs (`việc 83%, tiền 46%`) but lists things of one sort (`việc, tiền`).
    const split =
      slot.gap.hard || (slot.gap.comma && previous !== undefined && previous.entry.kind !== slot.entry.kind);
    if (split && current.length > 0) {
      chains.push(current);
      current = [];
    }
    current.push(slot);
  }
  if (current.length > 0) chains.push(current);
  return chains;
}

function compatible(label: LabelMatch, num: NumItem): boolean {
  if (label.done) return false;
  switch (label.spec.kind) {
    case 'percent':
      return num.unit !== 'money';
    case 'money':
      return num.unit !== 'percent';
    case 'text':
      return true;
    default:
      return num.unit === 'none';
  }
}

/**
 * Pairs labels with numbers in one chain. Parallel lists (`việc, tiền: 83,5%, 46,2%`) pair in
 * order; otherwise left to right, a label takes the number right after it, or a number the label
 * right after it (`83,5% về việc`). A number nearer to the next label than to the previous one
 * (unknown words only on the left) goes to the next one.
 */
function pairChain(chain: readonly Slot[], pairs: [LabelMatch, NumItem][], lonely: NumItem[]): void {
  const n = chain.length;
  const half = n / 2;
  if (n >= 4 && n % 2 === 0) {
    const firstKind = chain[0]?.entry.kind;
    const left = chain.slice(0, half);
    const right = chain.slice(half);
    if (left.every((s) => s.entry.kind === firstKind) && right.every((s) => s.entry.kind !== firstKind)) {
      const candidate: [LabelMatch, NumItem][] = [];
      for (let k = 0; k < half; k++) {
        const a = left[k]?.entry;
        const b = right[k]?.entry;
        if (a?.kind === 'label' && b?.kind === 'num') candidate.push([a.label, b.num]);
        if (a?.kind === 'num' && b?.kind === 'label') candidate.push([b.label, a.num]);
      }
      if (candidate.length === half && candidate.every(([l, x]) => compatible(l, x))) {
        pairs.push(...candidate);
        return;
      }
    }
  }
  let i = 0;
  while (i < n) {
    const a = chain[i]?.entry;
    const bSlot = chain[i + 1];
    const b = bSlot?.entry;
    if (a === undefined) break;
    if (a.kind === 'label' && b?.kind === 'num' && compatible(a.label, b.num)) {
      const cSlot = chain[i + 2];
      const c = cSlot?.entry;
      const nearerNext =
        c?.kind === 'label' &&
        compatible(c.label, b.num) &&
        (bSlot?.gap.unknown ?? 0) > 0 &&
        (cSlot?.gap.unknown ?? 0) === 0;
      if (!nearerNext) {
        pairs.push([a.label, b.num]);
        i += 2;
        continue;
      }
    } else if (a.kind === 'num' && b?.kind === 'label' && compatible(b.label, a.num)) {
      pairs.push([b.label, a.num]);
      i += 2;
      continue;
    }
    if (a.kind === 'num') lonely.push(a.num);
    i += 1;
  }
}

function signed(item: NumItem, value: number): number {
  const v = item.negative ? -value : value;
  return v === 0 ? 0 : v;
}

/** The readings of an item for an indicator kind, and which one is the natural one. */
function candidatesOf(item: NumItem, kind: IndicatorKind | null): { values: number[]; primary: number } {
  let readings = item.readings;
  if ((kind === 'count' || kind === 'money') && readings.length === 2) {
    // Nobody writes three zero decimals on a count or an amount: 500.000 is five hundred thousand.
    readings = readings.filter((r) => !(r.form === 'decimal' && /^0+$/.test(r.frac)));
  }
  const values = readings.map((r) => signed(item, decimalValue(r, item.exponent) + item.addend));
  let primary = 0;
  if (values.length === 2) {
    if (kind === 'count' || kind === 'money') primary = 1;
    else if (kind === null && item.unit !== 'percent' && item.token.includes('.')) primary = 1;
  }
  return { values, primary };
}

/**
 * Reads an item for an indicator: every reading valid for it is a candidate; one candidate is
 * the value, several make it ambiguous, none make it invalid (with the natural reading's reason).
 */
function resolve(item: NumItem, spec: IndicatorSpec): Resolution {
  const { values, primary } = candidatesOf(item, spec.kind);
  const valid = [...new Set(values.filter((v) => validateValue(v, spec) === null))].sort((a, b) => a - b);
  const [single] = valid;
  if (valid.length === 1 && single !== undefined) return { kind: 'value', value: single };
  if (valid.length > 1) return { kind: 'ambiguous', candidates: valid };
  const value = values[primary] ?? values[0] ?? Number.NaN;
  return { kind: 'invalid', value, reason: validateValue(value, spec) ?? 'above_max' };
}

/**
 * Reads the figures in one message.
 *
 * Contract:
 * - Never throws, whatever the input (random Unicode, control characters, megabytes); only the
 *   first `maxLength` characters (default 2000, after NFC) are read and `truncated` says so.
 * - Labels are the indicators' `labelVi`, `labelEn` and `synonyms`, compared after
 *   normalisation (NFC, lowercase, no diacritics, `đ` → `d`, punctuation and spaces collapsed);
 *   the longest synonym wins (`giảm việc` before `việc`); a phrase two indicators share is ignored.
 * - Labels and numbers pair left to right: a label followed by a number takes it (`việc 83,5%`),
 *   a number followed by a label goes to it (`83,5% về việc`); parallel lists pair in order
 *   (`việc, tiền: 83,5%, 46,2%`). Between the two only filler words (`đạt`, `là`, `được`,
 *   `khoảng`, `ạ`, `nhé`…), at most two unknown words and `: = - ( )` may stand; a new line
 *   (unless the label ends its line), `;`, `.`, `tăng`/`giảm`/`vượt` cut the link, and a comma
 *   separates pairs. Each number pairs at most once.
 * - Numbers: `83,5` and `83.5`; thousands `2.500.000` and `1,234,567`; money words `tỷ`, `triệu`,
 *   `tr`, `nghìn`/`ngàn`/`k`, `đồng`/`đ`/`VND`, combined (`1 tỷ 200 triệu`, `2tr5`). A `%` number
 *   only goes to a percent, a money-word number only to money, counts take bare numbers.
 * - Context numbers are never values (see the list on the helper: dates, document numbers,
 *   periods, ages, targets, comparisons, list markers).
 * - `1.234` / `1,234` read as 1.234 or 1234: each reading valid for the indicator is a candidate.
 *   A percent keeps 1.234 (1234 % is impossible); a count keeps 1234 (1.234 is not whole); money
 *   in đồng keeps 1234 đồng; `x.000` is never a decimal for a count or money. Several valid
 *   readings (`1,234 tỷ`: 1 234 000 000 or 1 234 000 000 000 đồng) → `ambiguous`, never a guess.
 * - Refused values go to `invalid` with the reason from {@link validateValue}.
 * - Numbers tied to no label go to `unlabelled`, never into `values`. When exactly one indicator
 *   is expected, their value is read for that indicator's kind; otherwise by the Vietnamese
 *   convention (`1.234` = 1234, `1,234` = 1.234). The caller validates it with {@link validateValue}.
 * - A code given twice with different values is listed in `duplicates`; `values` holds the last.
 * - `boolean` indicators take a yes/no word after the label (`rồi`, `có`, `xong` / `chưa`,
 *   `không`) as 1/0; `text` indicators are recognised (their numbers are not values) but not read.
 */
export function parseFigures(
  text: string,
  indicators: readonly IndicatorSpec[],
  options?: ParseOptions,
): ParseResult {
  const result = emptyResult();
  const input = typeof text === 'string' ? text : '';
  const specs = Array.isArray(indicators) ? indicators.filter(isUsableSpec) : [];
  const { source, truncated } = capText(input, maxLengthOf(options));
  result.truncated = truncated;

  const byCode = new Map<string, IndicatorSpec>();
  for (const spec of specs) if (!byCode.has(spec.code)) byCode.set(spec.code, spec);

  const folded = foldText(source);
  const tokens = tokenize(folded.text);
  const labels = findLabels(tokens, phrasesFor([...byCode.values()]), byCode);
  const m = new Message(source, folded.from, folded.to, tokens, labels);

  for (let i = 0; i < tokens.length; ) {
    if (tokens[i]?.type === 'num' && (m.labelAt[i] ?? -1) < 0) {
      const item = readNumberItem(m, i);
      m.items.push(item);
      m.itemAt.set(item.start, item);
      i = item.end;
    } else {
      i += 1;
    }
  }
  for (const item of m.items) item.context = isContext(m, item);
  spreadContext(m);

  const answered: [LabelMatch, Resolution][] = [];
  answerBooleans(m, answered);
  const pairs: [LabelMatch, NumItem][] = [];
  const lonely: NumItem[] = [];
  for (const chain of chainsOf(collectSlots(m))) pairChain(chain, pairs, lonely);

  const values = new Map<string, number>();
  const duplicates = new Set<string>();
  const accept = (code: string, value: number) => {
    const previous = values.get(code);
    if (previous !== undefined && previous !== value) duplicates.add(code);
    values.delete(code);
    values.set(code, value);
  };
  const seen = new Set<string>();
  const outcomes: { label: LabelMatch; raw: string; resolution: Resolution; at: number }[] = [];
  for (const [label, resolution] of answered) outcomes.push({ label, raw: '', resolution, at: label.start });
  for (const [label, item] of pairs) {
    if (label.spec.kind === 'text') continue;
    outcomes.push({ label, raw: item.raw, resolution: resolve(item, label.spec), at: item.start });
  }
  outcomes.sort((a, b) => a.at - b.at);
  for (const { label, raw, resolution } of outcomes) {
    const code = label.spec.code;
    if (resolution.kind === 'value') {
      accept(code, resolution.value);
      continue;
    }
    const key = `${code}\u0000${raw}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (resolution.kind === 'ambiguous')
      result.ambiguous.push({ code, raw, candidates: resolution.candidates });
    else result.invalid.push({ code, raw, value: resolution.value, reason: resolution.reason });
  }

  const only = byCode.size === 1 ? [...byCode.values()][0] : undefined;
  for (const item of lonely.sort((a, b) => a.start - b.start)) {
    let value: number | undefined;
    if (only !== undefined) {
      const resolution = resolve(item, only);
      if (resolution.kind === 'value') value = resolution.value;
      else {
        const { values: readings, primary } = candidatesOf(item, only.kind);
        value = readings[primary];
      }
    } else {
      const { values: readings, primary } = candidatesOf(item, null);
      value = readings[primary];
    }
    if (value !== undefined) result.unlabelled.push({ raw: item.raw, value });
  }

  result.values = Object.fromEntries(values);
  result.duplicates = [...duplicates];
  return result;
}
