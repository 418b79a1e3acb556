/**
 * Where a number stands in a message, beyond the label next to it: its clause (cut by `.`, `;`
 * and line breaks), the heading over the clause (a line ending with `:` over the lines under
 * it, or words before a `:` or before the first figure inside the clause) and the direction
 * words (`giảm`, `tăng`) around it. The parser weighs these words to decide which indicator a
 * number is for (`giảm án chuyển kỳ sau: 9% về việc`). Pure.
 */

import type { Message, NumItem } from './message.js';
import {
  COMPARISON_NEXT,
  COMPARISON_WORD,
  DOWN_WORD,
  FILLERS,
  PLURAL_WORDS,
  TARGET_WORDS,
  UP_WORD,
} from './vocabulary.js';

/** A run of tokens between line breaks, `.` and `;`, with the heading that scopes it. */
interface Clause {
  readonly start: number;
  readonly end: number;
  /** Word tokens of the heading line(s) above this clause's line. */
  heading: readonly number[];
  /** Gaps that head the entries after them: the clause's opening words, words before a `:`. */
  readonly heads: { readonly start: number; readonly end: number; readonly colon: boolean }[];
}

/** The clauses of a message and what each token is, for weighing the words around numbers. */
export interface Layout {
  /** For each token, its clause, or -1 for a line break, `.` or `;`. */
  readonly clauseOf: Int32Array;
  readonly clauses: readonly Clause[];
  /** For each token, 1 when it belongs to a label or a number item. */
  readonly entry: Uint8Array;
  /** Number items paired with a label. */
  readonly paired: ReadonlySet<NumItem>;
  /** Direction words (`giảm`, `tăng`) by token: the number each one is said of, if any. */
  readonly attached: ReadonlyMap<number, NumItem | null>;
  /** The direction words said of each number. */
  readonly saidOf: ReadonlyMap<NumItem, readonly number[]>;
  /** For each token index, the start of the first number at or after it that no label took. */
  readonly nextLonely: Int32Array;
  /** For each token index, the index (in `labels`) of the last label ending at or before it, or -1. */
  readonly labelBefore: Int32Array;
  /** For each token, 1 when it belongs to a comparison (`so với`, `so cùng kỳ`): about another period. */
  readonly compared: Uint8Array;
  /** The words of token ranges read so far, by `from:to`. */
  readonly ranges: Map<string, RangeWords>;
  /** By clause, the start of the last label its closing words do not fit (see `closingApplies`). */
  readonly closingMisfit: Map<number, number>;
}

/** The free words of a token range: word counts, and the direction words (weighed per number). */
interface RangeWords {
  readonly words: ReadonlyMap<string, number>;
  readonly directions: readonly number[];
}

/** Whether token `k` is a free `giảm` or `tăng`. */
export function isDirection(m: Message, k: number): boolean {
  if (!m.isFreeWord(k)) return false;
  const text = m.tok(k)?.text;
  return text === DOWN_WORD || text === UP_WORD;
}

/** Whether the words after token `k` (fillers skipped) are `so với`, `so cùng kỳ`… */
export function comparisonAfter(m: Message, k: number): boolean {
  let j = k + 1;
  while (m.isFreeWord(j, FILLERS)) j += 1;
  return m.isFreeWord(j, COMPARISON_WORD) && m.isFreeWord(j + 1, COMPARISON_NEXT);
}

/**
 * The number a direction word is said of: the number right after it (fillers and `:` between),
 * else the number right before it (fillers between), else none.
 */
function attachedItem(m: Message, k: number, itemEnds: ReadonlyMap<number, NumItem>): NumItem | null {
  let j = k + 1;
  while (m.isFreeWord(j, FILLERS) || m.isPunct(j, ':')) j += 1;
  const after = m.itemAt.get(j);
  if (after !== undefined) return after;
  let p = k - 1;
  while (m.isFreeWord(p, FILLERS)) p -= 1;
  return itemEnds.get(p + 1) ?? null;
}

function hasWord(m: Message, start: number, end: number, entry: Uint8Array): boolean {
  for (let k = start; k < end; k++) {
    if (!entry[k] && m.isFreeWord(k) && !m.isFreeWord(k, FILLERS)) return true;
  }
  return false;
}

