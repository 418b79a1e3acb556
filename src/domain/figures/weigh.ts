/**
 * Weighing the words around a number: whether a heading or the clause makes a short label name
 * a wider indicator (`giảm án chuyển kỳ sau: 9% về việc` is a reduction, not the completion
 * rate), what `giảm`/`tăng` does to a value, and which indicators an unused number could be
 * for, the most plausible first. Where the words point two ways the verdict is to ask. Pure.
 */

import { type LabelMatch, type Phrase, type PhraseTable, widerPhrases } from './labels.js';
import type { Message, NumItem } from './message.js';
import { comparisonAfter } from './scope.js';
import type { IndicatorSpec } from './spec.js';
import { DOWN_WORD } from './vocabulary.js';

/** What the words around a label–number pair say about the label. */
export type Verdict =
  | { readonly kind: 'keep' }
  /** A wider phrase of another indicator stands complete around the label: that indicator. */
  | { readonly kind: 'move'; readonly code: string; readonly words: ReadonlySet<string> }
  /** The words point to other indicators too (listed, the likeliest first): ask. */
  | { readonly kind: 'ask'; readonly codes: readonly string[] };

/**
 * Weighs the wider phrases of a label against the words around it (`bag`). A wider phrase is
 * complete when every word it adds stands around the label; its strength is how many words it
 * adds. The label moves to another indicator when that indicator's complete phrase adds at
 * least two words and more than any other indicator's, the label's own included
 * (`Tỷ lệ giảm án chuyển kỳ sau: việc 9%`). Any other evidence for another indicator — a
 * complete phrase adding one word (`việc giảm 2%`: `giảm việc`), a tie, or a phrase missing
 * just one of at least three added words (`số việc chuyển kỳ sau: 9%`) — makes it ask.
 */
export function weighLabel(table: PhraseTable, label: LabelMatch, bag: ReadonlyMap<string, number>): Verdict {
  const own = label.spec.code;
  const strength = new Map<string, { n: number; words: ReadonlySet<string> }>();
  const partial: string[] = [];
  for (const { phrase, extras, need } of widerPhrases(table, label.phrase)) {
    let matched = 0;
    for (const [w, count] of need) matched += Math.min(count, bag.get(w) ?? 0);
    const code = phrase.code;
    if (matched === extras.length) {
      if (extras.length > (strength.get(code)?.n ?? 0))
        strength.set(code, { n: extras.length, words: new Set(extras) });
    } else if (extras.length - matched === 1 && matched >= 2 && !partial.includes(code)) {
      partial.push(code);
    }
  }
  const ownStrength = strength.get(own)?.n ?? 0;
  const rivals = [...strength].filter(([code]) => code !== own).sort((a, b) => b[1].n - a[1].n);
  const [best, second] = rivals;
  if (best !== undefined && best[1].n >= 2 && best[1].n > ownStrength && (second?.[1].n ?? 0) < best[1].n) {
    return { kind: 'move', code: best[0], words: best[1].words };
  }
  const doubt = [...rivals.map(([code]) => code), ...partial.filter((c) => c !== own && !strength.has(c))];
  return doubt.length > 0 ? { kind: 'ask', codes: [...doubt, own] } : { kind: 'keep' };
}

/** A `giảm`/`tăng` said of a number: the word, whether it follows the number, whether `so với…` follows it. */
export interface Direction {
  readonly word: string;
  readonly after: boolean;
  readonly trend: boolean;
}

/** The direction words at `tokens`, as said of `item`. */
export function directionWords(m: Message, item: NumItem, tokens: readonly number[]): Direction[] {
  return tokens.map((k) => ({
    word: m.tok(k)?.text ?? '',
    after: k >= item.end,
    trend: comparisonAfter(m, k),
  }));
}

/** Whether an indicator may be negative (its minimum is below 0: a growth rate). */
export function isSigned(spec: Pick<IndicatorSpec, 'min'>): boolean {
  return typeof spec.min === 'number' && spec.min < 0;
}

/**
 * What the direction words said of a number do to its value for an indicator: nothing when the
 * indicator's own labels say it (`giảm việc: giảm 9%`) or a moved label used it; a negative
 * value for `giảm` where the indicator may be negative (`khai tử giảm 1,5%` → -1,5); nothing
 * for a trend after the value (`83,5% giảm so với cùng kỳ`); otherwise the number is unsure.
 */
export function directionEffect(
  spec: IndicatorSpec,
  directions: readonly Direction[],
  table: PhraseTable,
  consumed: ReadonlySet<string>,
): 'same' | 'negate' | 'ask' {
  const words = table.wordsOf.get(spec.code);
  let effect: 'same' | 'negate' | 'ask' = 'same';
  const seen = new Set<string>();
  for (const d of directions) {
    if (consumed.has(d.word) || words?.has(d.word)) continue;
    seen.add(d.word);
    if (isSigned(spec)) {
      if (d.word === DOWN_WORD) effect = 'negate';
    } else if (!(d.after && d.trend)) {
      return 'ask';
    }
  }
  return seen.size > 1 ? 'ask' : effect;
}

/** The value of `item` read as negative (`giảm 1,5%` → -1,5), for an indicator that may be. */
export function negated(item: NumItem): NumItem {
  return item.negative ? item : { ...item, negative: true };
}

/**
 * Orders the indicators an unused number fits: `first` (evidence already weighed) in its order,
 * then by the largest share of an indicator's label words standing around the number (`bag`),
 * a direction word one of its labels holds (or `giảm` for one that may be negative) adding one,
 * then those not given a value yet, then the report's order.
 */
export function rankFits(
  fitting: readonly IndicatorSpec[],
  first: readonly string[],
  bag: ReadonlyMap<string, number>,
  directions: readonly Direction[],
  table: PhraseTable,
  given: ReadonlySet<string>,
): string[] {
  if (fitting.length <= 1) return fitting.map((spec) => spec.code);
  // The share of each phrase's words standing around the number, the best per indicator.
  const matched = new Map<Phrase, number>();
  for (const w of bag.keys()) {
    for (const phrase of table.byWord.get(w) ?? []) matched.set(phrase, (matched.get(phrase) ?? 0) + 1);
  }
  const shares = new Map<string, number>();
  for (const [phrase, n] of matched) {
    shares.set(phrase.code, Math.max(shares.get(phrase.code) ?? 0, n / phrase.essential.size));
  }
  const score = (spec: IndicatorSpec) => {
    let value = shares.get(spec.code) ?? 0;
    for (const d of directions) {
      if (table.wordsOf.get(spec.code)?.has(d.word) || (d.word === DOWN_WORD && isSigned(spec))) value += 1;
    }
    return value;
  };
  const codes = new Set(fitting.map((s) => s.code));
  const lead = [...new Set(first)].filter((c) => codes.has(c));
  const rest = fitting
    .filter((spec) => !lead.includes(spec.code))
    .map((spec, index) => ({
      code: spec.code,
      score: score(spec),
      fresh: given.has(spec.code) ? 0 : 1,
      index,
    }))
    .sort((a, b) => b.score - a.score || b.fresh - a.fresh || a.index - b.index);
  return [...lead, ...rest.map((r) => r.code)];
}
