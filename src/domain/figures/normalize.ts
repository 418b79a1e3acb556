/**
 * Text folding and tokenising for the figure parser.
 *
 * Focal points type Vietnamese with or without diacritics, in any case, in NFC or NFD, with
 * non-breaking spaces, emoji and pasted control characters. Everything here maps that variety
 * onto one plain alphabet so that a label from the database and a word in a message compare
 * equal when a person would read them as the same word. Pure: no I/O, no packages.
 */

import { foldForMatch } from '../text.js';

/** A folded text and, for each of its UTF-16 units, the range in the source it came from. */
export interface FoldedText {
  /**
   * Lowercase letters without diacritics (`đ` → `d`), ASCII digits, the punctuation marks
   * `% / - : = ; , . ( ) +`, `\n` for any line break, and a space for everything else
   * (other whitespace, emoji, symbols, control characters).
   */
  readonly text: string;
  /** `from[i]`: index in the source of the character that produced `text[i]`. */
  readonly from: readonly number[];
  /** `to[i]`: end index (exclusive) in the source of the character that produced `text[i]`. */
  readonly to: readonly number[];
}

/** A token of folded text. Positions are indices into {@link FoldedText.text}. */
export interface Token {
  /** `word`: a run of letters; `num`: digits with inner `.`/`,`; `punct`: one mark or `\n`. */
  readonly type: 'word' | 'num' | 'punct';
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Whether whitespace separates this token from the previous one. */
  readonly spaceBefore: boolean;
}

const LETTER = /\p{L}/u;
const MARK = /^\p{M}+$/u;
const LINE_BREAKS = new Set(['\n', '\r', '\u000b', '\u000c', '\u0085', '\u2028', '\u2029']);
const KEYCAP = 0x20e3;
const VARIATION_SELECTOR_16 = 0xfe0f;

/** Punctuation kept by folding, with the variants each one absorbs. */
const PUNCTUATION: ReadonlyMap<string, string> = new Map([
  ...[...'%\uff05\u066a\ufe6a'].map((c): [string, string] => [c, '%']),
  ...[...'/\\\u2044\u2215\uff0f'].map((c): [string, string] => [c, '/']),
  ...[...'-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d'].map((c): [string, string] => [c, '-']),
  ...[...':\uff1a\ufe55'].map((c): [string, string] => [c, ':']),
  ...[...'=\uff1d'].map((c): [string, string] => [c, '=']),
  ...[...';\uff1b\u037e'].map((c): [string, string] => [c, ';']),
  ...[...',\uff0c\u3001\u201a'].map((c): [string, string] => [c, ',']),
  ...[...'.\u3002\uff0e!?\u2026\uff01\uff1f'].map((c): [string, string] => [c, '.']),
  ...[...'([{\uff08'].map((c): [string, string] => [c, '(']),
  ...[...')]}\uff09'].map((c): [string, string] => [c, ')']),
  ['+', '+'],
  // The đồng sign reads as the abbreviation `đ`.
  ['\u20ab', 'd'],
]);

const KEPT_PUNCTUATION = new Set(['%', '/', '-', ':', '=', ';', ',', '.', '(', ')', '+', '\n']);

/**
 * One letter (one code point) folded: the domain's {@link foldForMatch}. Folding before or after
 * lowercasing gives the same letter for every code point `\p{L}` matches, so this is the fold
 * this parser always did. ASCII letters (A–Z, a–z: the only ASCII code points that reach here),
 * most of any message, take a shortcut that allocates nothing; for the others each step
 * allocates only when it changes the letter, as the parser's own fold did.
 */
function foldLetter(ch: string, cp: number): string {
  if (cp < 0x80) return cp <= 0x5a ? String.fromCharCode(cp + 0x20) : ch;
  return foldForMatch(ch);
}

function foldChar(ch: string, cp: number): string {
  // ASCII, most of any message: a table.
  if (cp < 0x80) return ASCII_FOLDED[cp]!;
  // Anything else is folded once per process: the letters of Vietnamese are a few hundred.
  const hit = foldedChars.get(ch);
  if (hit !== undefined) return hit;
  const folded = foldOther(ch, cp);
  if (foldedChars.size >= FOLDED_CHARS_MAX) foldedChars.clear();
  foldedChars.set(ch, folded);
  return folded;
}

/** Non-ASCII characters already folded (a pure function's results, bounded). */
const foldedChars = new Map<string, string>();
const FOLDED_CHARS_MAX = 10_000;

