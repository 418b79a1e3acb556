/**
 * Example messages built from a report's own indicators ("việc 83,5%, tiền 46,2%…"), shared by
 * the dialog's help and the reminders.
 */
import type { IndicatorSpec } from '../domain/figures/index.js';
import type { Locale } from '../ports/translator.js';

/** The shortest way people write an indicator's label (at least 3 characters). */
export function shortestLabel(i: Pick<IndicatorSpec, 'labelVi' | 'synonyms'>): string {
  const candidates = [...i.synonyms, i.labelVi].filter((s) => s.length >= 3);
  return candidates.sort((a, b) => a.length - b.length)[0] ?? i.labelVi;
}

/** A message a focal point could send for these indicators (the first three). */
export function exampleMessage(locale: Locale, indicators: readonly IndicatorSpec[]): string {
  if (indicators.length === 0) return locale === 'vi' ? 'việc 83,5% tiền 46,2%' : 'việc 83.5% tiền 46.2%';
  const sample = (i: IndicatorSpec, n: number) => {
    const word = shortestLabel(i);
    if (i.kind === 'percent') {
      const v = locale === 'vi' ? ['83,5', '46,2', '90'][n % 3] : ['83.5', '46.2', '90'][n % 3];
      return `${word} ${v}%`;
    }
    if (i.kind === 'money') return `${word} 15 triệu`;
    return `${word} ${[2, 1, 3][n % 3]}`;
  };
  return indicators
    .slice(0, 3)
    .map((i, n) => sample(i, n))
    .join(', ');
}
