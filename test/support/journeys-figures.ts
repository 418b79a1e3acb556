/**
 * Journeys of figures people can trust (issue 22), rows of the table in ./journeys.ts played on
 * every channel: what is still missing comes in one read-back, a digit typed where a figure may
 * be typed (the read-backs, the one-by-one ask, the choice of a reading) is a number, never a
 * choice; skipping by word and by button; `Lưu phần đã có`; a number tied to no indicator named
 * back and then assigned by the person; a value out of range answered in the same reply as the
 * valid one. Each ends by reading what PostgreSQL holds.
 *
 * Every journey binds a focal point of a fresh Cục THADS, whose open report with quick figures
 * on the journeys' day is the six-month report (BC6T 2027-H1).
 */
import { expect } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import type { Journey, JourneyContext, Step } from './journeys.js';
import { inviteCode, makeUnit } from './org.js';

/**
 * A fresh Cục THADS (in no cluster, under no Tổng cục: other files' managers never see it) and a
 * one-time invite for its focal point (`vars.unit`, `vars.code`).
 */
async function freshFocal({ db, clock, vars }: JourneyContext): Promise<void> {
  const unit = await makeUnit(db.prisma, 'CUC_THADS');
  vars.unit = unit;
  vars.code = await inviteCode(db.prisma, clock, unit.code);
}

/** The focal point binds the chat with the invite code. */
const bind: Step[] = [
  { who: 'focal', says: '/start {code}' },
  { who: 'focal', expects: 'Đã kết nối: đồng chí là đầu mối' },
];

/** The six-month report of the journeys' day, and the year's report. */
const BC6T = { duty: { code: 'BC6T' }, periodCode: '2027-H1' } as const;
const BCNAM = { duty: { code: 'BCNAM' }, periodCode: '2027' } as const;

/** The figures stored for one of the unit's reports (the six-month one by default), by indicator. */
async function stored(
  db: Database,
  unitId: number,
  report: typeof BC6T | typeof BCNAM = BC6T,
): Promise<Record<string, number | null>> {
  const rows = await db.prisma.submissionValue.findMany({
    where: { assignment: { unitId, ...report } },
    include: { indicator: { select: { code: true } } },
  });
  return Object.fromEntries(rows.map((r) => [r.indicator.code, r.value === null ? null : Number(r.value)]));
}

/** A step checking the unit's stored figures (`{}`: nothing stored yet) and the report's state. */
const storedAre = (values: Record<string, number | null>, state?: 'pending' | 'on_time'): Step => ({
  async check({ db, vars }) {
    const unit = vars.unit as { id: number };
    expect(await stored(db, unit.id)).toEqual(values);
    if (state) {
      const a = await db.prisma.assignment.findFirstOrThrow({ where: { unitId: unit.id, ...BC6T } });
      expect(a.state).toBe(state);
    }
  },
});

const TWO_RATES = 'việc 83,5% tiền 46,2%';
const MISSING_FIVE =
  'Còn thiếu: Giảm số việc chuyển kỳ sau, Giảm số tiền chuyển kỳ sau, Số nhà hỗ trợ hộ nghèo, Số xã nghèo được hỗ trợ, Tiền, hàng ủng hộ người nghèo.';
/** The way on while figures are missing: offered where a figure may be typed next. */
const PARTIAL_CHOICES = ['Lưu phần đã có', 'Từng chỉ tiêu', 'Hủy'];
const CONFIRM_CHOICES = ['Xác nhận', 'Sửa', 'Hủy'];

