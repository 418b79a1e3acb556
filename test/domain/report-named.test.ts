import { describe, expect, it } from 'vitest';
import { duties } from '../../prisma/seed/duties.js';
import { type NamedReport, reportsNamedIn } from '../../src/domain/report-named.js';

function report(id: number, code: string, periodCode: string, dueDate: string | null): NamedReport {
  const duty = duties.find((d) => d.code === code);
  if (!duty) throw new Error(`no duty ${code}`);
  return { id, dutyCode: code, dutyNameVi: duty.nameVi, dutyNameEn: duty.nameEn, periodCode, dueDate };
}

// What a Sở Tư pháp focal point may have open in July 2027 (last year's annual report still open).
const DKTD = report(1, 'DKTD', '2027', '2027-02-15');
const SKD1 = report(2, 'SKD1', '2027-H1', '2027-06-30');
const BC6T = report(3, 'BC6T', '2027-H1', '2027-07-15');
const BCNAM_2026 = report(4, 'BCNAM', '2026', '2026-11-15');
const BCNAM_2027 = report(5, 'BCNAM', '2027', '2027-11-15');
const ALL = [DKTD, SKD1, BC6T, BCNAM_2026, BCNAM_2027];
const FIGURES = [BC6T, BCNAM_2026];

describe('reportsNamedIn', () => {
  const cases: [string, readonly NamedReport[], number[]][] = [
    // By code.
    ['BC6T: việc 83,5%, tiền 46,2%', ALL, [3]],
    ['bc6t việc 83,5%', ALL, [3]],
    ['DKTD: LĐTT 25, CSTĐCS 3', ALL, [1]],
    ['bcnam 2026: việc 85%', ALL, [4]],
    // By name or its usual words.
    ['báo cáo 6 tháng: việc 83,5% tiền 46,2%', ALL, [3]],
    ['Six-month report: cases 83.5%', ALL, [3]],
    ['bao cao nam: viec 85%, tien 50%', ALL, [4, 5]],
    ['bao cao nam: viec 85%', FIGURES, [4]],
    ['tổng kết năm: việc 85%', ALL, [4, 5]],
    ['annual report: cases 85%', FIGURES, [4]],
    ['đăng ký thi đua: LĐTT 25', ALL, [1]],
    ['Kế hoạch thi đua và đăng ký danh hiệu thi đua năm 2027', ALL, [1]],
    ['em gửi báo cáo sơ kết ạ', ALL, [2]],
    ['báo cáo sơ kết 6 tháng', ALL, [2]],
    ['Báo cáo tổng kết công tác thi đua, khen thưởng năm', ALL, [4, 5]],
    // By period.
    ['báo cáo năm 2027: việc 85%', ALL, [5]],
    ['báo cáo năm 2026 việc 85%', ALL, [4]],
    ['2027-H1 việc 83,5%', ALL, [2, 3]],
    ['6 tháng đầu năm 2027: việc 83,5%', ALL, [3]],
    ['Kết quả 6 tháng đầu năm 2027 như sau', FIGURES, [3]],
    // By deadline.
    ['hạn 15/7: việc 83,5%', ALL, [3]],
    ['hạn nộp 15/11/2026', ALL, [4]],
    ['hạn ngày 30/6', ALL, [2]],
    ['hạn 15 tháng 7', ALL, [3]],
    // Naming none, or not narrowing anything.
    ['việc 83,5%, tiền 46,2%', ALL, []],
    ['em báo cáo: việc 83,5%', ALL, []],
    ['đăng ký khai tử giảm 1,5%', ALL, []],
    ['tăng 2% so với năm 2026', ALL, []],
    ['Ngày 15/7 gửi: việc 83%', ALL, []],
    ['báo cáo năm 2025', ALL, []],
    ['hạn 1/1', ALL, []],
    ['báo cáo 6 tháng', [BC6T], []],
    ['', ALL, []],
    ['BC6T', [], []],
  ];
  it.each(cases)('%s', (text, reports, ids) => {
    expect(reportsNamedIn(text, reports)).toEqual(ids);
  });

  it('keeps the order the reports were given in', () => {
    expect(reportsNamedIn('bao cao nam', [BCNAM_2027, BC6T, BCNAM_2026])).toEqual([5, 4]);
  });

  it('tolerates odd arguments', () => {
    expect(reportsNamedIn(undefined as unknown as string, ALL)).toEqual([]);
    expect(reportsNamedIn('BC6T', null as unknown as NamedReport[])).toEqual([]);
    expect(reportsNamedIn('BC6T '.repeat(100_000), ALL)).toEqual([3]);
  });
});
