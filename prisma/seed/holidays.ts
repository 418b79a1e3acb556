import type { SeedHoliday } from './types.js';

/**
 * Public holidays in Vietnam for 2026 and 2027 (default-install seed, editable data).
 *
 * Only dates off work need listing; weekends are non-working anyway, but whole announced breaks
 * are listed as announced so that the data reads like the official notice. A make-up working
 * Saturday is a row of kind `'workday'`.
 *
 * Fixed holidays (Labour Code 2019, Art. 112): 1 January; 30 April; 1 May; 2 September plus one
 * adjacent day (chosen each year). Lunar holidays move every year: Tết Nguyên đán (five days
 * around Lunar New Year's Day) and Giỗ Tổ Hùng Vương (10th day of the 3rd lunar month). When a
 * holiday falls on a weekend, the next working day is given off in compensation ("Nghỉ bù").
 *
 * The exact Tết days, the day next to 2 September and any swapped or make-up days are announced
 * by the government each year: check the announcement and edit these rows (or the Holiday table
 * of a running install) when it differs.
 */
export const holidays: SeedHoliday[] = [
  // --- 2026 ---
  { date: '2026-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
  // Tết Bính Ngọ: Lunar New Year's Day is Tue 17 Feb 2026; official break Sat 14 – Sun 22 Feb 2026.
  { date: '2026-02-14', name: 'Tết Nguyên đán', kind: 'holiday' },
  { date: '2026-02-15', name: 'Tết Nguyên đán', kind: 'holiday' },
  { date: '2026-02-16', name: 'Tết Nguyên đán', kind: 'holiday' },
  { date: '2026-02-17', name: 'Tết Nguyên đán', kind: 'holiday' },
  { date: '2026-02-18', name: 'Tết Nguyên đán', kind: 'holiday' },
  { date: '2026-02-19', name: 'Tết Nguyên đán', kind: 'holiday' },
  { date: '2026-02-20', name: 'Tết Nguyên đán', kind: 'holiday' },
  { date: '2026-02-21', name: 'Tết Nguyên đán', kind: 'holiday' },
  { date: '2026-02-22', name: 'Tết Nguyên đán', kind: 'holiday' },
  // 10/3 lunar falls on Sunday 26 Apr 2026, compensated on Monday 27 Apr.
  { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương', kind: 'holiday' },
  { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', kind: 'holiday' },
  { date: '2026-04-30', name: 'Ngày Chiến thắng', kind: 'holiday' },
  { date: '2026-05-01', name: 'Quốc tế Lao động', kind: 'holiday' },
  { date: '2026-09-01', name: 'Quốc khánh', kind: 'holiday' },
  { date: '2026-09-02', name: 'Quốc khánh', kind: 'holiday' },

  // --- 2027 ---
  { date: '2027-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
  // Tết Đinh Mùi: Lunar New Year's Day is Sat 6 Feb 2027. The break below (Thu 4 – Wed 10 Feb,
  // five working days plus the weekend) is a plausible placeholder: the exact days, and any
  // make-up working Saturday, are announced each year — edit these rows when they are.
  { date: '2027-02-04', name: 'Tết Nguyên đán', kind: 'holiday' },
  { date: '2027-02-05', name: 'Tết Nguyên đán', kind: 'holiday' },
  { date: '2027-02-06', name: 'Tết Nguyên đán', kind: 'holiday' },
  { date: '2027-02-07', name: 'Tết Nguyên đán', kind: 'holiday' },
  { date: '2027-02-08', name: 'Tết Nguyên đán', kind: 'holiday' },
  { date: '2027-02-09', name: 'Tết Nguyên đán', kind: 'holiday' },
  { date: '2027-02-10', name: 'Tết Nguyên đán', kind: 'holiday' },
  { date: '2027-04-16', name: 'Giỗ Tổ Hùng Vương', kind: 'holiday' },
  { date: '2027-04-30', name: 'Ngày Chiến thắng', kind: 'holiday' },
  // 1 May 2027 is a Saturday, compensated on Monday 3 May.
  { date: '2027-05-01', name: 'Quốc tế Lao động', kind: 'holiday' },
  { date: '2027-05-03', name: 'Nghỉ bù Quốc tế Lao động', kind: 'holiday' },
  { date: '2027-09-02', name: 'Quốc khánh', kind: 'holiday' },
  { date: '2027-09-03', name: 'Quốc khánh', kind: 'holiday' },
];
