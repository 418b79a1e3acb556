/**
 * Periods, reports and instants as people read them (issue 23): words, never the period's code,
 * and never the period said twice — with the real locale files.
 */
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/fluent.js';
import { formatDateTime, formatPeriod, formatReport } from '../../src/messages/format.js';

const translator = createTranslator();
const vi = (id: string, args?: Record<string, string | number>) => translator.t('vi', id, args);
const en = (id: string, args?: Record<string, string | number>) => translator.t('en', id, args);

describe('periods and reports in words', () => {
  it('names a period in words in both languages; a code that is no period is left as it is', () => {
    expect(formatPeriod('2027-H1', vi)).toBe('6 tháng đầu năm 2027');
    expect(formatPeriod('2027-H2', vi)).toBe('6 tháng cuối năm 2027');
    expect(formatPeriod('2027', vi)).toBe('năm 2027');
    expect(formatPeriod('2027-H1', en)).toBe('first half of 2027');
    expect(formatPeriod('2027', en)).toBe('2027');
    expect(formatPeriod('27-H3', vi)).toBe('27-H3');
  });

  it('never says the period twice: a name ending with its words takes the rest and the year', () => {
    const cases: [string, string, string][] = [
      [
        'Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm',
        '2027-H1',
        'Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm 2027',
      ],
      [
        'Báo cáo tổng kết công tác thi đua, khen thưởng năm',
        '2027',
        'Báo cáo tổng kết công tác thi đua, khen thưởng năm 2027',
      ],
      [
        'Kế hoạch thi đua và đăng ký danh hiệu thi đua',
        '2027',
        'Kế hoạch thi đua và đăng ký danh hiệu thi đua năm 2027',
      ],
      ['Báo cáo 6 tháng', '2027-H1', 'Báo cáo 6 tháng đầu năm 2027'],
      ['Bao cao 6 thang dau nam', '2027-H1', 'Bao cao 6 thang dau nam 2027'],
    ];
    for (const [name, period, expected] of cases) expect(formatReport(name, period, vi)).toBe(expected);
    expect(formatReport('Six-month emulation and commendation report', '2027-H1', en)).toBe(
      'Six-month emulation and commendation report (first half of 2027)',
    );
    expect(formatReport('Annual emulation and commendation report', '2027', en)).toBe(
      'Annual emulation and commendation report (2027)',
    );
  });

  it('writes an instant as hours then the day, in the service time zone, with a four-digit year', () => {
    const at = new Date('2027-07-08T17:05:00Z'); // 00:05 on 9 July in Hà Nội
    expect(formatDateTime(at, 'Asia/Ho_Chi_Minh', vi)).toBe('00:05 ngày 09/07/2027');
    expect(formatDateTime(at, 'Asia/Ho_Chi_Minh', en)).toBe('00:05 on 09/07/2027');
    expect(formatDateTime(at, 'UTC', vi)).toBe('17:05 ngày 08/07/2027');
  });
});
