import { describe, expect, it } from 'vitest';
import { buildStatus, effectiveState, type StatusUnitRow } from '../../src/domain/status.js';
import { parseStatusQuestion } from '../../src/domain/status-question.js';

const unit = (over: Partial<StatusUnitRow> & { code: string }): StatusUnitRow => ({
  unitId: Number(over.code.replace(/\D/g, '')) || 1,
  name: over.code,
  typeCode: 'CUC_THADS',
  clusters: [],
  active: true,
  retiredAt: null,
  dueDate: '2027-07-15',
  submittedAt: null,
  storedState: 'pending',
  locked: false,
  documentSent: false,
  focalName: null,
  values: {},
  ...over,
});

const c1 = { code: 'CUM_1', name: 'Cụm 1' };
const c2 = { code: 'CUM_2', name: 'Cụm 2' };

describe('status', () => {
  it.each([
    [
      'pending before the deadline',
      { storedState: 'pending', dueDate: '2027-07-15' },
      '2027-07-15',
      'pending',
    ],
    ['missing the day after', { storedState: 'pending', dueDate: '2027-07-15' }, '2027-07-16', 'missing'],
    ['late stays late', { storedState: 'late', dueDate: '2027-07-15' }, '2027-07-20', 'late'],
    ['no date: pending', { storedState: 'pending', dueDate: null }, '2030-01-01', 'pending'],
  ] as const)('%s', (_n, row, today, expected) => {
    expect(effectiveState({ submittedAt: null, ...row }, today)).toBe(expected);
  });

  const report = buildStatus({
    dutyCode: 'BC6T',
    dutyNameVi: 'Báo cáo 6 tháng',
    dutyNameEn: '6-month report',
    periodCode: '2027-H1',
    today: '2027-07-20',
    units: [
      unit({
        code: 'U1',
        clusters: [c1],
        storedState: 'on_time',
        submittedAt: '2027-07-10T02:00:00Z',
        values: { viec: 85, giam: 9, nha: 10, chua: 0 },
      }),
      unit({
        code: 'U2',
        clusters: [c1],
        storedState: 'late',
        submittedAt: '2027-07-18T02:00:00Z',
        values: { viec: 80, giam: 12, nha: 6, chua: 3 },
      }),
      unit({ code: 'U3', clusters: [c2], values: { viec: 82.5 } }),
      unit({ code: 'U4', clusters: [c2] }),
      unit({ code: 'U5' }),
      // Retired before the deadline: out of every count.
      unit({ code: 'U6', active: false, retiredAt: '2027-03-01' }),
      // Retired after the deadline: it still owed this report.
      unit({ code: 'U7', active: false, retiredAt: '2027-08-01', clusters: [c1] }),
    ],
    indicators: [
      {
        code: 'viec',
        labelVi: 'việc',
        labelEn: 'cases',
        kind: 'percent',
        aggregate: 'mean',
        targets: [{ scope: 'CUC_THADS', kind: 'floor', min: 82.5, max: null, inclusive: false }],
      },
      {
        code: 'giam',
        labelVi: 'giảm',
        labelEn: 'cut',
        kind: 'percent',
        aggregate: 'mean',
        targets: [{ scope: 'ALL', kind: 'range', min: 8, max: 10, inclusive: true }],
      },
      {
        code: 'nha',
        labelVi: 'nhà',
        labelEn: 'houses',
        kind: 'count',
        aggregate: 'sum',
        targets: [{ scope: 'CUC_THADS', kind: 'sum', min: 15, max: null, inclusive: true }],
      },
      {
        code: 'chua',
        labelVi: 'chưa',
        labelEn: 'unregistered',
        kind: 'count',
        aggregate: 'sum',
        targets: [{ scope: 'ALL', kind: 'ceiling', min: null, max: 0, inclusive: true }],
      },
    ],
  });

  it('counts on time, late, missing; retired units leave the denominator; completion ≤ 100 %', () => {
    expect(report.total).toBe(6);
    expect(report.totals).toEqual({ pending: 0, on_time: 1, late: 1, missing: 4 });
    expect(report.units.map((u) => u.code)).not.toContain('U6');
  });

  it('groups the missing units by cluster, units without a cluster last; lists the late', () => {
    expect(report.missingByCluster.map((g) => [g.cluster?.code ?? null, g.units.map((u) => u.code)])).toEqual(
      [
        ['CUM_1', ['U7']],
        ['CUM_2', ['U3', 'U4']],
        [null, ['U5']],
      ],
    );
    expect(report.late.map((u) => u.code)).toEqual(['U2']);
  });

  it('evaluates floor (exclusive), range, ceiling and a system-wide sum', () => {
    const byCode = Object.fromEntries(report.indicators.map((i) => [i.code, i]));
    expect(byCode.viec).toMatchObject({ reported: 3, met: 1, evaluated: 3, aggregate: (85 + 80 + 82.5) / 3 });
    expect(byCode.viec!.below.map((b) => b.code)).toEqual(['U2', 'U3']); // 82,5 is not "> 82,5"
    expect(byCode.viec!.best?.code).toBe('U1');
    expect(byCode.giam).toMatchObject({ met: 2, evaluated: 2 }); // 12 % exceeds 8–10 %: met
    expect(report.units.find((u) => u.code === 'U2')!.targetStatus.giam).toBe('exceeded');
    expect(byCode.chua).toMatchObject({
      met: 1,
      evaluated: 2,
      below: [{ code: 'U2', name: 'U2', value: 3 }],
    });
    expect(byCode.nha).toMatchObject({ aggregate: 16, sumTarget: { min: 15, total: 16, status: 'met' } });
  });
});

describe('plain status questions', () => {
  it.each([
    ['đơn vị nào chưa nộp báo cáo 6 tháng?', { dutyCode: 'BC6T' }],
    ['tình hình báo cáo năm 2026', { dutyCode: 'BCNAM', year: 2026 }],
    ['Ai chưa gửi đăng ký thi đua?', { dutyCode: 'DKTD' }],
    ['tinh hinh nop bao cao', {}],
    ['DON VI NAO CHUA NOP SO KET', { dutyCode: 'SKD1' }],
  ])('%s', (text, expected) => expect(parseStatusQuestion(text)).toEqual(expected));
  it.each(['việc 83,5% tiền 46,2%', 'xin chào', 'số 123/BC-STP ngày 10/7/2027'])(
    'not a question: %s',
    (text) => expect(parseStatusQuestion(text)).toBeNull(),
  );
});
