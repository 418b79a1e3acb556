/** Locales the product speaks; Vietnamese first. */
export type Locale = 'vi' | 'en';
/** Every locale, Vietnamese first; the translator loads `locales/<locale>/` for each (src/i18n/fluent.ts). */
export const LOCALES: readonly Locale[] = ['vi', 'en'];

/**
 * Turns a message id and arguments into text in a locale. Callable without an incoming
 * update, so jobs and the CLI share it. A missing id falls back to Vietnamese, then to the id.
 */
export interface Translator {
  t(locale: Locale, id: string, args?: Record<string, string | number | Date>): string;
  has(locale: Locale, id: string): boolean;
}
