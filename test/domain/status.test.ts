import { describe, expect, it } from 'vitest';
import {
  buildStatus,
  effectiveState,
  groupUnits,
  missingIndicatorsOf,
  STATUS_STATES,
  type StatusUnitRow,
  type UnitGroup,
} from '../../src/domain/status.js';
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
  focalPoints: [],
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
    [
      'some required figures before the deadline: partial',
      { storedState: 'pending', dueDate: '2027-07-15', required: ['viec', 'tien'], values: { viec: 85 } },
      '2027-07-10',
      'partial',
    ],
    [
      'some required figures after the deadline: partial, not missing',
      { storedState: 'pending', dueDate: '2027-07-15', required: ['viec', 'tien'], values: { viec: 85 } },
      '2027-07-20',
      'partial',
    ],
    [
      'only the signed document: partial',
      { storedState: 'pending', dueDate: '2027-07-15', required: ['viec'], documentSent: true },
      '2027-07-20',
      'partial',
    ],
    [
      'a figure declared none counts as given: partial',
      { storedState: 'pending', dueDate: '2027-07-15', required: ['viec', 'tien'], declaredNone: ['tien'] },
      '2027-07-20',
      'partial',
    ],
    [
      'a figure the duty does not require is not a part of the report',
      { storedState: 'pending', dueDate: '2027-07-15', required: ['viec'], values: { khac: 3 } },
      '2027-07-20',
      'missing',
    ],
    [
      'no required list: any figure is a part',
      { storedState: 'pending', dueDate: '2027-07-15', values: { khac: 3 } },
      '2027-07-20',
      'partial',
    ],
    [
      'complete stays on time, with its document or not',
      { storedState: 'on_time', dueDate: '2027-07-15', required: ['viec'], values: { viec: 85 } },
      '2027-07-20',
      'on_time',
    ],
  ] as const)('%s', (_n, row, today, expected) => {
    expect(effectiveState({ values: {}, documentSent: false, ...row }, today)).toBe(expected);
  });

  it.each([
    ['nothing given: every required one, in order', {}, [], ['viec', 'tien', 'nha']],
    ['figures and a declaration of none are given', { viec: 85 }, ['nha'], ['tien']],
    ['a zero is a figure', { viec: 0, tien: 0, nha: 0 }, [], []],
  ] as const)('missing indicators: %s', (_n, values, declaredNone, expected) => {
    expect(missingIndicatorsOf({ values, declaredNone, required: ['viec', 'tien', 'nha'] })).toEqual(
      expected,
    );
  });

  it('lists states complete first, then partial, pending and missing', () => {
    expect(STATUS_STATES).toEqual(['on_time', 'late', 'partial', 'pending', 'missing']);
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
      // One figure of four after the deadline: partial, not missing.
      unit({ code: 'U3', clusters: [c2], values: { viec: 82.5 }, required: ['viec', 'giam', 'nha', 'chua'] }),
      unit({ code: 'U4', clusters: [c2] }),
      unit({ code: 'U5', required: ['viec', 'giam', 'nha', 'chua'] }),
      // Only the signed document: partial, every figure still owed.
      unit({ code: 'U8', clusters: [c2], documentSent: true, required: ['viec', 'giam', 'nha', 'chua'] }),
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

  it('counts on time, late, partial, missing; retired units leave the denominator; completion ≤ 100 %', () => {
    expect(report.total).toBe(7);
    expect(report.totals).toEqual({ pending: 0, partial: 2, on_time: 1, late: 1, missing: 3 });
    expect(report.units.map((u) => u.code)).not.toContain('U6');
  });

  it('groups the missing units by cluster, units without a cluster last; lists the late', () => {
    expect(report.missingByCluster.map((g) => [g.cluster?.code ?? null, g.units.map((u) => u.code)])).toEqual(
      [
        ['CUM_1', ['U7']],
        ['CUM_2', ['U4']],
        [null, ['U5']],
      ],
    );
    expect(report.late.map((u) => u.code)).toEqual(['U2']);
  });

  it('groups every unit not complete by cluster, each with its state and what it still owes', () => {
    expect(
      report.incompleteByCluster.map((g) => [
        g.cluster?.code ?? null,
        g.units.map((u) => [u.code, u.state, u.missingIndicators]),
      ]),
    ).toEqual([
      ['CUM_1', [['U7', 'missing', []]]],
      [
        'CUM_2',
        [
          ['U3', 'partial', ['giam', 'nha', 'chua']],
          ['U4', 'missing', []],
          ['U8', 'partial', ['viec', 'giam', 'nha', 'chua']],
        ],
      ],
      [null, [['U5', 'missing', ['viec', 'giam', 'nha', 'chua']]]],
    ]);
    expect(report.units.find((u) => u.code === 'U1')!.missingIndicators).toEqual([]);
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

  it('groups units in no cluster by a type not organised in clusters; "no cluster" only for a type that is', () => {
    const unitTypes = [
      { code: 'SO_TU_PHAP', pluralVi: 'Sở Tư pháp', pluralEn: 'Departments of Justice', clustered: true },
      { code: 'MINISTRY_DEPT', pluralVi: 'đơn vị thuộc Bộ', pluralEn: 'departments', clustered: false },
      { code: 'CLUSTER', pluralVi: 'cụm thi đua', pluralEn: 'emulation clusters', clustered: false },
    ];
    const grouped = buildStatus({
      dutyCode: 'SKD1',
      dutyNameVi: 'Sơ kết',
      dutyNameEn: 'Review',
      periodCode: '2027-H1',
      today: '2027-07-20',
      indicators: [],
      unitTypes,
      units: [
        unit({ code: 'V1', name: 'Vụ Thi đua – Khen thưởng', typeCode: 'MINISTRY_DEPT' }),
        unit({ code: 'K2', name: 'Khối thi đua số 1', typeCode: 'CLUSTER' }),
        unit({ code: 'C3', name: 'Cụm thi đua số 2', typeCode: 'CLUSTER' }),
        // A Sở belongs in a cluster: one in none is "no cluster".
        unit({ code: 'S4', name: 'Sở Tư pháp Yên Bái', typeCode: 'SO_TU_PHAP' }),
        unit({ code: 'S5', name: 'Sở Tư pháp Ưng Hòa', typeCode: 'SO_TU_PHAP', clusters: [c2] }),
        // A department in a cluster (a khối) is listed under it.
        unit({ code: 'V6', name: 'Báo Pháp luật', typeCode: 'MINISTRY_DEPT', clusters: [c1] }),
        // A type the caller did not describe: "no cluster", as before.
        unit({ code: 'X7', name: 'Đơn vị khác', typeCode: 'OTHER' }),
      ],
    });
    const shape = (groups: UnitGroup[]) =>
      groups.map((g) => [g.cluster?.code ?? g.unitType?.code ?? null, g.units.map((u) => u.code)]);
    expect(shape(grouped.incompleteByCluster)).toEqual([
      ['CUM_1', ['V6']],
      ['CUM_2', ['S5']],
      // Types in Vietnamese order of their plural: "cụm thi đua" before "đơn vị thuộc Bộ".
      ['CLUSTER', ['C3', 'K2']],
      ['MINISTRY_DEPT', ['V1']],
      [null, ['X7', 'S4']],
    ]);
    expect(shape(grouped.missingByCluster)).toEqual(shape(grouped.incompleteByCluster));
    expect(grouped.unitTypes).toBe(unitTypes);
    // Without the types: every unit in no cluster is "no cluster".
    expect(shape(groupUnits(grouped.units))).toEqual([
      ['CUM_1', ['V6']],
      ['CUM_2', ['S5']],
      [null, ['C3', 'X7', 'K2', 'S4', 'V1']],
    ]);
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