/** Whether a line is a list item: it opens with `-`, `+` or a numbered marker (`1.`, `2)`). */
function isListItem(m: Message, start: number): boolean {
  if (m.isPunct(start, '-', '+')) return true;
  const item = m.itemAt.get(start);
  return item?.context === true && m.isPunct(item.end, '.', ')');
}

/** Splits the message into lines and clauses, and finds their headings. */
export function layoutOf(m: Message, paired: ReadonlySet<NumItem>): Layout {
  const n = m.tokens.length;
  const entry = new Uint8Array(n);
  const itemEnds = new Map<number, NumItem>();
  for (const label of m.labels) entry.fill(1, label.start, label.end);
  for (const item of m.items) {
    entry.fill(1, item.start, item.end);
    itemEnds.set(item.end, item);
  }
  const attached = new Map<number, NumItem | null>();
  const saidOf = new Map<NumItem, number[]>();
  for (let k = 0; k < n; k++) {
    if (!isDirection(m, k)) continue;
    const item = attachedItem(m, k, itemEnds);
    attached.set(k, item);
    if (item !== null) saidOf.set(item, [...(saidOf.get(item) ?? []), k]);
  }
  const labelBefore = new Int32Array(n + 1).fill(-1);
  for (let k = 1; k <= n; k++) {
    const at = m.labelAt[k - 1] ?? -1;
    labelBefore[k] = at >= 0 && m.labels[at]?.end === k ? at : (labelBefore[k - 1] ?? -1);
  }
  const compared = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    if (!m.isFreeWord(k, COMPARISON_WORD) || !m.isFreeWord(k + 1, COMPARISON_NEXT)) continue;
    const cung = m.tok(k + 1)?.text === 'cung' && m.isFreeWord(k + 2, COMPARISON_NEXT);
    compared.fill(1, k, k + (cung ? 3 : 2));
  }
  const nextLonely = new Int32Array(n + 1).fill(n);
  for (let k = n - 1; k >= 0; k--) {
    const item = m.itemAt.get(k);
    const lonely = item !== undefined && !item.context && !paired.has(item);
    nextLonely[k] = lonely ? k : (nextLonely[k + 1] ?? n);
  }

  const clauseOf = new Int32Array(n).fill(-1);
  const clauses: Clause[] = [];
  let heading: { words: number[]; listed: boolean | null } | null = null;
  let lineStart = 0;
  for (let end = 0; end <= n; end++) {
    if (end < n && !m.isPunct(end, '\n')) continue;
    const start = lineStart;
    lineStart = end + 1;
    if (start === end) {
      heading = null;
      continue;
    }
    let figures = false;
    for (let k = start; k < end; k++) {
      if ((m.labelAt[k] ?? -1) >= 0 || m.itemAt.get(k)?.context === false) figures = true;
    }
    if (!figures && m.isPunct(end - 1, ':') && hasWord(m, start, end, entry)) {
      const words: number[] = [];
      for (let k = start; k < end; k++) if (!entry[k] && m.isFreeWord(k)) words.push(k);
      heading = { words, listed: null };
      continue;
    }
    if (heading !== null) {
      const listed = isListItem(m, start);
      heading.listed ??= listed;
      if (heading.listed !== listed) heading = null;
    }
    let clauseStart = start;
    for (let k = start; k <= end; k++) {
      if (k < end && !m.isPunct(k, '.', ';')) continue;
      if (k > clauseStart) {
        const clause = { start: clauseStart, end: k, heading: heading?.words ?? [], heads: [] };
        clauseOf.fill(clauses.length, clauseStart, k);
        findHeads(m, clause, entry);
        clauses.push(clause);
      }
      clauseStart = k + 1;
    }
  }
  return {
    clauseOf,
    clauses,
    entry,
    paired,
    attached,
    saidOf,
    nextLonely,
    labelBefore,
    compared,
    ranges: new Map(),
    closingMisfit: new Map(),
  };
}

