/**
 * Reading the numbers of a message: a number token with its sign, its `%` or money words
 * (`1 tỷ 200 triệu`, `2tr5`), and deciding which numbers are context (dates, document numbers,
 * periods, ages, targets, comparisons, list markers) rather than values. Pure.
 */

import type { Message, NumItem } from './message.js';
import type { Token } from './normalize.js';
import { CURRENCY_WORDS, MULTIPLIER_EXPONENTS, readNumberToken } from './numbers.js';
import {
  COMPARISON_NEXT,
  COMPARISON_WORD,
  CONTEXT_AFTER,
  CONTEXT_BEFORE,
  CONTEXT_EXCEPT,
  DOWN_WORD,
  FILLERS,
  MAX_NUMBER_LENGTH,
  NOT_CURRENCY_NEXT,
  PERCENT_WORD,
  PERCENT_WORD_2,
  SIGN_OPENERS,
  UP_WORD,
} from './vocabulary.js';

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

/** Whether the word at `j` is `đồng chí` or `đ/c` (comrade), not the currency. */
function comrade(m: Message, j: number): boolean {
  const next = m.tok(j + 1)?.text ?? '';
  return NOT_CURRENCY_NEXT.has(next) && (next !== '/' || m.tok(j + 2)?.text === 'c');
}

/**
 * The number item starting at token `i` (a `num` token): a `-` attached to it after a line start
 * or an opening mark makes it negative; a `%` or `phần trăm` makes it a percent; money words
 * (summed, `1 tỷ 200 triệu 500 nghìn`, or with a colloquial tail, `1 tỷ 2`, `2tr5`) and currency
 * words make it money. Its `context` flag is set later by {@link isContext}.
 */
export function readNumberItem(m: Message, i: number): NumItem {
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
    if (m.isFreeWord(j, CURRENCY_WORDS) && !comrade(m, j)) {
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

/** Whether token `k` is a year or a date (a context number) or the word before one (`năm 2026`). */
function isDateWord(m: Message, k: number): boolean {
  if (m.itemAt.get(k)?.context) return true;
  return m.isFreeWord(k, CONTEXT_BEFORE) && m.itemAt.get(k + 1)?.context === true;
}

/**
 * Whether a label sits right before the item, with only fillers and `: = -` between, or also
 * `tăng`/`giảm` when the label may be negative (`đăng ký khai tử giảm 1,5% so với năm 2025`).
 */
function labelJustBefore(m: Message, item: NumItem): boolean {
  let direction = false;
  for (let k = item.start - 1; k >= 0; k--) {
    const label = m.labels[m.labelAt[k] ?? -1];
    if (label !== undefined) return !direction || (typeof label.spec.min === 'number' && label.spec.min < 0);
    if (m.isFreeWord(k, FILLERS) || m.isPunct(k, ':', '=', '-') || isDateWord(m, k)) continue;
    const t = m.tok(k);
    if (!direction && m.isFreeWord(k) && (t?.text === DOWN_WORD || t?.text === UP_WORD)) {
      direction = true;
      continue;
    }
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
export function isContext(m: Message, item: NumItem): boolean {
  // No figure has that many digits; such a token is an identifier or noise.
  if (item.readings.length === 0 || item.token.length > MAX_NUMBER_LENGTH) return true;
  const plain = isPlain(item);
  const numIndex = item.negative ? item.start + 1 : item.start;
  const numToken = m.tok(numIndex);
  const before = m.tok(item.start - 1);
  const after = m.tok(item.end);
  if (plain) {
    if (m.isPunct(item.end, '/')) return true;
    // 15/7, 51/63, 6T/2026, BC/2026: after a glued `/` a number is a date, a fraction, a period.
    if (m.isPunct(item.start - 1, '/') && numToken?.spaceBefore === false) return true;
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

/**
 * Whether the words before the item, back to a mark, a label or a value, hold `so với`/`so
 * cùng kỳ` (a year or a date between is part of the comparison: `so với năm 2025 tăng 2%`).
 */
function inComparison(m: Message, item: NumItem): boolean {
  for (let k = item.start - 1; k >= Math.max(0, item.start - 8); k--) {
    if (m.itemAt.get(k)?.context) continue;
    if (!m.isFreeWord(k)) return false;
    if (m.isFreeWord(k, COMPARISON_WORD) && m.isFreeWord(k + 1, COMPARISON_NEXT)) return true;
  }
  return false;
}

/**
 * A plain integer joined by `-` to a context integer is context too (`giai đoạn 2023 - 2025`),
 * and so are the digit groups after a phone number's first group (`0912 345 678`).
 */
export function spreadContext(m: Message): void {
  let phone = false;
  for (let n = 0; n < m.items.length - 1; n++) {
    const a = m.items[n];
    const b = m.items[n + 1];
    if (a === undefined || b === undefined || !a.context || b.context || !isPlain(a) || !isPlain(b)) {
      phone = false;
      continue;
    }
    if (b.start === a.end + 1 && m.isPunct(a.end, '-')) b.context = true;
    phone ||= a.token.length >= 3 && a.token.startsWith('0');
    if (phone && b.start === a.end && b.token.length >= 2 && m.tok(b.start)?.spaceBefore) b.context = true;
  }
}
