import { describe, expect, it } from 'vitest';
import { holidays as seededHolidays } from '../../prisma/seed/holidays.js';
import {
  addDays,
  addWorkingDays,
  compareDates,
  createHolidayTable,
  type DeadlineRule,
  type DutyCalendar,
  dayOfWeek,
  daysBetween,
  effectiveDeadline,
  firstWorkingDayOfWeek,
  instantAt,
  isIsoDate,
  isWorkingDay,
  localDateOf,
  localTimeOf,
  materialiseAssignments,
  mondayOf,
  NO_HOLIDAYS,
  nextWorkingDay,
  nominalDeadline,
  onOrAfterWorkingDay,
  onOrBeforeWorkingDay,
  parsePeriodCode,
  periodCodeFor,
  previousWorkingDay,
  ruleFor,
  samePeriodYearBefore,
  workingDaysBetween,
  yearsToMaterialise,
} from '../../src/domain/calendar.js';

const VN = 'Asia/Ho_Chi_Minh';
const seeded = createHolidayTable(seededHolidays);
/** The seeded table plus a make-up working Saturday, 13 Feb 2027. */
const withMakeUpSaturday = createHolidayTable([...seededHolidays, { date: '2027-02-13', kind: 'workday' }]);

function rule(unitTypeCode: string, month: number | null, day: number | null, extra?: Partial<DeadlineRule>) {
  return { unitTypeCode, applies: true, month, day, year: null, ...extra } satisfies DeadlineRule;
}

function duty(code: string, extra: Partial<DutyCalendar> & Pick<DutyCalendar, 'rules'>): DutyCalendar {
  return { code, recurrence: 'yearly', periodPattern: 'YYYY', fromYear: null, toYear: null, ...extra };
}

// The duties of domain.md, "Reporting duties and deadlines".
const DKTD = duty('DKTD', {
  rules: [rule('*', 2, 15), rule('CLUSTER', 2, 20), rule('CUC_THADS', null, null)],
});
const SKD1 = duty('SKD1', {
  periodPattern: 'YYYY-H1',
  rules: [rule('*', 6, 30), rule('CLUSTER', 7, 5), rule('TONG_CUC_THADS', 7, 5)],
});
const BC6T = duty('BC6T', {
  periodPattern: 'YYYY-H1',
  rules: [rule('*', 7, 15), rule('CONG_DOAN', 7, 15, { applies: false })],
});
const BCNAM = duty('BCNAM', { rules: [rule('*', 11, 15)] });
const KHPT = duty('KHPT', { recurrence: 'one_off', rules: [rule('*', 7, 15, { year: 2021 })] });
const DANH_GIA = duty('DANH_GIA', { rules: [rule('CONG_DOAN', null, null), rule('DOAN_THANH_NIEN', 12, 1)] });
const RURAL = duty('NTM', { fromYear: 2023, toYear: 2025, rules: [rule('*', 3, 31)] });
const LEAP = duty('LEAP', { rules: [rule('*', 2, 29)] });

describe('date arithmetic', () => {
  it.each([
    ['2026-02-15', 1, '2026-02-16'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-07-15', -15, '2026-06-30'],
    ['2026-07-15', 0, '2026-07-15'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('addDays(%s, %i) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ['2026-02-15', 0],
    ['2026-02-16', 1],
    ['2026-07-15', 3],
    ['2026-11-15', 0],
    ['2027-02-06', 6],
    ['2027-02-20', 6],
    ['1970-01-01', 4],
    ['2000-02-29', 2],
  ])('dayOfWeek(%s) = %i', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });

  it.each([
    ['2026-07-10', '2026-07-15', 5],
    ['2026-07-15', '2026-07-10', -5],
    ['2026-01-01', '2027-01-01', 365],
    ['2028-01-01', '2029-01-01', 366],
    ['2026-02-15', '2026-02-15', 0],
  ])('daysBetween(%s, %s) = %i', (a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected);
    expect(addDays(a, expected)).toBe(b);
  });

  it('compares dates chronologically and sorts with compareDates', () => {
    expect(compareDates('2026-02-15', '2026-02-20')).toBeLessThan(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBeGreaterThan(0);
    expect(compareDates('2026-07-15', '2026-07-15')).toBe(0);
    expect(['2027-01-01', '2026-11-15', '2026-02-15'].sort(compareDates)).toEqual([
      '2026-02-15',
      '2026-11-15',
      '2027-01-01',
    ]);
  });

  it.each(['2026-02-30', '2027-02-29', '2026-13-01', '2026-2-15', '15/02/2026', '', '2026-02-15T00:00'])(
    'rejects %j as a date',
    (bad) => {
      expect(isIsoDate(bad)).toBe(false);
      expect(() => addDays(bad, 1)).toThrow(RangeError);
      expect(() => dayOfWeek(bad)).toThrow(RangeError);
    },
  );

  it('accepts real dates, including 29 February of a leap year', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate(20260215)).toBe(false);
  });
});

