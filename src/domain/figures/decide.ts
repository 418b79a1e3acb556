/**
 * Deciding what each number of a message is: the value of its label's indicator, of the wider
 * indicator its heading names, negative where `giảm` says so and the indicator allows it — or,
 * where any of that is unsure, an unused number with the indicators it fits. Pure.
 */

import { type LabelMatch, type PhraseTable, widerPhrases } from './labels.js';
import type { Message, NumItem, Resolution } from './message.js';
import { candidatesOf, fitsForm, naturalValue, pairable, resolve } from './resolve.js';
import { directionsOf, type Layout, qualifiedBefore, targetOf, wordsAround } from './scope.js';
import type { IndicatorSpec, ParseResult } from './spec.js';
import { OPTIONAL_WORDS } from './vocabulary.js';
import {
  type Direction,
  directionEffect,
  directionWords,
  negated,
  rankFits,
  type Verdict,
  weighLabel,
} from './weigh.js';

/** A number read for an indicator: a value, an ambiguity or a refusal. */
export interface Outcome {
  readonly code: string;
  readonly raw: string;
  readonly resolution: Resolution;
  readonly at: number;
}

/** A number whose indicator is unsure, the indicators the words around it name first. */
export interface Unsure {
  readonly item: NumItem;
  readonly first: readonly string[];
  /** Tokens of the number and its label, if it had one: the words around them are weighed. */
  readonly start: number;
  readonly end: number;
}

/**
 * Weighs each label–number pair: the label's indicator, or the wider one the words around it
 * name (see `weighLabel`), then the direction words said of the number (see
 * `directionEffect`). Pairs with a note (`text`) label are taken by the note; pairs under a
 * target's or a past period's words are context (see `targetOf`). Two different figures for
 * one indicator in one clause (`văn bản 100%, 2 đề án`) are both unsure.
 */
export function weighPairs(
  m: Message,
  layout: Layout,
  table: PhraseTable,
  byCode: ReadonlyMap<string, IndicatorSpec>,
  pairs: readonly (readonly [LabelMatch, NumItem])[],
): { outcomes: Outcome[]; asked: Unsure[] } {
  const outcomes: Outcome[] = [];
  const asked: Unsure[] = [];
  const taken = new Map<string, { outcome: Outcome | null; resolution: Resolution; unsure: Unsure }>();
  for (const [label, item] of pairs) {
    if (label.spec.kind === 'text') continue;
    const span = { start: Math.min(label.start, item.start), end: Math.max(label.end, item.end) };
    const ask = (first: readonly string[]) => asked.push({ item, first, ...span });
    const target = targetOf(m, layout, span);
    if (target === 'context') continue;
    const verdict =
      target === 'unsure'
        ? { kind: 'ask' as const, codes: [label.spec.code] }
        : weigh(m, layout, table, label, item, span);
    if (verdict.kind === 'ask') {
      ask(verdict.codes);
      continue;
    }
    const spec = verdict.kind === 'move' ? byCode.get(verdict.code) : label.spec;
    if (spec === undefined || !pairable(spec.kind, item)) {
      ask([spec?.code ?? label.spec.code, label.spec.code]);
      continue;
    }
    const tokens = directionsOf(m, layout, item, label.start < item.start ? label.start : null);
    const consumed = verdict.kind === 'move' ? verdict.words : new Set<string>();
    const effect = directionEffect(spec, directionWords(m, item, tokens), table, consumed);
    if (effect === 'ask') {
      ask([label.spec.code]);
      continue;
    }
    const resolution = resolve(effect === 'negate' ? negated(item) : item, spec);
    const key = `${spec.code}\u0000${layout.clauseOf[item.start] ?? -1}`;
    const earlier = taken.get(key);
    if (earlier !== undefined && !sameValue(earlier.resolution, resolution)) {
      if (earlier.outcome !== null) {
        outcomes.splice(outcomes.indexOf(earlier.outcome), 1);
        asked.push(earlier.unsure);
        earlier.outcome = null;
      }
      ask([spec.code]);
      continue;
    }
    const outcome = { code: spec.code, raw: item.raw, resolution, at: item.start };
    if (earlier === undefined)
      taken.set(key, { outcome, resolution, unsure: { item, first: [spec.code], ...span } });
    outcomes.push(outcome);
  }
  return { outcomes, asked };
}

/**
 * Whether a clause's closing words bear on a pair before them: only when every label after
 * the pair has a wider phrase holding all of those words that any label uses — a list of like
 * figures (`9% số việc và 7% số tiền chuyển kỳ sau`), not unrelated ones (`…, cờ Bộ 2 chuyển
 * kỳ sau`). The closing words are the clause's, so the last label they do not fit is found
 * once per clause.
 */
function closingApplies(
  m: Message,
  layout: Layout,
  table: PhraseTable,
  span: { start: number; end: number },
  closing: ReadonlyMap<string, number>,
): boolean {
  const clause = layout.clauseOf[span.start] ?? -1;
  let misfit = layout.closingMisfit.get(clause);
  if (misfit === undefined) {
    misfit = -1;
    const words = [...closing.keys()].filter((w) => table.words.has(w) && !OPTIONAL_WORDS.has(w));
    if (words.length === 0) misfit = Number.POSITIVE_INFINITY;
    for (let i = m.labels.length - 1; i >= 0 && misfit < 0; i--) {
      const other = m.labels[i];
      if (other === undefined || layout.clauseOf[other.start] !== clause) continue;
      const fits = widerPhrases(table, other.phrase).some(({ phrase }) =>
        words.every((w) => phrase.words.includes(w)),
      );
      if (!fits) misfit = other.start;
    }
    layout.closingMisfit.set(clause, misfit);
  }
  return misfit < span.end;
}

