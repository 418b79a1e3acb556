/**
 * One message as the parser's passes share it: its source, tokens, labels, the number items
 * read so far, and helpers to look at tokens around a position. Pure.
 */

import type { LabelMatch } from './labels.js';
import type { Token } from './normalize.js';
import type { DecimalReading } from './numbers.js';
import type { InvalidReason } from './spec.js';

/**
 * A number read from the message with what belongs to it: a minus sign, a `%` or money words,
 * its readings, and whether it is context (a date, a period…) rather than a value.
 */
export interface NumItem {
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

/** What a number means for one indicator: a value, several valid readings, or a refusal. */
export type Resolution =
  | { readonly kind: 'value'; readonly value: number }
  | { readonly kind: 'ambiguous'; readonly candidates: number[] }
  | { readonly kind: 'invalid'; readonly value: number; readonly reason: InvalidReason };

/** Everything the passes over one message share. */
export class Message {
  /** For each token, the index in `labels` of the label covering it, or -1. */
  readonly labelAt: Int32Array;
  /** Number items by their first token. */
  readonly itemAt = new Map<number, NumItem>();
  /** Number items in text order. */
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

  /** Token `i`, or `undefined` outside the message. */
  tok(i: number): Token | undefined {
    return i >= 0 ? this.tokens[i] : undefined;
  }

  /** Whether token `i` is a word outside any label (and, given `words`, one of them). */
  isFreeWord(i: number, words?: ReadonlySet<string>): boolean {
    const t = this.tok(i);
    return (
      t !== undefined && t.type === 'word' && (this.labelAt[i] ?? -1) < 0 && (!words || words.has(t.text))
    );
  }

  /** Whether token `i` is one of the punctuation `marks`. */
  isPunct(i: number, ...marks: string[]): boolean {
    const t = this.tok(i);
    return t !== undefined && t.type === 'punct' && marks.includes(t.text);
  }

  /** The source text of tokens `start` to `end` (exclusive), as the person typed it, trimmed. */
  raw(start: number, end: number): string {
    const first = this.tok(start);
    const last = this.tok(end - 1);
    if (first === undefined || last === undefined) return '';
    const from = this.from[first.start] ?? 0;
    const to = this.to[last.end - 1] ?? from;
    return this.source.slice(from, to).trim();
  }
}