describe('first working day of the week (weekly digests)', () => {
  it.each<[string, string, string | null, string]>([
    ['2026-04-29', '2026-04-27', '2026-04-28', 'Monday 27 Apr 2026 is off (Hùng Kings): Tuesday'],
    ['2026-02-18', '2026-02-16', null, 'the whole week of Tết 2026 is off'],
    ['2026-02-25', '2026-02-23', '2026-02-23', 'the Monday after Tết'],
    ['2027-05-08', '2027-05-03', '2027-05-04', 'a Saturday: its week began with a holiday Monday'],
    ['2027-05-09', '2027-05-03', '2027-05-04', 'a Sunday belongs to the week before it'],
  ])('%s: Monday %s, first working day %s (%s)', (date, monday, first) => {
    expect(mondayOf(date)).toBe(monday);
    expect(firstWorkingDayOfWeek(date, seeded)).toBe(first);
  });
});

describe('working days', () => {
  it.each([
    ['2026-02-13', true, 'Friday before Tết'],
    ['2026-02-14', false, 'Saturday, Tết'],
    ['2026-02-16', false, 'Monday, Tết'],
    ['2026-02-17', false, "Lunar New Year's Day 2026"],
    ['2026-02-20', false, 'Friday, Tết'],
    ['2026-02-23', true, 'first working day after Tết'],
    ['2026-04-27', false, 'Monday, compensation for Hùng Kings on Sunday'],
    ['2026-04-28', true, 'ordinary Tuesday'],
    ['2026-09-01', false, 'day next to National Day'],
    ['2027-05-03', false, 'Monday, compensation for 1 May on Saturday'],
    ['2027-02-10', false, 'Wednesday, Tết 2027'],
    ['2027-02-11', true, 'Thursday after Tết 2027'],
    ['2026-07-11', false, 'ordinary Saturday'],
    ['2026-07-12', false, 'ordinary Sunday'],
  ])('isWorkingDay(%s) = %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, seeded)).toBe(expected);
  });

  it('counts a make-up Saturday as a working day', () => {
    expect(isWorkingDay('2027-02-13', seeded)).toBe(false);
    expect(isWorkingDay('2027-02-13', withMakeUpSaturday)).toBe(true);
    expect(nextWorkingDay('2027-02-12', withMakeUpSaturday)).toBe('2027-02-13');
    expect(nextWorkingDay('2027-02-12', seeded)).toBe('2027-02-15');
    expect(previousWorkingDay('2027-02-15', withMakeUpSaturday)).toBe('2027-02-13');
  });

  it('with no holidays, Monday–Friday work and weekends do not', () => {
    expect(isWorkingDay('2026-02-17', NO_HOLIDAYS)).toBe(true);
    expect(isWorkingDay('2026-02-15', NO_HOLIDAYS)).toBe(false);
  });

  it.each([
    // [date, previous, next, onOrBefore, onOrAfter]
    ['2026-02-15', '2026-02-13', '2026-02-23', '2026-02-13', '2026-02-23'],
    ['2026-02-13', '2026-02-12', '2026-02-23', '2026-02-13', '2026-02-13'],
    ['2026-04-25', '2026-04-24', '2026-04-28', '2026-04-24', '2026-04-28'],
    ['2026-05-01', '2026-04-29', '2026-05-04', '2026-04-29', '2026-05-04'],
    ['2026-12-31', '2026-12-30', '2027-01-04', '2026-12-31', '2026-12-31'],
  ])(
    'around %s: previous %s, next %s, on-or-before %s, on-or-after %s',
    (date, prev, next, before, after) => {
      expect(previousWorkingDay(date, seeded)).toBe(prev);
      expect(nextWorkingDay(date, seeded)).toBe(next);
      expect(onOrBeforeWorkingDay(date, seeded)).toBe(before);
      expect(onOrAfterWorkingDay(date, seeded)).toBe(after);
    },
  );

  it.each([
    ['2026-02-12', 2, '2026-02-23'],
    ['2026-02-23', -1, '2026-02-13'],
    ['2026-02-15', 1, '2026-02-23'],
    ['2026-04-24', 3, '2026-05-04'],
    ['2026-07-10', 5, '2026-07-17'],
    ['2026-07-11', 0, '2026-07-11'],
  ])('addWorkingDays(%s, %i) = %s', (date, n, expected) => {
    expect(addWorkingDays(date, n, seeded)).toBe(expected);
  });

  it.each([
    ['2026-02-13', '2026-02-23', 1, 'across the whole Tết break'],
    ['2026-02-23', '2026-02-13', -1, 'backwards across Tết'],
    ['2026-02-01', '2026-02-28', 15, 'February 2026: 20 weekdays, 5 of them Tết'],
    ['2026-04-24', '2026-05-04', 3, 'across Hùng Kings, 30/4 and 1/5'],
    ['2026-07-10', '2026-07-17', 5, 'an ordinary week'],
    ['2026-07-15', '2026-07-15', 0, 'same day'],
  ])('workingDaysBetween(%s, %s) = %i (%s)', (a, b, expected) => {
    expect(workingDaysBetween(a, b, seeded)).toBe(expected);
  });

  it('rejects contradictory holiday data', () => {
    expect(() =>
      createHolidayTable([
        { date: '2026-02-16', kind: 'holiday' },
        { date: '2026-02-16', kind: 'workday' },
      ]),
    ).toThrow(RangeError);
    expect(() => createHolidayTable([{ date: '2026-02-30', kind: 'holiday' }])).toThrow(RangeError);
  });
});