/** The clause's heading gaps: its opening words, and any words that end with `:` before figures. */
function findHeads(m: Message, clause: Clause, entry: Uint8Array): void {
  let gapStart = clause.start;
  for (let k = clause.start; k <= clause.end; k++) {
    if (k < clause.end && !entry[k]) continue;
    const opening = gapStart === clause.start && k < clause.end;
    let last = k - 1;
    while (last >= gapStart && m.tok(last)?.type === 'word' && m.isFreeWord(last, FILLERS)) last -= 1;
    const colon = m.isPunct(last, ':');
    if (k > gapStart && (opening || colon) && hasWord(m, gapStart, k, entry)) {
      clause.heads.push({ start: gapStart, end: k, colon });
    }
    while (k < clause.end && entry[k]) k += 1;
    gapStart = k;
  }
}

/** Which words around a number to gather (see {@link wordsAround}). */
export type Reach = 'around' | 'near' | 'heads' | 'closing';

/** The token ranges `wordsAround` reads, the heading line's words last. */
function rangesOf(
  m: Message,
  layout: Layout,
  span: { readonly start: number; readonly end: number },
  reach: Reach,
): [number, number][] {
  const { start, end } = span;
  const clause = layout.clauses[layout.clauseOf[start] ?? -1];
  if (clause === undefined) return [];
  const ranges: [number, number][] = [];
  if (reach === 'closing') {
    let tail = clause.end;
    while (tail > end && !layout.entry[tail - 1]) tail -= 1;
    if (tail > end && (layout.nextLonely[end] ?? 0) >= tail) ranges.push([tail, clause.end]);
    return ranges;
  }
  if (reach !== 'heads') {
    let gap = start;
    const near = reach === 'near';
    while (gap > clause.start && !layout.entry[gap - 1] && !(near && m.tok(gap - 1)?.type === 'punct'))
      gap -= 1;
    ranges.push([gap, start], [start, end]);
  }
  if (reach === 'near') return ranges;
  let head: { start: number; end: number } | undefined;
  for (const h of clause.heads) if (h.end <= start && (h.colon || reach === 'around')) head = h;
  if (head !== undefined) ranges.push([head.start, head.end]);
  if (reach === 'around') {
    let after = end;
    while (after < clause.end && !layout.entry[after]) after += 1;
    ranges.push([end, after]);
  }
  for (const k of clause.heading) ranges.push([k, k + 1]);
  return ranges;
}

/**
 * The words that bear on a number or a label–number pair spanning tokens `start`–`end`:
 * - `around`: the free words inside it, the gaps right before and after it, the heading gap
 *   over it, the heading line above;
 * - `near`: the words inside it and right before it, back to a mark;
 * - `heads`: a heading ending with `:` over it in its clause, and the heading line above;
 * - `closing`: the clause's closing words after it, unless a number no label took stands
 *   between (`giảm 9% số việc và 7% số tiền chuyển kỳ sau`).
 * A `giảm`/`tăng` said of another number that no label took (or of a date, a comparison) is
 * left out, and so is one followed by `so với…`: it describes something else. Word counts.
 */
export function wordsAround(
  m: Message,
  layout: Layout,
  span: { readonly start: number; readonly end: number },
  own: NumItem | null,
  reach: Reach = 'around',
): Map<string, number> {
  const bag = new Map<string, number>();
  const seen = new Set<string>();
  for (const [from, to] of rangesOf(m, layout, span, reach)) {
    const key = `${from}:${to}`;
    if (from >= to || seen.has(key)) continue;
    seen.add(key);
    const range = rangeWords(m, layout, from, to);
    for (const [text, n] of range.words) bag.set(text, (bag.get(text) ?? 0) + n);
    for (const k of range.directions) {
      const text = m.tok(k)?.text ?? '';
      if (directionBears(m, layout, k, own)) bag.set(text, (bag.get(text) ?? 0) + 1);
    }
  }
  return bag;
}

