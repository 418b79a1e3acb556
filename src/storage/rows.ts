/** Conversions between Prisma's column types and the ports' plain values, shared by the stores. */
import type { Prisma } from '../generated/prisma/client.js';
import type { Locale } from '../ports/translator.js';

/** An ISO calendar date as the UTC midnight a `@db.Date` column holds. */
export const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
/** A `@db.Date` column's value as an ISO calendar date. */
export const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
/** A decimal column as a number (null stays null). */
export const num = (d: Prisma.Decimal | null | undefined) =>
  d === null || d === undefined ? null : Number(d);
/** A stored locale, anything unknown read as Vietnamese. */
export const asLocale = (s: string): Locale => (s === 'en' ? 'en' : 'vi');