describe('time zones', () => {
  it.each([
    ['2026-07-14T17:30:00Z', VN, '2026-07-15', 0, 30],
    ['2026-07-14T16:59:00Z', VN, '2026-07-14', 23, 59],
    ['2026-07-14T17:00:00Z', VN, '2026-07-15', 0, 0],
    ['2026-12-31T17:00:00Z', VN, '2027-01-01', 0, 0],
    ['2026-07-14T17:30:00Z', 'UTC', '2026-07-14', 17, 30],
    ['2026-07-15T03:00:00Z', 'America/New_York', '2026-07-14', 23, 0],
  ])('%s in %s is %s %i:%i', (iso, zone, date, hour, minute) => {
    const instant = new Date(iso);
    expect(localDateOf(instant, zone)).toBe(date);
    expect(localTimeOf(instant, zone)).toEqual({ hour, minute });
  });

  it.each([
    ['2026-07-15', '00:30', VN, '2026-07-14T17:30:00.000Z'],
    ['2026-07-15', '08:00', VN, '2026-07-15T01:00:00.000Z'],
    ['2027-01-01', '0:00', VN, '2026-12-31T17:00:00.000Z'],
    ['2026-02-23', '23:59', VN, '2026-02-23T16:59:00.000Z'],
    ['2026-07-15', '08:00', 'UTC', '2026-07-15T08:00:00.000Z'],
    ['2026-07-15', '08:00', 'America/New_York', '2026-07-15T12:00:00.000Z'],
    ['2026-01-15', '08:00', 'America/New_York', '2026-01-15T13:00:00.000Z'],
    // Spring forward: 02:30 does not exist on 8 Mar 2026 and is read as 03:30 EDT.
    ['2026-03-08', '02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    // Fall back: 01:30 happens twice on 1 Nov 2026; the earlier (EDT) is chosen.
    ['2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
  ])('instantAt(%s, %s, %s) = %s', (date, hhmm, zone, expected) => {
    const instant = instantAt(date, hhmm, zone);
    expect(instant.toISOString()).toBe(expected);
  });

  it('round-trips a Vietnamese wall-clock date and time', () => {
    const instant = instantAt('2026-11-16', '23:45', VN);
    expect(localDateOf(instant, VN)).toBe('2026-11-16');
    expect(localTimeOf(instant, VN)).toEqual({ hour: 23, minute: 45 });
  });

  it.each(['24:00', '8', '08:60', '8h00', ''])('rejects the time %j', (hhmm) => {
    expect(() => instantAt('2026-07-15', hhmm, VN)).toThrow(RangeError);
  });

  it('agrees with Intl second by second across minute, day and DST boundaries, zones interleaved', () => {
    const intl = (instant: Date, zone: string) => {
      const f = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: 'numeric',
        minute: 'numeric',
      }).formatToParts(instant);
      const v = (t: string) => f.find((p) => p.type === t)!.value;
      return [`${v('year')}-${v('month')}-${v('day')}`, Number(v('hour')) % 24, Number(v('minute'))];
    };
    const starts = [
      '2026-12-31T16:59:58Z', // midnight in Vietnam
      '2026-11-01T05:59:58Z', // New York falls back
      '2026-03-08T06:59:58Z', // New York springs forward
      '1900-06-01T11:59:58Z', // Vietnam's local mean time, +7:06:30: not a whole number of minutes
    ];
    for (const start of starts) {
      for (let s = 0; s < 130; s += 1) {
        const instant = new Date(new Date(start).getTime() + s * 1000 + (s % 3) * 250);
        for (const zone of [VN, 'America/New_York', 'UTC']) {
          const { hour, minute } = localTimeOf(instant, zone);
          expect([localDateOf(instant, zone), hour, minute]).toEqual(intl(instant, zone));
        }
      }
    }
  });

  it('rejects an unknown time zone and an invalid Date', () => {
    expect(() => localDateOf(new Date('2026-07-15T00:00:00Z'), 'Mars/Olympus')).toThrow(RangeError);
    expect(() => localDateOf(new Date(Number.NaN), VN)).toThrow(RangeError);
  });
});