/**
 * The verdict on a pair's label (see `weighLabel`), the clause's closing words included where
 * they apply (see `closingApplies`); a move is only a doubt when a qualifier of its own stands
 * right before the pair (see `qualifiedBefore`). When the words around it say nothing, the
 * words of the label just before it in the clause are tried too: a wider indicator they
 * complete (`giảm án chuyển kỳ sau về việc 9%, về tiền 7%`) is only a doubt — the shared
 * words may not carry over (`Tập thể LĐXS 1, LĐTT 25`).
 */
function weigh(
  m: Message,
  layout: Layout,
  table: PhraseTable,
  label: LabelMatch,
  item: NumItem,
  span: { start: number; end: number },
): Verdict {
  const bag = wordsAround(m, layout, span, item);
  const closing = wordsAround(m, layout, span, item, 'closing');
  if (closing.size > 0 && closingApplies(m, layout, table, span, closing)) {
    for (const [w, n] of closing) bag.set(w, (bag.get(w) ?? 0) + n);
  }
  const verdict = weighLabel(table, label, bag);
  if (verdict.kind === 'move' && qualifiedBefore(m, layout, span, table.words)) {
    return { kind: 'ask', codes: [verdict.code, label.spec.code] };
  }
  const previous = m.labels[(m.labelAt[label.start] ?? 0) - 1];
  if (verdict.kind !== 'keep' || previous === undefined) return verdict;
  if (layout.clauseOf[previous.start] !== layout.clauseOf[label.start]) return verdict;
  const borrowed = new Map(bag);
  for (const w of previous.phrase.words) borrowed.set(w, (borrowed.get(w) ?? 0) + 1);
  const second = weighLabel(table, label, borrowed);
  return second.kind === 'move' ? { kind: 'ask', codes: [second.code, label.spec.code] } : verdict;
}

function sameValue(a: Resolution, b: Resolution): boolean {
  return a.kind === 'value' && b.kind === 'value' && a.value === b.value;
}

/** Whether a number no label took stands under a target's or a past period's words (context). */
export function isTargetNumber(m: Message, layout: Layout, item: NumItem): boolean {
  return targetOf(m, layout, item) === 'context';
}

const NONE: ReadonlySet<string> = new Set();

/** The item as an indicator would read it with the direction words said of it. */
function directed(
  item: NumItem,
  spec: IndicatorSpec,
  directions: readonly Direction[],
  table: PhraseTable,
): NumItem {
  if (directions.length === 0) return item;
  return directionEffect(spec, directions, table, NONE) === 'negate' ? negated(item) : item;
}

/** The last label before token `start` in its clause. */
function labelBefore(m: Message, layout: Layout, start: number): LabelMatch | undefined {
  const label = m.labels[layout.labelBefore[start] ?? -1];
  return label !== undefined && layout.clauseOf[label.start] === layout.clauseOf[start] ? label : undefined;
}

/**
 * An unused number as the result names it: as typed (with a `giảm`/`tăng` said of it, so that
 * reading it again after a label keeps its direction), its value, and the indicators it fits —
 * its form suits them and its value (with its direction) is accepted — the likeliest first
 * (the words around it and those of the last label before it in its clause, unless that
 * label's indicator has its value, count as evidence).
 * The value is read for the only indicator when one is expected, for the kind all its fits
 * share, else by the Vietnamese convention.
 */
export function unusedEntry(
  m: Message,
  layout: Layout,
  table: PhraseTable,
  specs: readonly IndicatorSpec[],
  given: ReadonlySet<string>,
  unsure: Unsure,
): ParseResult['unused'][number] {
  const { item, first, start, end } = unsure;
  const tokens = directionsOf(m, layout, item, null);
  const directions = directionWords(m, item, tokens);
  const fitting = specs.filter(
    (spec) =>
      spec.kind !== 'text' &&
      fitsForm(spec.kind, item) &&
      resolve(directed(item, spec, directions, table), spec).kind === 'value',
  );
  const bag = wordsAround(m, layout, { start, end }, item);
  const label = labelBefore(m, layout, start);
  if (label !== undefined && !given.has(label.spec.code)) {
    for (const w of label.phrase.words) bag.set(w, (bag.get(w) ?? 0) + 1);
  }
  const fits = rankFits(fitting, first, bag, directions, table, given);
  const kinds = new Set(fitting.map((s) => s.kind));
  const reader = specs.length === 1 ? specs[0] : kinds.size === 1 ? fitting[0] : undefined;
  let value: number | undefined;
  if (reader !== undefined) {
    const resolution = resolve(item, reader);
    value = resolution.kind === 'value' ? resolution.value : naturalValue(item, reader.kind);
  } else {
    value = naturalValue(item, null);
  }
  let from = item.start;
  let to = item.end;
  for (const k of tokens) {
    from = Math.min(from, k);
    to = Math.max(to, k + 1);
  }
  return { raw: m.raw(from, to), value: value ?? candidatesOf(item, null).values[0] ?? 0, fits };
}
