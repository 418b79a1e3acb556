import { describe, expect, it } from 'vitest';
import { createTranslator, loadLocaleFiles, messageIds } from '../../src/i18n/fluent.js';
import type { Locale } from '../../src/ports/translator.js';

/** Each message of a locale with the variables it uses (comments left out). */
function messageVariables(locale: Locale): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const { source } of loadLocaleFiles().get(locale)!) {
    // A message runs from `id =` to the next line that starts an entry, a comment or a blank line.
    for (const m of source.matchAll(/^([a-zA-Z][\w-]*)\s*=(.*(?:\n(?![a-zA-Z#\n]).*)*)/gm)) {
      out.set(m[1]!, new Set([...m[2]!.matchAll(/\$([a-zA-Z][\w-]*)/g)].map((v) => v[1]!)));
    }
  }
  return out;
}

/** Variables that name something to type back or look up, never a quantity. */
const IDENTIFIERS = new Set(['id', 'line', 'first']);

describe('locales', () => {
  const t = createTranslator();

  it('every message exists in Vietnamese and in English', () => {
    const ids = messageIds();
    const vi = ids.get('vi')!;
    const en = ids.get('en')!;
    expect(vi.size).toBeGreaterThan(10);
    expect([...vi].filter((id) => !en.has(id))).toEqual([]);
    expect([...en].filter((id) => !vi.has(id))).toEqual([]);
  });

  it('every message uses the same variables in Vietnamese and in English', () => {
    const vi = messageVariables('vi');
    const en = messageVariables('en');
    expect(vi.size).toBe(messageIds().get('vi')!.size);
    const differ = [...vi]
      .filter(([id, vars]) => [...vars].sort().join() !== [...(en.get(id) ?? [])].sort().join())
      .map(([id, vars]) => `${id}: vi {${[...vars].sort()}} en {${[...(en.get(id) ?? [])].sort()}}`);
    expect(differ).toEqual([]);
  });

  it('formats with arguments, Vietnamese first, without isolation marks', () => {
    expect(t.t('vi', 'invite-unknown-unit', { unit: 'XYZ' })).toBe(
      'Không có đơn vị mã "XYZ". Xem danh sách: npm run cli -- units:list',
    );
    expect(t.t('en', 'units-import-line', { line: 4, message: 'x' })).toBe('Line 4: x');
    expect(t.t('en', 'no-such-message')).toBe('no-such-message');
  });

  it('writes request numbers as the command takes them back: /chophep 1234, never 1.234', () => {
    expect(t.t('vi', 'exception-request-how', { id: 1234 })).toBe(
      'Bấm Cho phép hoặc Từ chối, hoặc gửi /chophep 1234 hay /tuchoi 1234.',
    );
    expect(t.t('en', 'exception-request-how', { id: 1234 })).toBe(
      'Press Allow or Refuse, or send /chophep 1234 or /tuchoi 1234.',
    );
    // Every message naming a request, a file line…: the number comes out whole in both languages.
    let checked = 0;
    for (const locale of ['vi', 'en'] as const) {
      for (const [id, vars] of messageVariables(locale)) {
        if (![...vars].some((v) => IDENTIFIERS.has(v))) continue;
        const args = Object.fromEntries([...vars].map((v) => [v, IDENTIFIERS.has(v) ? 1234 : 'x']));
        const text = t.t(locale, id, args);
        expect(text, `${locale} ${id}`).toMatch(/(?<![\d.,])1234(?![\d.,]\d)/);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2 * 11);
  });

  it('English counts agree with their noun: 1 day, 2 days', () => {
    const args = { duty: 'BC6T', period: '2027-H1', unit: 'Sở Tư pháp Hà Nội', due: '15/07/2027' };
    expect(t.t('en', 'reminder-before', { ...args, days: 1 })).toContain('(1 day left)');
    expect(t.t('en', 'reminder-before', { ...args, days: 3 })).toContain('(3 days left)');
    expect(t.t('en', 'reminder-overdue', { ...args, days: 1 })).toContain('is 1 day overdue');
    expect(t.t('en', 'reminder-overdue', { ...args, days: 7 })).toContain('is 7 days overdue');
    expect(t.t('vi', 'reminder-before', { ...args, days: 1 })).toContain('(còn 1 ngày)');
    expect(t.t('en', 'reminder-cluster', { left: 1 })).toBe('Your cluster still has 1 unit to send.');
    expect(
      t.t('en', 'saved', { count: 1, unit: 'X', duty: 'BC6T', period: '2027-H1', time: '09:00' }),
    ).toMatch(/^Saved 1 figure of X/);
    // No English message says "1 days" or "1 units", whatever number fills it.
    // `duties-list-duty` lists several stages ("-7, -3, 1 days"): always plural.
    const plural = /(?<![\d/.,])1 (?!is\b|has\b|was\b)[a-z]+s\b|\(s\)/;
    const wrong: string[] = [];
    for (const [id, vars] of messageVariables('en')) {
      if (id === 'duties-list-duty') continue;
      const text = t.t('en', id, Object.fromEntries([...vars].map((v) => [v, 1])));
      if (plural.test(text)) wrong.push(`${id}: ${text}`);
    }
    expect(wrong).toEqual([]);
  });

  it('a manual nudge does not claim to come from one department', () => {
    expect(t.t('vi', 'reminder-manual')).toBe('Đề nghị đồng chí sớm hoàn thành báo cáo này.');
    expect(t.t('en', 'reminder-manual')).toBe('Please complete this report as soon as possible.');
  });
});
