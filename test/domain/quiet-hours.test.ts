import { describe, expect, it } from 'vitest';
import {
  formatQuietHours,
  formatTimeOfDay,
  isAllowedQuietHours,
  parseQuietHours,
  QUIET_HOURS_LIMITS,
  type QuietHours,
  quietEndsAt,
  quietLength,
  quietMinutesInWorkingWindow,
  storedQuietHours,
} from '../../src/domain/quiet-hours.js';

const hm = (h: number, m = 0) => h * 60 + m;
const VN = 'Asia/Ho_Chi_Minh';
const LUNCH: QuietHours = { from: hm(12), to: hm(13, 30) };
const NIGHT: QuietHours = { from: hm(22), to: hm(6) };

describe('parseQuietHours', () => {
  it.each([
    ['12:00-13:30', hm(12), hm(13, 30)],
    ['12h-13h30', hm(12), hm(13, 30)],
    ['12H - 13H30', hm(12), hm(13, 30)],
    ['12g-13g', hm(12), hm(13)],
    ['12g30-13g', hm(12, 30), hm(13)],
    ['12 giờ đến 13 giờ 30', hm(12), hm(13, 30)],
    ['từ 12h đến 13h', hm(12), hm(13)],
    ['tu 12h toi 13h', hm(12), hm(13)],
    ['22:00 - 6:00', hm(22), hm(6)],
    ['22:00–06:00', hm(22), hm(6)],
    ['22h—6h', hm(22), hm(6)],
    ['  21:30 ~ 7:15  ', hm(21, 30), hm(7, 15)],
    ['12.00-13.30', hm(12), hm(13, 30)],
    ['12-13', hm(12), hm(13)],
    ['0:00-6:00', 0, hm(6)],
    ['20:00-24:00', hm(20), 0],
    ['from 12:00 to 13:30', hm(12), hm(13, 30)],
    ['10pm-6am', hm(22), hm(6)],
    ['12pm - 1:30pm', hm(12), hm(13, 30)],
    ['12am-5am', 0, hm(5)],
    ['12:00-13:30.', hm(12), hm(13, 30)],
  ])('%j → a period', (text, from, to) => {
    expect(parseQuietHours(text)).toEqual({ ok: true, value: { from, to } });
  });

  it.each(['tắt', 'Tắt', 'tat', 'TAT', 'off', 'Off', 'không', 'khong', 'xóa', 'none', ' tắt. '])(
    '%j clears quiet hours',
    (text) => {
      expect(parseQuietHours(text)).toEqual({ ok: true, value: null });
    },
  );

  it('accepts text in decomposed Unicode (as some keyboards send it)', () => {
    expect(parseQuietHours('từ 12 giờ đến 13 giờ'.normalize('NFD'))).toEqual({
      ok: true,
      value: { from: hm(12), to: hm(13) },
    });
    expect(parseQuietHours('tắt'.normalize('NFD'))).toEqual({ ok: true, value: null });
  });

  it.each(['', '   ', '\n'])('%j is empty', (text) => {
    expect(parseQuietHours(text)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each([
    'abc',
    '12',
    '12:00',
    '12:00-',
    '-13:00',
    '12:00 13:30',
    '1200-1330',
    '12:5-13:00',
    '12h3-13h',
    '12:60-13:00',
    '25:00-26:00',
    '24:30-1:00',
    '13pm-14pm',
    '0am-5am',
    '12:00-12:00',
    '12h-12g',
    '0:00-24:00',
    '12:00-13:30 và 17:00-18:00',
    'bật',
    'tắt đi nhé',
    '-1:00-2:00',
    `12:00-13:30${' '.repeat(10)}x`,
    `${'1'.repeat(70)}`,
  ])('%j is refused as a format error', (text) => {
    expect(parseQuietHours(text)).toEqual({ ok: false, reason: 'format' });
  });

  it.each([
    ['08:00-17:00', 'the whole office day'],
    ['12:00-15:01', 'one minute over 3 office hours'],
    ['07:00-11:01', 'one minute over 3 office hours, starting before 08:00'],
    ['17:00-07:59', '14 hours 59 minutes'],
    ['15:30-9:30', '3 office hours, but 18 hours in all'],
    ['16:00-9:00', '2 office hours, 17 hours in all'],
    ['6:00-22:00', '16 hours'],
    ['13:00-12:00', '23 hours'],
  ])('%j is refused as too long (%s)', (text) => {
    expect(parseQuietHours(text)).toEqual({ ok: false, reason: 'too_long' });
  });

  it('accepts exactly at the limits', () => {
    expect(parseQuietHours('12:00-15:00')).toEqual({ ok: true, value: { from: hm(12), to: hm(15) } });
    expect(parseQuietHours('18:00-08:00')).toEqual({ ok: true, value: { from: hm(18), to: hm(8) } });
    expect(parseQuietHours('5:00-11:00')).toEqual({ ok: true, value: { from: hm(5), to: hm(11) } });
    expect(parseQuietHours('17:00-7:00')).toEqual({ ok: true, value: { from: hm(17), to: hm(7) } });
    // 3 office hours and a minute after them: still 3 office hours.
    expect(parseQuietHours('14:00-17:01')).toEqual({ ok: true, value: { from: hm(14), to: hm(17, 1) } });
  });
});

describe('the cap', () => {
  /** Counted minute by minute, independently of the module's arithmetic. */
  function bruteForce(q: QuietHours) {
    let total = 0;
    let office = 0;
    for (let m = 0; m < 1440; m++) {
      const inside = q.from < q.to ? m >= q.from && m < q.to : m >= q.from || m < q.to;
      if (!inside) continue;
      total++;
      if (m >= hm(8) && m < hm(17)) office++;
    }
    return { total, office };
  }

  it('counts lengths and office minutes as a minute-by-minute count does', () => {
    for (let from = 0; from < 1440; from += 35) {
      for (let to = 0; to < 1440; to += 25) {
        if (from === to) continue;
        const q = { from, to };
        const { total, office } = bruteForce(q);
        expect([quietLength(q), quietMinutesInWorkingWindow(q)]).toEqual([total, office]);
      }
    }
  });

  it('no allowed period can take away more than 3 office hours, nor hold a reminder over 14 hours', () => {
    let allowed = 0;
    for (let from = 0; from < 1440; from += 15) {
      for (let to = 0; to < 1440; to += 15) {
        if (from === to) continue;
        const q = { from, to };
        const { total, office } = bruteForce(q);
        const ok = isAllowedQuietHours(q);
        expect(ok).toBe(total <= 14 * 60 && office <= 3 * 60);
        if (!ok) continue;
        allowed++;
        // The product rule: at least 2 hours of 08:00–17:00 stay open every day (here, 6).
        expect(9 * 60 - office).toBeGreaterThanOrEqual(6 * 60);
        expect(9 * 60 - office).toBeGreaterThanOrEqual(2 * 60);
        // The parser agrees with the rule.
        expect(parseQuietHours(formatQuietHours(q))).toEqual({ ok: true, value: q });
      }
    }
    expect(allowed).toBeGreaterThan(1000);
    expect(QUIET_HOURS_LIMITS).toMatchObject({ maxInWorkingWindow: 180, maxTotal: 840 });
  });

  it('reads stored columns: both null → none; anything not allowed → none (never an opt-out)', () => {
    expect(storedQuietHours(null, null)).toBeNull();
    expect(storedQuietHours(hm(12), hm(13, 30))).toEqual(LUNCH);
    expect(storedQuietHours(hm(22), hm(6))).toEqual(NIGHT);
    expect(storedQuietHours(hm(12), null)).toBeNull();
    expect(storedQuietHours(null, hm(13))).toBeNull();
    expect(storedQuietHours(hm(12), hm(12))).toBeNull();
    expect(storedQuietHours(hm(8), hm(17))).toBeNull();
    expect(storedQuietHours(-1, hm(6))).toBeNull();
    expect(storedQuietHours(hm(22), 1440)).toBeNull();
    expect(storedQuietHours(720.5, hm(13))).toBeNull();
  });
});

describe('formatQuietHours', () => {
  it('writes 24-hour times with an en dash', () => {
    expect(formatQuietHours(LUNCH)).toBe('12:00–13:30');
    expect(formatQuietHours(NIGHT)).toBe('22:00–06:00');
    expect(formatQuietHours({ from: 0, to: hm(5, 5) })).toBe('00:00–05:05');
    expect(formatTimeOfDay(hm(23, 59))).toBe('23:59');
  });
});

describe('quietEndsAt', () => {
  const at = (iso: string, q: QuietHours | null, tz = VN) =>
    quietEndsAt(new Date(iso), tz, q)?.toISOString() ?? null;

  it('null without quiet hours', () => {
    expect(at('2027-07-08T05:30:00Z', null)).toBeNull();
  });

  // Hà Nội is UTC+7: 12:00 local = 05:00Z, 13:30 local = 06:30Z.
  it.each([
    ['2027-07-08T04:59:59.999Z', null, 'a millisecond before the start'],
    ['2027-07-08T05:00:00.000Z', '2027-07-08T06:30:00.000Z', 'the start is inside'],
    ['2027-07-08T05:45:10.000Z', '2027-07-08T06:30:00.000Z', 'the middle'],
    ['2027-07-08T06:29:59.999Z', '2027-07-08T06:30:00.000Z', 'the last millisecond'],
    ['2027-07-08T06:30:00.000Z', null, 'the end is outside'],
    ['2027-07-08T10:00:00.000Z', null, 'the afternoon'],
  ])('lunch 12:00–13:30 at %s → %s (%s)', (now, end, _why) => {
    expect(at(now, LUNCH)).toBe(end);
  });

  // 22:00–06:00 in Hà Nội: 22:00 local = 15:00Z the same day, 06:00 next day = 23:00Z.
  it.each([
    ['2027-07-08T14:59:59Z', null, '21:59:59'],
    ['2027-07-08T15:00:00Z', '2027-07-08T23:00:00.000Z', '22:00, ends tomorrow morning'],
    ['2027-07-08T16:59:59Z', '2027-07-08T23:00:00.000Z', '23:59:59'],
    ['2027-07-08T17:00:00Z', '2027-07-08T23:00:00.000Z', 'midnight: the new day, same end'],
    ['2027-07-08T22:59:59Z', '2027-07-08T23:00:00.000Z', '05:59:59'],
    ['2027-07-08T23:00:00Z', null, '06:00'],
    ['2027-12-31T16:00:00Z', '2027-12-31T23:00:00.000Z', '23:00 on 31 December, ends 1 January'],
    ['2028-02-28T20:00:00Z', '2028-02-28T23:00:00.000Z', '03:00 on 29 February'],
  ])('night 22:00–06:00 at %s → %s (%s)', (now, end, _why) => {
    expect(at(now, NIGHT)).toBe(end);
  });

  it('reads the wall clock of the given zone', () => {
    const instant = '2027-07-08T05:30:00Z';
    expect(at(instant, LUNCH, VN)).toBe('2027-07-08T06:30:00.000Z'); // 12:30 in Hà Nội
    expect(at(instant, LUNCH, 'UTC')).toBeNull(); // 05:30
    expect(at(instant, LUNCH, 'Asia/Tokyo')).toBeNull(); // 14:30
    // 00:30Z on 9 July is 12:30 on 9 July in Auckland (UTC+12): the local date is not UTC's.
    expect(at('2027-07-09T00:30:00Z', LUNCH, 'Pacific/Auckland')).toBe('2027-07-09T01:30:00.000Z');
    // 01:30 in New York (UTC−4 in July): the night ends at 06:00 EDT = 10:00Z.
    expect(at(instant, NIGHT, 'America/New_York')).toBe('2027-07-08T10:00:00.000Z');
    // Kathmandu is UTC+5:45: 12:00 local = 06:15Z.
    expect(at('2027-07-08T06:15:00Z', LUNCH, 'Asia/Kathmandu')).toBe('2027-07-08T07:45:00.000Z');
    expect(at('2027-07-08T06:14:59Z', LUNCH, 'Asia/Kathmandu')).toBeNull();
  });

  describe('daylight saving time (Europe/Berlin)', () => {
    const LATE: QuietHours = { from: hm(22), to: hm(2, 30) };
    const BERLIN = 'Europe/Berlin';

    it('clocks set forward past the end (28 March 2027, 02:00 CET → 03:00 CEST): ends at the jump', () => {
      expect(at('2027-03-28T00:30:00Z', LATE, BERLIN)).toBe('2027-03-28T01:00:00.000Z'); // 01:30 CET
      expect(at('2027-03-28T00:59:59Z', LATE, BERLIN)).toBe('2027-03-28T01:00:00.000Z');
      expect(at('2027-03-28T01:00:00Z', LATE, BERLIN)).toBeNull(); // 03:00 CEST
      // An ordinary end on that day: 22:00–06:00 ends 06:00 CEST = 04:00Z.
      expect(at('2027-03-27T23:00:00Z', NIGHT, BERLIN)).toBe('2027-03-28T04:00:00.000Z');
    });

    it('clocks set back (31 October 2027, 03:00 CEST → 02:00 CET): the next 02:30 after now', () => {
      expect(at('2027-10-31T00:15:00Z', LATE, BERLIN)).toBe('2027-10-31T00:30:00.000Z'); // 02:15 CEST
      expect(at('2027-10-31T00:45:00Z', LATE, BERLIN)).toBeNull(); // 02:45 CEST
      expect(at('2027-10-31T01:15:00Z', LATE, BERLIN)).toBe('2027-10-31T01:30:00.000Z'); // 02:15 CET
      expect(at('2027-10-31T01:30:00Z', LATE, BERLIN)).toBeNull(); // 02:30 CET
    });
  });

  it('ignores a period that is not allowed (never a longer hold)', () => {
    expect(at('2027-07-08T05:30:00Z', { from: hm(8), to: hm(17) })).toBeNull();
    expect(at('2027-07-08T05:30:00Z', { from: hm(12), to: hm(12) })).toBeNull();
    expect(at('2027-07-08T05:30:00Z', { from: hm(12), to: 2000 })).toBeNull();
  });

  it('throws for an invalid instant or an unknown zone', () => {
    expect(() => quietEndsAt(new Date(Number.NaN), VN, LUNCH)).toThrow(RangeError);
    expect(() => quietEndsAt(new Date(), 'Mars/Olympus_Mons', LUNCH)).toThrow(RangeError);
  });
});