export const FIGURE_JOURNEYS: Journey[] = [
  {
    name: 'missing figures in one read-back: a digit there is named back, not a choice; "lưu" stores the part',
    people: { focal: 11 },
    setup: freshFocal,
    steps: [
      ...bind,
      { who: 'focal', says: TWO_RATES },
      {
        who: 'focal',
        expects: MISSING_FIVE,
        contains: ['• Tỷ lệ thi hành xong về việc: 83,5 %', 'gửi tiếp các số còn thiếu trong một tin'],
        choices: PARTIAL_CHOICES,
        byWord: true,
        alone: true,
      },
      // On Zalo `1` used to press the first choice ("Lưu phần đã có"): here it is a number.
      { who: 'focal', says: '1' },
      {
        who: 'focal',
        expects: 'Chưa dùng: 1 — thuộc chỉ tiêu nào?',
        as: 'named',
        contains: [MISSING_FIVE],
        byWord: true,
        alone: true,
      },
      storedAre({}),
      { who: 'focal', chooses: 'Bỏ qua số này', in: 'named' },
      { who: 'focal', expects: MISSING_FIVE, choices: PARTIAL_CHOICES, lacks: ['Chưa dùng'] },
      // The choice's first word, typed (on every channel).
      { who: 'focal', says: 'lưu' },
      { who: 'focal', expects: 'Đã lưu 2 số liệu', contains: ['Còn thiếu: Giảm số việc chuyển kỳ sau'] },
      storedAre({ thads_viec: 83.5, thads_tien: 46.2 }, 'pending'),
    ],
  },
  {
    name: 'one by one on request: a digit is the figure asked; skipped by word and by button',
    people: { focal: 12 },
    setup: freshFocal,
    steps: [
      ...bind,
      { who: 'focal', says: TWO_RATES },
      { who: 'focal', expects: MISSING_FIVE, as: 'partial' },
      { who: 'focal', chooses: 'Từng chỉ tiêu', in: 'partial' },
      {
        who: 'focal',
        expects: 'Còn thiếu: Giảm số việc chuyển kỳ sau (%)',
        choices: ['Bỏ qua', 'Không có số liệu', 'Hủy'],
        byWord: true,
      },
      { who: 'focal', says: '9' },
      { who: 'focal', expects: 'Còn thiếu: Giảm số tiền chuyển kỳ sau (%)' },
      { who: 'focal', says: 'bỏ qua' },
      { who: 'focal', expects: 'Còn thiếu: Số nhà hỗ trợ hộ nghèo', as: 'houses' },
      // The unit had no such case: declared, not skipped — it counts as given.
      { who: 'focal', chooses: 'Không có số liệu', in: 'houses' },
      { who: 'focal', expects: 'Còn thiếu: Số xã nghèo được hỗ trợ' },
      // On Zalo `1` used to be "1. Bỏ qua": here it is one commune.
      { who: 'focal', says: '1' },
      { who: 'focal', expects: 'Còn thiếu: Tiền, hàng ủng hộ người nghèo (đồng)' },
      { who: 'focal', says: '5 triệu' },
      {
        who: 'focal',
        expects: 'Xác nhận số liệu',
        contains: [
          '• Giảm số việc chuyển kỳ sau: 9 %',
          '• Số xã nghèo được hỗ trợ: 1',
          '• Tiền, hàng ủng hộ người nghèo: 5.000.000 đồng',
          'Bỏ qua: Giảm số tiền chuyển kỳ sau',
          'Không có số liệu: Số nhà hỗ trợ hộ nghèo',
        ],
        lacks: ['Còn thiếu'],
        choices: CONFIRM_CHOICES,
        byWord: true,
      },
      storedAre({}),
      // At the full read-back too, `1` (Zalo's old "1. Xác nhận") is a number, named back.
      { who: 'focal', says: '1' },
      { who: 'focal', expects: 'Chưa dùng: 1 — thuộc chỉ tiêu nào?', as: 'named', alone: true },
      storedAre({}),
      { who: 'focal', chooses: 'Bỏ qua số này', in: 'named' },
      { who: 'focal', expects: 'Xác nhận số liệu', as: 'confirm', lacks: ['Chưa dùng'] },
      { who: 'focal', chooses: 'Xác nhận', in: 'confirm' },
      { who: 'focal', expects: 'Đã lưu 5 số liệu' },
      storedAre({
        thads_viec: 83.5,
        thads_tien: 46.2,
        thads_giam_viec: 9,
        ho_ngheo_nha: null,
        xa_ngheo: 1,
        ung_ho: 5_000_000,
      }),
    ],
  },
  {
    name: 'every number accounted for: one named back and assigned; out of range beside a valid value, one reply',
    people: { focal: 13 },
    setup: freshFocal,
    steps: [
      ...bind,
      { who: 'focal', says: 'nhà 15 căn, 350tr' },
      {
        who: 'focal',
        expects: 'Chưa dùng: 350tr — thuộc chỉ tiêu nào?',
        as: 'named',
        contains: ['• Số nhà hỗ trợ hộ nghèo: 15'],
        byWord: true,
        alone: true,
      },
      storedAre({}),
      // Telegram and the web chat press the indicator's button; Zalo types its name as shown.
      { who: 'focal', chooses: 'Tiền, hàng ủng hộ người nghèo', in: 'named' },
      {
        who: 'focal',
        expects: '• Tiền, hàng ủng hộ người nghèo: 350.000.000 đồng',
        contains: ['• Số nhà hỗ trợ hộ nghèo: 15', 'Còn thiếu: Tỷ lệ thi hành xong về việc'],
        lacks: ['Chưa dùng'],
        choices: PARTIAL_CHOICES,
      },
      { who: 'focal', says: 'việc 120%, tiền 46,2%' },
      {
        who: 'focal',
        expects: 'Không nhận Tỷ lệ thi hành xong về việc',
        contains: [
          'không thể lớn hơn 100 %',
          '• Tỷ lệ thi hành xong về tiền: 46,2 %',
          '• Tiền, hàng ủng hộ người nghèo: 350.000.000 đồng',
          'Còn thiếu: Tỷ lệ thi hành xong về việc',
        ],
        lacks: ['chưa nhận ra số liệu'],
        alone: true,
      },
      { who: 'focal', says: 'việc 83,5% giảm việc 9% giảm tiền 7% xã 1' },
      {
        who: 'focal',
        expects: 'Xác nhận số liệu',
        as: 'confirm',
        contains: [
          '• Tỷ lệ thi hành xong về việc: 83,5 %',
          '• Tiền, hàng ủng hộ người nghèo: 350.000.000 đồng',
        ],
        lacks: ['Còn thiếu', 'Chưa dùng', 'Không nhận'],
        choices: CONFIRM_CHOICES,
        byWord: true,
      },
      { who: 'focal', chooses: 'Xác nhận', in: 'confirm' },
      { who: 'focal', expects: 'Đã lưu 7 số liệu', contains: ['Báo cáo đã đủ số liệu'] },
      storedAre(
        {
          thads_viec: 83.5,
          thads_tien: 46.2,
          thads_giam_viec: 9,
          thads_giam_tien: 7,
          ho_ngheo_nha: 15,
          xa_ngheo: 1,
          ung_ho: 350_000_000,
        },
        'on_time',
      ),
    ],
  },
  {
    name: 'a reading asked about: a digit there is a number, kept and named back; "hủy" stores nothing',
    people: { focal: 14 },
    setup: freshFocal,
    steps: [
      ...bind,
      { who: 'focal', says: 'việc 83,5% tiền 46,2% giảm việc 9% giảm tiền 7% nhà 2 xã 1 ủng hộ 1,234 tỷ' },
      {
        who: 'focal',
        expects: 'Số "1,234 tỷ" của Tiền, hàng ủng hộ người nghèo có thể hiểu theo nhiều cách',
        choices: ['1.234.000.000 đồng', '1.234.000.000.000 đồng', 'Hủy'],
        byWord: true,
        alone: true,
      },
      // Not the first reading: a number, asked about once the reading is chosen.
      { who: 'focal', says: '1' },
      { who: 'focal', expects: 'có thể hiểu theo nhiều cách', as: 'reading', alone: true },
      storedAre({}),
      { who: 'focal', chooses: '1.234.000.000 đồng', in: 'reading' },
      {
        who: 'focal',
        expects: 'Chưa dùng: 1 — thuộc chỉ tiêu nào?',
        contains: ['• Tiền, hàng ủng hộ người nghèo: 1.234.000.000 đồng'],
        lacks: ['Còn thiếu'],
        byWord: true,
      },
      { who: 'focal', says: 'hủy' },
      { who: 'focal', expects: 'Đã hủy. Không có số liệu nào được lưu.' },
      storedAre({}),
    ],
  },
  {
    name: 'the report named in the text selects it: a unit with two open reports is not asked which',
    people: { focal: 15 },
    async setup(ctx) {
      await freshFocal(ctx);
      // The year-end report opens early for this unit: two open reports take the same figures.
      // Not `pending`: the service's own planning pass re-dates pending assignments to their
      // rule (15/11) and would close it again; a stored state keeps the date it was given.
      const unit = ctx.vars.unit as { id: number };
      await ctx.db.prisma.assignment.updateMany({
        where: { unitId: unit.id, ...BCNAM },
        data: { dueDate: new Date('2027-08-15T00:00:00Z'), state: 'on_time' },
      });
    },
    steps: [
      ...bind,
      // Named nowhere: asked which report.
      { who: 'focal', says: TWO_RATES },
      { who: 'focal', expects: 'Số liệu này cho báo cáo nào?' },
      { who: 'focal', says: '/huy' },
      { who: 'focal', expects: 'Đã hủy' },
      { who: 'focal', says: 'báo cáo 6 tháng: việc 83,5% tiền 46,2% giảm việc 9% giảm tiền 7% nhà 2 xã 1' },
      {
        who: 'focal',
        expects: 'Xác nhận số liệu Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm 2027',
        as: 'half',
        // "6 tháng" names the report: its 6 is no figure.
        lacks: ['Chưa dùng'],
        alone: true,
      },
      { who: 'focal', chooses: 'Lưu phần đã có', in: 'half' },
      { who: 'focal', expects: 'Đã lưu 6 số liệu' },
      { who: 'focal', says: 'bao cao nam: việc 85% tiền 50%' },
      {
        who: 'focal',
        expects: 'Xác nhận số liệu Báo cáo tổng kết công tác thi đua, khen thưởng năm 2027',
        as: 'year',
        alone: true,
      },
      { who: 'focal', chooses: 'Lưu phần đã có', in: 'year' },
      { who: 'focal', expects: 'Đã lưu 2 số liệu' },
      storedAre({
        thads_viec: 83.5,
        thads_tien: 46.2,
        thads_giam_viec: 9,
        thads_giam_tien: 7,
        ho_ngheo_nha: 2,
        xa_ngheo: 1,
      }),
      {
        async check({ db, vars }) {
          const unit = vars.unit as { id: number };
          expect(await stored(db, unit.id, BCNAM)).toEqual({ thads_viec: 85, thads_tien: 50 });
        },
      },
    ],
  },
];