describe('periods', () => {
  it.each([
    [BCNAM, 2026, '2026'],
    [DKTD, 2027, '2027'],
    [BC6T, 2026, '2026-H1'],
    [SKD1, 2027, '2027-H1'],
  ])('periodCodeFor(%#) in %i = %s', (d, year, expected) => {
    expect(periodCodeFor(d, year)).toBe(expected);
  });

  it.each([
    ['2026', { year: 2026, kind: 'year', startDate: '2026-01-01', endDate: '2026-12-31' }],
    ['2026-H1', { year: 2026, kind: 'half', half: 1, startDate: '2026-01-01', endDate: '2026-06-30' }],
    ['2027-H2', { year: 2027, kind: 'half', half: 2, startDate: '2027-07-01', endDate: '2027-12-31' }],
  ])('parsePeriodCode(%s)', (code, expected) => {
    expect(parsePeriodCode(code)).toEqual(expected);
  });

  it.each([
    ['2027-H1', '2026-H1'],
    ['2027-H2', '2026-H2'],
    ['2027', '2026'],
    ['0001', null],
    ['2027-Q1', null],
  ])('samePeriodYearBefore(%s) = %s', (code, expected) => {
    expect(samePeriodYearBefore(code)).toBe(expected);
  });

  it.each(['26', '2026-H3', '2026-h1', '2026-H', ' 2026', '2026-Q1', '0000', 'abcd', ''])(
    'parsePeriodCode(%j) = null',
    (code) => {
      expect(parsePeriodCode(code)).toBeNull();
    },
  );
});