/** The free words of tokens `from`–`to` (cached: headings are read for every figure under them). */
function rangeWords(m: Message, layout: Layout, from: number, to: number): RangeWords {
  const key = `${from}:${to}`;
  const hit = layout.ranges.get(key);
  if (hit) return hit;
  const words = new Map<string, number>();
  const directions: number[] = [];
  for (let k = from; k < to; k++) {
    if (layout.entry[k] || !m.isFreeWord(k) || m.used.has(k) || layout.compared[k]) continue;
    if (isDirection(m, k)) directions.push(k);
    else {
      const text = m.tok(k)?.text ?? '';
      words.set(text, (words.get(text) ?? 0) + 1);
    }
  }
  const found = { words, directions };
  layout.ranges.set(key, found);
  return found;
}

/**
 * Whether the words right before a pair (back to the previous figure, when they are not the
 * clause's heading) hold a word no label uses: a qualifier of its own (`Tập thể: LĐXS, cá nhân
 * LĐTT 25`) that may undo the heading.
 */
export function qualifiedBefore(
  m: Message,
  layout: Layout,
  span: { readonly start: number },
  known: ReadonlySet<string>,
): boolean {
  const clause = layout.clauses[layout.clauseOf[span.start] ?? -1];
  if (clause === undefined) return false;
  let gap = span.start;
  while (gap > clause.start && !layout.entry[gap - 1]) gap -= 1;
  if (clause.heads.some((h) => h.start === gap)) return false;
  for (let k = gap; k < span.start; k++) {
    const t = m.tok(k);
    if (m.isFreeWord(k) && !m.isFreeWord(k, FILLERS) && !known.has(t?.text ?? '')) return true;
  }
  return false;
}

/** The target word pairs standing (adjacent, in order) in the ranges; `chỉ tiêu` after a count or `các` means "indicators". */
function targetPairs(m: Message, ranges: readonly [number, number][]): (readonly [string, string])[] {
  const found: (readonly [string, string])[] = [];
  for (const [from, to] of ranges) {
    for (let k = from; k < to; k++) {
      const pair = TARGET_WORDS.find(
        ([a, b]) =>
          m.isFreeWord(k) && m.tok(k)?.text === a && m.isFreeWord(k + 1) && m.tok(k + 1)?.text === b,
      );
      if (pair === undefined) continue;
      const previous = m.tok(k - 1);
      if (pair[0] === 'chi' && (previous?.type === 'num' || m.isFreeWord(k - 1, PLURAL_WORDS))) continue;
      found.push(pair);
    }
  }
  return found;
}

/**
 * Whether a number is a target or a past figure, or may be one: `context` when the words right
 * before it say so (`chỉ tiêu giao 82,5%`, `năm trước việc 80%`) or a heading over it names a
 * past period (`Cùng kỳ năm trước:`); `unsure` under a heading with `chỉ tiêu`, which also
 * means "indicator"; otherwise `no`.
 */
export function targetOf(
  m: Message,
  layout: Layout,
  span: { readonly start: number; readonly end: number },
): 'context' | 'unsure' | 'no' {
  if (targetPairs(m, rangesOf(m, layout, span, 'near')).length > 0) return 'context';
  const heads = rangesOf(m, layout, span, 'heads');
  const found = targetPairs(m, heads);
  if (found.length === 0) return 'no';
  return found.every(([a]) => a === 'chi') ? 'unsure' : 'context';
}

/** Whether the direction word at `k` may bear on the number `own` (see {@link wordsAround}). */
function directionBears(m: Message, layout: Layout, k: number, own: NumItem | null): boolean {
  if (comparisonAfter(m, k)) return false;
  const item = layout.attached.get(k) ?? null;
  return item === null || item === own || (!item.context && layout.paired.has(item));
}

/**
 * The direction words said of a number: attached to it (see `attachedItem`), or, for a pair
 * whose label comes first, right before the label (`giảm khai tử 1,5%`). Token indices.
 */
export function directionsOf(m: Message, layout: Layout, item: NumItem, labelStart: number | null): number[] {
  const found = [...(layout.saidOf.get(item) ?? [])];
  if (labelStart !== null && labelStart < item.start) {
    let k = labelStart - 1;
    while (m.isFreeWord(k, FILLERS)) k -= 1;
    if (isDirection(m, k) && layout.attached.get(k) === null) found.push(k);
  }
  return found;
}