function foldOther(ch: string, cp: number): string {
  if (cp < 0x80 && ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a))) return foldLetter(ch, cp);
  if (cp >= 0x30 && cp <= 0x39) return ch;
  if (cp >= 0xff10 && cp <= 0xff19) return String.fromCharCode(cp - 0xff10 + 0x30);
  if (LETTER.test(ch)) return foldLetter(ch, cp);
  const punctuation = PUNCTUATION.get(ch);
  if (punctuation !== undefined) return punctuation;
  if (LINE_BREAKS.has(ch)) return '\n';
  // A combining mark left over (NFD input whose base was not a letter, emoji modifiers).
  if (MARK.test(ch)) return '';
  return ' ';
}

/** The ASCII characters folded. */
const ASCII_FOLDED: readonly string[] = Array.from({ length: 0x80 }, (_, cp) =>
  foldOther(String.fromCharCode(cp), cp),
);

/**
 * Folds a string for matching: lowercase, diacritics removed (`đ` → `d`), punctuation reduced
 * to one character per kind, other whitespace, emoji, symbols and control characters turned into
 * spaces. The caller should apply NFC first so that NFD input folds like NFC input. Keycap emoji
 * (`1️⃣`) are list bullets, not digits, and fold to spaces. Never throws, lone surrogates included.
 */
export function foldText(source: string): FoldedText {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  while (i < source.length) {
    const cp = source.codePointAt(i) ?? 0x20;
    const width = cp > 0xffff ? 2 : 1;
    let end = i + width;
    let folded: string;
    if ((cp >= 0x30 && cp <= 0x39) || cp === 0x23 || cp === 0x2a) {
      let next = end;
      if (source.charCodeAt(next) === VARIATION_SELECTOR_16) next += 1;
      if (source.charCodeAt(next) === KEYCAP) {
        end = next + 1;
        folded = ' ';
      } else {
        folded = foldChar(source.slice(i, end), cp);
      }
    } else {
      folded = foldChar(source.slice(i, end), cp);
    }
    for (let k = 0; k < folded.length; k++) {
      from.push(i);
      to.push(end);
    }
    text += folded;
    i = end;
  }
  return { text, from, to };
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isLetterChar(c: string): boolean {
  return c !== ' ' && !isDigit(c) && !KEPT_PUNCTUATION.has(c);
}

/**
 * Splits folded text into words (letters only), numbers (`\d+` optionally followed by groups
 * of `.` or `,` and digits, as in `2.500.000` or `83,5`) and single punctuation marks. Letters
 * and digits glued together (`350tr`, `viec83`) become separate tokens without `spaceBefore`.
 */
export function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let space = true;
  const n = folded.length;
  while (i < n) {
    const c = folded.charAt(i);
    if (c === ' ') {
      space = true;
      i += 1;
      continue;
    }
    const start = i;
    let type: Token['type'];
    if (isDigit(c)) {
      type = 'num';
      i += 1;
      while (isDigit(folded[i])) i += 1;
      while ((folded[i] === '.' || folded[i] === ',') && isDigit(folded[i + 1])) {
        i += 2;
        while (isDigit(folded[i])) i += 1;
      }
    } else if (KEPT_PUNCTUATION.has(c)) {
      type = 'punct';
      i += 1;
    } else {
      type = 'word';
      i += 1;
      while (i < n && isLetterChar(folded.charAt(i))) i += 1;
    }
    tokens.push({ type, text: folded.slice(start, i), start, end: i, spaceBefore: space });
    space = false;
  }
  return tokens;
}

/** A number token as a phrase key: plain integers lose their leading zeros (`05` = `5`). */
export function canonicalNumber(text: string): string {
  return /^\d+$/.test(text) ? text.replace(/^0+(?=\d)/, '') : text;
}

/**
 * Normalises a label, a synonym or a whole text for comparison: NFC, then {@link foldText},
 * then words and numbers joined by single spaces, punctuation dropped.
 * `"Hoà giải  thành!"`, `"HÒA GIẢI THÀNH"` and `"hoa giai thanh"` all give `"hoa giai thanh"`.
 */
export function normalizeText(text: string): string {
  if (typeof text !== 'string') return '';
  // Labels, report names and codes come back turn after turn: their forms are kept (bounded).
  if (text.length > NORMALIZED_TEXT_MAX) return normalizeUncached(text);
  const hit = normalized.get(text);
  if (hit !== undefined) return hit;
  const result = normalizeUncached(text);
  if (normalized.size >= NORMALIZED_MAX) normalized.clear();
  normalized.set(text, result);
  return result;
}

/** Texts already normalised (a pure function's results) and the bounds of that cache. */
const normalized = new Map<string, string>();
const NORMALIZED_MAX = 5_000;
const NORMALIZED_TEXT_MAX = 300;

function normalizeUncached(text: string): string {
  return tokenize(foldText(text.normalize('NFC')).text)
    .filter((t) => t.type !== 'punct')
    .map((t) => (t.type === 'num' ? canonicalNumber(t.text) : t.text))
    .join(' ');
}