describe('deadline rules', () => {
  it('picks the type rule, else the default, else nothing', () => {
    expect(ruleFor(DKTD, 'CLUSTER')?.day).toBe(20);
    expect(ruleFor(DKTD, 'SO_TU_PHAP')?.unitTypeCode).toBe('*');
    expect(ruleFor(BC6T, 'CONG_DOAN')?.applies).toBe(false);
    expect(ruleFor(DANH_GIA, 'SO_TU_PHAP')).toBeNull();
  });

  it.each([
    // [label, unit type, year, nominal, effective, period, duty]
    ['DKTD, Sở Tư pháp', 'SO_TU_PHAP', 2027, '2027-02-15', '2027-02-15', '2027', DKTD],
    ['DKTD, cluster (Saturday)', 'CLUSTER', 2027, '2027-02-20', '2027-02-22', '2027', DKTD],
    ['DKTD inside Tết 2026', 'SO_TU_PHAP', 2026, '2026-02-15', '2026-02-23', '2026', DKTD],
    ['DKTD, cluster, after Tết 2026', 'CLUSTER', 2026, '2026-02-20', '2026-02-23', '2026', DKTD],
    ['SKD1, Sở Tư pháp', 'SO_TU_PHAP', 2026, '2026-06-30', '2026-06-30', '2026-H1', SKD1],
    ['SKD1, cluster (Sunday)', 'CLUSTER', 2026, '2026-07-05', '2026-07-06', '2026-H1', SKD1],
    ['SKD1, Tổng cục THADS (Sunday)', 'TONG_CUC_THADS', 2026, '2026-07-05', '2026-07-06', '2026-H1', SKD1],
    ['SKD1, Tổng cục THADS 2027', 'TONG_CUC_THADS', 2027, '2027-07-05', '2027-07-05', '2027-H1', SKD1],
    ['BC6T', 'CUC_THADS', 2026, '2026-07-15', '2026-07-15', '2026-H1', BC6T],
    ['BCNAM (Sunday)', 'SO_TU_PHAP', 2026, '2026-11-15', '2026-11-16', '2026', BCNAM],
    ['one-off plan, its year', 'SO_TU_PHAP', 2021, '2021-07-15', '2021-07-15', '2021', KHPT],
    ['rural movement, in range', 'CUC_THADS', 2025, '2025-03-31', '2025-03-31', '2025', RURAL],
    ['29 Feb rule in a common year', 'SO_TU_PHAP', 2027, '2027-02-28', '2027-03-01', '2027', LEAP],
    ['29 Feb rule in a leap year', 'SO_TU_PHAP', 2028, '2028-02-29', '2028-02-29', '2028', LEAP],
  ])('%s: %s in %i due %s, in force %s', (_label, type, year, nominal, effective, period, d) => {
    expect(nominalDeadline(d, type, year)).toEqual({ kind: 'due', date: nominal });
    expect(effectiveDeadline(nominal, seeded)).toBe(effective);
    expect(periodCodeFor(d, year)).toBe(period);
  });

  it.each([
    ['date not set for Cục THADS', 'CUC_THADS', 2026, 'not_set', DKTD],
    ['date not set for the trade union', 'CONG_DOAN', 2026, 'not_set', DANH_GIA],
    ['type excluded by applies=false', 'CONG_DOAN', 2026, 'not_applicable', BC6T],
    ['type with no rule and no default', 'SO_TU_PHAP', 2026, 'not_applicable', DANH_GIA],
    ['one-off duty, another year', 'SO_TU_PHAP', 2026, 'not_applicable', KHPT],
    ['before fromYear', 'SO_TU_PHAP', 2022, 'not_applicable', RURAL],
    ['after toYear', 'SO_TU_PHAP', 2026, 'not_applicable', RURAL],
  ])('%s: %s in %i → %s', (_label, type, year, kind, d) => {
    expect(nominalDeadline(d, type, year)).toEqual({ kind });
  });

  it('takes the one-off year from fromYear when the rule has none, and needs one of them', () => {
    const planned = duty('ONE', { recurrence: 'one_off', fromYear: 2026, rules: [rule('*', 3, 31)] });
    expect(nominalDeadline(planned, 'SO_TU_PHAP', 2026)).toEqual({ kind: 'due', date: '2026-03-31' });
    expect(nominalDeadline(planned, 'SO_TU_PHAP', 2027)).toEqual({ kind: 'not_applicable' });
    const unplanned = duty('TWO', { recurrence: 'one_off', rules: [rule('*', 3, 31)] });
    expect(nominalDeadline(unplanned, 'SO_TU_PHAP', 2026)).toEqual({ kind: 'not_applicable' });
  });

  it('keeps a deadline on a make-up working Saturday', () => {
    expect(effectiveDeadline('2027-02-13', seeded)).toBe('2027-02-15');
    expect(effectiveDeadline('2027-02-13', withMakeUpSaturday)).toBe('2027-02-13');
  });

  it('rejects a corrupt rule', () => {
    const broken = duty('BROKEN', { rules: [rule('*', 13, 1)] });
    expect(() => nominalDeadline(broken, 'SO_TU_PHAP', 2026)).toThrow(RangeError);
  });
});

