/**
 * Pairing labels with numbers: yes/no answers of boolean indicators, then labels and value
 * numbers in text order, cut into chains where the link breaks (a new line, `;`, `.`, `tăng`,
 * too many unknown words), and paired within each chain. Pure.
 */

import type { LabelMatch } from './labels.js';
import type { Message, NumItem, Resolution } from './message.js';
import type { Token } from './normalize.js';
import { pairable } from './resolve.js';
import { BREAKERS, CONTEXT_BEFORE, FILLERS, MAX_UNKNOWN_WORDS, NO, YES } from './vocabulary.js';

/** A label or a value number, in text order. */
type Entry =
  | { readonly kind: 'label'; readonly label: LabelMatch }
  | { readonly kind: 'num'; readonly num: NumItem };

/** What separates an entry from the previous one. */
interface Gap {
  hard: boolean;
  comma: boolean;
  unknown: number;
}

/** A label or a value number of the message, with what separates it from the previous one. */
export interface Slot {
  readonly entry: Entry;
  readonly gap: Gap;
}

/**
 * Boolean labels followed (after `: = -` only) by a yes/no word: the answer, 1 or 0; the label
 * is then done and the word used up, so neither pairs with anything else.
 */
export function answerBooleans(m: Message, pairs: [LabelMatch, Resolution][]): void {
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
export function collectSlots(m: Message): Slot[] {
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
      // `năm 2026`, `ngày 15`: a date between a label and its number is no unknown word.
      if (item.context && m.isFreeWord(i - 1, CONTEXT_BEFORE)) gap.unknown = Math.max(0, gap.unknown - 1);
      else if (item.context) unknownWord();
      else push({ kind: 'num', num: item });
      i = item.end;
      continue;
    }
    const t = m.tokens[i] as Token;
    if (t.type === 'word') {
      // `khai tử giảm 1,5%`: a direction word right after a label keeps the link (weighed later).
      const afterLabel = slots[slots.length - 1]?.entry.kind === 'label' && gap.unknown === 0 && !gap.comma;
      if (BREAKERS.has(t.text) && !(afterLabel && !gap.hard && !m.used.has(i) && t.text !== 'vuot'))
        gap.hard = true;
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
export function chainsOf(slots: readonly Slot[]): Slot[][] {
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
  return !label.done && pairable(label.spec.kind, num);
}

/** The order the message's plain pairs use: label first (`việc 83,5%`), number first, or neither. */
export type PairOrder = 'label' | 'number' | null;

/** Counts the chains opening with a plain label–number or number–label pair. */
export function orderOf(chains: readonly (readonly Slot[])[]): PairOrder {
  let label = 0;
  let number = 0;
  for (const chain of chains) {
    const [a, b, c] = chain.map((s) => s.entry);
    if (a?.kind === 'label' && b?.kind === 'num' && compatible(a.label, b.num)) label += 1;
    if (a?.kind === 'num' && b?.kind === 'label' && compatible(b.label, a.num) && c?.kind !== 'num')
      number += 1;
  }
  return label > number ? 'label' : number > label ? 'number' : null;
}

/** Whether a label between two numbers could take either (`tăng 2,1% tiền 46,2%`). */
function eitherSide(chain: readonly Slot[], i: number, label: LabelMatch): NumItem | null {
  const cSlot = chain[i + 2];
  const c = cSlot?.entry;
  const d = chain[i + 3]?.entry;
  if (c?.kind !== 'num' || !compatible(label, c.num) || cSlot?.gap.unknown !== 0 || cSlot.gap.comma)
    return null;
  return d?.kind === 'label' && compatible(d.label, c.num) ? null : c.num;
}

/**
 * Pairs labels with numbers in one chain. Parallel lists (`việc, tiền: 83,5%, 46,2%`) pair in
 * order; otherwise left to right, a label takes the number right after it, or a number the label
 * right after it (`83,5% về việc`). A number nearer to the next label than to the previous one
 * (unknown words only on the left) goes to the next one. A label right between two numbers
 * takes the one the message's `order` puts after (or before) labels; with no order, neither.
 */
export function pairChain(
  chain: readonly Slot[],
  pairs: [LabelMatch, NumItem][],
  lonely: NumItem[],
  order: PairOrder = 'number',
): void {
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
      const other = order === 'number' ? null : eitherSide(chain, i, b.label);
      if (other !== null) {
        lonely.push(a.num);
        if (order === 'label') pairs.push([b.label, other]);
        else lonely.push(other);
        i += 3;
        continue;
      }
      pairs.push([b.label, a.num]);
      i += 2;
      continue;
    }
    if (a.kind === 'num') lonely.push(a.num);
    i += 1;
  }
}
