import { describe, expect, it } from 'vitest';
import { createTranslator, messageIds } from '../../src/i18n/fluent.js';

describe('locales', () => {
  it('every message exists in Vietnamese and in English', () => {
    const ids = messageIds();
    const vi = ids.get('vi')!;
    const en = ids.get('en')!;
    expect(vi.size).toBeGreaterThan(10);
    expect([...vi].filter((id) => !en.has(id))).toEqual([]);
    expect([...en].filter((id) => !vi.has(id))).toEqual([]);
  });

  it('formats with arguments, Vietnamese first, without isolation marks', () => {
    const t = createTranslator();
    expect(t.t('vi', 'invite-unknown-unit', { unit: 'XYZ' })).toBe(
      'Không có đơn vị mã "XYZ". Xem danh sách: npm run cli -- units:list',
    );
    expect(t.t('en', 'units-import-line', { line: 4, message: 'x' })).toBe('Line 4: x');
    expect(t.t('en', 'no-such-message')).toBe('no-such-message');
  });
});