describe('materialiseAssignments', () => {
  const units = [
    { code: 'TCTHADS', typeCode: 'TONG_CUC_THADS', active: true },
    { code: 'STP_HANOI', typeCode: 'SO_TU_PHAP', active: true },
    { code: 'THADS_HANOI', typeCode: 'CUC_THADS', active: true },
    { code: 'CUM_1', typeCode: 'CLUSTER', active: true },
    { code: 'STP_HATAY', typeCode: 'SO_TU_PHAP', active: false },
    { code: 'CD_BTP', typeCode: 'CONG_DOAN', active: true },
  ];

  const row = (
    dutyCode: string,
    periodCode: string,
    unitCode: string,
    nominal: string | null,
    due: string | null,
  ) => ({
    dutyCode,
    periodCode,
    unitCode,
    nominalDueDate: nominal,
    dueDate: due,
  });

  it('creates one row per duty × period × active unit carrying the duty, in a fixed order', () => {
    const rows = materialiseAssignments({
      duties: [DKTD, BC6T, KHPT],
      units,
      years: [2027, 2026],
      holidays: seeded,
    });
    expect(rows).toEqual([
      row('BC6T', '2026-H1', 'CUM_1', '2026-07-15', '2026-07-15'),
      row('BC6T', '2026-H1', 'STP_HANOI', '2026-07-15', '2026-07-15'),
      row('BC6T', '2026-H1', 'TCTHADS', '2026-07-15', '2026-07-15'),
      row('BC6T', '2026-H1', 'THADS_HANOI', '2026-07-15', '2026-07-15'),
      row('BC6T', '2027-H1', 'CUM_1', '2027-07-15', '2027-07-15'),
      row('BC6T', '2027-H1', 'STP_HANOI', '2027-07-15', '2027-07-15'),
      row('BC6T', '2027-H1', 'TCTHADS', '2027-07-15', '2027-07-15'),
      row('BC6T', '2027-H1', 'THADS_HANOI', '2027-07-15', '2027-07-15'),
      row('DKTD', '2026', 'CD_BTP', '2026-02-15', '2026-02-23'),
      row('DKTD', '2026', 'CUM_1', '2026-02-20', '2026-02-23'),
      row('DKTD', '2026', 'STP_HANOI', '2026-02-15', '2026-02-23'),
      row('DKTD', '2026', 'TCTHADS', '2026-02-15', '2026-02-23'),
      row('DKTD', '2026', 'THADS_HANOI', null, null),
      row('DKTD', '2027', 'CD_BTP', '2027-02-15', '2027-02-15'),
      row('DKTD', '2027', 'CUM_1', '2027-02-20', '2027-02-22'),
      row('DKTD', '2027', 'STP_HANOI', '2027-02-15', '2027-02-15'),
      row('DKTD', '2027', 'TCTHADS', '2027-02-15', '2027-02-15'),
      row('DKTD', '2027', 'THADS_HANOI', null, null),
    ]);
  });

  it('the unit the reports go to owes none to itself, though its type carries the duty', () => {
    const vu = { code: 'VU_TDKT', typeCode: 'MINISTRY_DEPT', active: true };
    const other = { code: 'VU_PC', typeCode: 'MINISTRY_DEPT', active: true };
    const rows = materialiseAssignments({
      duties: [{ ...BC6T, recipientUnitCode: 'VU_TDKT' }],
      units: [vu, other],
      years: [2027],
      holidays: seeded,
    });
    expect(rows.map((r) => r.unitCode)).toEqual(['VU_PC']);
    // Without a recipient, every unit of the type reports.
    expect(
      materialiseAssignments({ duties: [BC6T], units: [vu, other], years: [2027], holidays: seeded }),
    ).toHaveLength(2);
  });

  it('does not depend on input order or duplicate years', () => {
    const input = { duties: [DKTD, BC6T], units, years: [2026, 2027], holidays: seeded };
    const shuffled = {
      duties: [BC6T, DKTD],
      units: [...units].reverse(),
      years: [2027, 2026, 2027],
      holidays: seeded,
    };
    expect(materialiseAssignments(shuffled)).toEqual(materialiseAssignments(input));
  });

  it('materialises this year and the next', () => {
    expect(yearsToMaterialise('2026-01-01')).toEqual([2026, 2027]);
    expect(yearsToMaterialise('2026-12-31')).toEqual([2026, 2027]);
  });
});

describe('seeded holidays', () => {
  it('are valid, unique dates for 2026 and 2027 with Vietnamese names', () => {
    const dates = seededHolidays.map((h) => h.date);
    expect(dates.every(isIsoDate)).toBe(true);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates.every((d) => d.startsWith('2026-') || d.startsWith('2027-'))).toBe(true);
    expect(seededHolidays.find((h) => h.date === '2026-02-17')?.name).toBe('Tết Nguyên đán');
    expect(seededHolidays.find((h) => h.date === '2027-05-03')?.name).toMatch(/^Nghỉ bù/);
  });
});
