/**
 * Text helpers of the domain: how Vietnamese is compared when people type it with or without
 * accents. Pure.
 */

/** Combining marks left by NFD decomposition (the tones and the vowel hats). */
const MARKS = /\p{M}/gu;

/**
 * Vietnamese text without its accents, case kept: `Đồng Tháp` → `Dong Thap`. NFD decomposition,
 * combining marks dropped, `đ`/`Đ` (letters of their own, not decomposed) → `d`/`D`. The one
 * accent-folding function of the code base: matching a typed word against a label, a unit's
 * name, a command or a file name's ASCII fallback all go through it.
 */
export function foldAccents(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** `foldAccents` and lowercase: the form typed words are compared in (`Tắt` → `tat`). */
export function foldForMatch(s: string): string {
  return foldAccents(s).toLowerCase();
}

const vietnamese = new Intl.Collator('vi');

/**
 * Vietnamese alphabetical order of names (`Điện Biên` after `Đà Nẵng`, before `Gia Lai`): the one
 * order of unit and cluster names in every list people read.
 */
export function compareNames(a: string, b: string): number {
  return vietnamese.compare(a, b);
}
