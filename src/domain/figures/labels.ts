/**
 * Finding the indicators' labels in a tokenised message: each indicator's `labelVi`, `labelEn`
 * and synonyms become phrases of folded words, matched with filler words and glue punctuation
 * allowed between their words; the longest phrase wins. Pure (a small cache of phrase tables
 * is the only state, and it depends only on the indicators).
 */

import { canonicalNumber, normalizeText, type Token } from './normalize.js';
import type { IndicatorSpec } from './spec.js';
import { FILLERS, OPTIONAL_WORDS, PHRASE_GLUE } from './vocabulary.js';

/** A label, synonym or translation of one indicator, as folded words. */
export interface Phrase {
  readonly code: string;
  readonly words: readonly string[];
  readonly chars: number;
  /** Its words but the optional ones (`OPTIONAL_WORDS`), once each: what it says. */
  readonly essential: ReadonlySet<string>;
}

/** An indicator's label found in a message: tokens `start` (inclusive) to `end` (exclusive). */
export interface LabelMatch {
  readonly spec: IndicatorSpec;
  /** The label, synonym or translation that matched. */
  readonly phrase: Phrase;
  readonly start: number;
  readonly end: number;
  /** A boolean label already answered by a yes/no word. */
  done: boolean;
}

/** A phrase that says more than another one, and the words it adds. */
export interface WiderPhrase {
  readonly phrase: Phrase;
  readonly extras: readonly string[];
  /** The added words with how many times each is added. */
  readonly need: readonly (readonly [string, number])[];
}

/**
 * The phrases of an indicator set: by first word (for finding labels), by indicator (for
 * weighing the words around a number), and, filled as needed, the wider phrases of a phrase.
 */
export interface PhraseTable {
  readonly byFirst: ReadonlyMap<string, readonly Phrase[]>;
  readonly byCode: ReadonlyMap<string, readonly Phrase[]>;
  /** Every word of each indicator's phrases. */
  readonly wordsOf: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every word of every phrase. */
  readonly words: ReadonlySet<string>;
  /** The phrases whose essential words hold a word, by word. */
  readonly byWord: ReadonlyMap<string, readonly Phrase[]>;
  /** Phrases holding every essential word of a phrase, and more (see `widerPhrases`). */
  readonly wider: Map<Phrase, readonly WiderPhrase[]>;
}

/** Phrase tables of recent indicator sets: the same report's indicators come back every message. */
const phraseCache = new Map<string, PhraseTable>();
const PHRASE_CACHE_MAX = 64;

/**
 * The phrase table of an indicator set: built once per set and cached, since the same
 * report's indicators come back every message (the cache starts afresh when full).
 */
export function phrasesFor(specs: readonly IndicatorSpec[]): PhraseTable {
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

function buildPhrases(specs: readonly IndicatorSpec[]): PhraseTable {
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
  const byCode = new Map<string, Phrase[]>();
  const wordsOf = new Map<string, Set<string>>();
  for (const [key, codes] of owners) {
    // A phrase two indicators both claim names neither of them.
    if (codes.size !== 1) continue;
    const [code] = codes;
    if (code === undefined) continue;
    const words = key.split(' ');
    const first = words[0] ?? '';
    const phrase = {
      code,
      words,
      chars: key.length,
      essential: new Set(words.filter((w) => !OPTIONAL_WORDS.has(w))),
    };
    const list = byFirst.get(first) ?? [];
    list.push(phrase);
    byFirst.set(first, list);
    byCode.set(code, [...(byCode.get(code) ?? []), phrase]);
    const known = wordsOf.get(code) ?? new Set<string>();
    for (const w of words) known.add(w);
    wordsOf.set(code, known);
  }
  const words = new Set([...wordsOf.values()].flatMap((set) => [...set]));
  const byWord = new Map<string, Phrase[]>();
  for (const list of byCode.values()) {
    for (const phrase of list)
      for (const w of phrase.essential) byWord.set(w, [...(byWord.get(w) ?? []), phrase]);
  }
  return { byFirst, byCode, wordsOf, words, byWord, wider: new Map() };
}

/**
 * The phrases (of any indicator of the table) that hold every essential word of `phrase` and
 * at least one more, each with the essential words it adds (`giảm số việc chuyển kỳ sau` adds
 * `giảm số chuyển kỳ sau` to `việc`). Words in `OPTIONAL_WORDS` are not essential.
 */
export function widerPhrases(table: PhraseTable, phrase: Phrase): readonly WiderPhrase[] {
  const hit = table.wider.get(phrase);
  if (hit) return hit;
  const own = new Map<string, number>();
  for (const w of phrase.words) if (!OPTIONAL_WORDS.has(w)) own.set(w, (own.get(w) ?? 0) + 1);
  const found: WiderPhrase[] = [];
  for (const list of table.byCode.values()) {
    for (const other of list) {
      const left = new Map(own);
      const extras: string[] = [];
      for (const w of other.words) {
        if (OPTIONAL_WORDS.has(w)) continue;
        const n = left.get(w) ?? 0;
        if (n > 0) left.set(w, n - 1);
        else extras.push(w);
      }
      if (extras.length === 0 || [...left.values()].some((n) => n !== 0)) continue;
      const need = new Map<string, number>();
      for (const w of extras) need.set(w, (need.get(w) ?? 0) + 1);
      found.push({ phrase: other, extras, need: [...need] });
    }
  }
  table.wider.set(phrase, found);
  return found;
}

/** A token as a phrase word: the word itself, a number without leading zeros (`05` = `5`). */
export function keyOf(token: Token): string {
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

/**
 * The labels in `tokens`, in text order, none overlapping: the longest phrase first (in words,
 * then characters), then the leftmost. A phrase must start on a word or number token.
 */
export function findLabels(
  tokens: readonly Token[],
  phrases: PhraseTable,
  specs: ReadonlyMap<string, IndicatorSpec>,
): LabelMatch[] {
  const found: { phrase: Phrase; start: number; end: number }[] = [];
  for (let s = 0; s < tokens.length; s++) {
    const t = tokens[s];
    if (t === undefined || t.type === 'punct') continue;
    for (const phrase of phrases.byFirst.get(keyOf(t)) ?? []) {
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
    labels.push({ spec, phrase: f.phrase, start: f.start, end: f.end, done: false });
  }
  return labels.sort((a, b) => a.start - b.start);
}
