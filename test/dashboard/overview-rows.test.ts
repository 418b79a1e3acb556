import { describe, expect, it } from 'vitest';
import { overviewRows } from '../../src/dashboard/overview-rows.js';
import { buildStatus, type StatusUnitRow, type StatusUnitType } from '../../src/domain/status.js';

const cum1 = { code: 'CUM_1', name: 'Cụm thi đua số 1' };
const cum2 = { code: 'CUM_2', name: 'Cụm thi đua số 2' };

let nextId = 1;
const unit = (over: Partial<StatusUnitRow> & { code: string; name: string }): StatusUnitRow => ({
  unitId: nextId++,
  typeCode: 'SO_TU_PHAP',
  clusters: [cum1],
  active: true,
  retiredAt: null,
  dueDate: '2027-07-15',
  submittedAt: null,
  storedState: 'pending',
  locked: false,
  documentSent: false,
  focalPoints: [],
  values: {},
  required: ['viec'],
  ...over,
});

const unitTypes: StatusUnitType[] = [
  { code: 'SO_TU_PHAP', pluralVi: 'sở tư pháp', pluralEn: 'departments of justice', clustered: true },
  { code: 'MINISTRY_DEPT', pluralVi: 'đơn vị thuộc Bộ', pluralEn: "the Ministry's units", clustered: false },
];

const report = buildStatus({
  dutyCode: 'BC6T',
  dutyNameVi: 'Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm',
  dutyNameEn: 'Six-month emulation and commendation report',
  periodCode: '2027-H1',
  today: '2027-07-20',
  indicators: [
    {
      code: 'viec',
      labelVi: 'Tỷ lệ giải quyết việc',
      labelEn: 'Cases resolved',
      kind: 'percent',
      aggregate: 'mean',
      targets: [{ scope: 'ALL', kind: 'floor', min: 80, max: null, inclusive: true }],
    },
  ],
  unitTypes,
  units: [
    unit({
      code: 'STP_HANOI',
      name: 'Sở Tư pháp Hà Nội',
      storedState: 'on_time',
      submittedAt: '2027-07-10T02:00:00.000Z',
      values: { viec: 85 },
    }),
    unit({
      code: 'STP_DANANG',
      name: 'Sở Tư pháp Đà Nẵng',
      clusters: [cum2],
      storedState: 'late',
      submittedAt: '2027-07-18T02:00:00.000Z',
      values: { viec: 70 },
    }),
    unit({ code: 'STP_HAIPHONG', name: 'Sở Tư pháp Hải Phòng' }),
    unit({
      code: 'STP_ANGIANG',
      name: 'Sở Tư pháp An Giang',
      clusters: [cum2],
      values: { viec: 90 },
      required: ['viec', 'tien'],
    }),
    unit({ code: 'STP_LONE', name: 'Sở Tư pháp Điện Biên', clusters: [] }),
    unit({
      code: 'VU_PC',
      name: 'Vụ Pháp chế',
      typeCode: 'MINISTRY_DEPT',
      clusters: [],
      dueDate: '2027-08-01',
    }),
  ],
});

const names = (r: ReturnType<typeof overviewRows>) => r.groups.flatMap((g) => g.units.map((u) => u.name));

describe('the overview rows', () => {
  it('filtered by state "missing", lists only the missing units', () => {
    const r = overviewRows(report, { state: 'missing' }, 'vi');
    expect(names(r).sort()).toEqual(['Sở Tư pháp Hải Phòng', 'Sở Tư pháp Điện Biên'].sort());
    expect(r.groups.flatMap((g) => g.units).every((u) => u.state === 'missing')).toBe(true);
    expect(r.count).toBe(2);
  });

  it('finds "Hà Nội" when "ha noi" is typed, without accents or capitals, and by code', () => {
    expect(names(overviewRows(report, { q: 'ha noi' }, 'vi'))).toEqual(['Sở Tư pháp Hà Nội']);
    expect(names(overviewRows(report, { q: '  HÀ   nội ' }, 'vi'))).toEqual(['Sở Tư pháp Hà Nội']);
    expect(names(overviewRows(report, { q: 'stp_danang' }, 'vi'))).toEqual(['Sở Tư pháp Đà Nẵng']);
    expect(names(overviewRows(report, { q: 'dien bien' }, 'vi'))).toEqual(['Sở Tư pháp Điện Biên']);
  });

  it('sorted by an indicator, puts the units without a value last in either direction', () => {
    const asc = overviewRows(report, { sort: 'ind:viec' }, 'vi');
    expect(asc.grouped).toBe(false);
    expect(asc.groups).toHaveLength(1);
    expect(names(asc).slice(0, 3)).toEqual([
      'Sở Tư pháp Đà Nẵng',
      'Sở Tư pháp Hà Nội',
      'Sở Tư pháp An Giang',
    ]);
    const desc = overviewRows(report, { sort: 'ind:viec', dir: 'desc' }, 'vi');
    expect(names(desc).slice(0, 3)).toEqual([
      'Sở Tư pháp An Giang',
      'Sở Tư pháp Hà Nội',
      'Sở Tư pháp Đà Nẵng',
    ]);
    for (const r of [asc, desc]) {
      expect(
        r.groups[0]!.units.slice(3).every((u) => u.values.viec === undefined),
        'units without a value come last',
      ).toBe(true);
    }
  });

  it('by name, groups like the chat: each cluster in Vietnamese order, then the types, then no cluster', () => {
    const r = overviewRows(report, {}, 'vi');
    expect(r.grouped).toBe(true);
    expect(r.groups.map((g) => g.cluster?.code ?? g.unitType?.code ?? null)).toEqual([
      'CUM_1',
      'CUM_2',
      'MINISTRY_DEPT',
      null,
    ]);
    // Vietnamese order: Hà Nội before Hải Phòng (a before ả), An Giang before Đà Nẵng.
    expect(r.groups[0]!.units.map((u) => u.code)).toEqual(['STP_HANOI', 'STP_HAIPHONG']);
    expect(r.groups[1]!.units.map((u) => u.code)).toEqual(['STP_ANGIANG', 'STP_DANANG']);
    const desc = overviewRows(report, { dir: 'desc' }, 'vi');
    expect(desc.groups[1]!.units.map((u) => u.code)).toEqual(['STP_DANANG', 'STP_ANGIANG']);
  });

  it('sorted by state, lists on time, late, partial, pending, missing in one flat group', () => {
    const r = overviewRows(report, { sort: 'state' }, 'vi');
    expect(r.grouped).toBe(false);
    expect(r.groups[0]!.units.map((u) => u.state)).toEqual([
      'on_time',
      'late',
      'partial',
      'pending',
      'missing',
      'missing',
    ]);
  });

  it('sorted by submitted time, the units that sent nothing come last', () => {
    const r = overviewRows(report, { sort: 'submitted', dir: 'desc' }, 'vi');
    expect(r.groups[0]!.units.slice(0, 2).map((u) => u.code)).toEqual(['STP_DANANG', 'STP_HANOI']);
  });

  it('filters by cluster ("-" for none) and by sector', () => {
    expect(names(overviewRows(report, { cluster: 'CUM_2' }, 'vi'))).toEqual([
      'Sở Tư pháp An Giang',
      'Sở Tư pháp Đà Nẵng',
    ]);
    expect(names(overviewRows(report, { cluster: '-' }, 'vi')).sort()).toEqual(
      ['Vụ Pháp chế', 'Sở Tư pháp Điện Biên'].sort(),
    );
    expect(names(overviewRows(report, { sector: 'MINISTRY_DEPT' }, 'vi'))).toEqual(['Vụ Pháp chế']);
  });

  it('counts each state among the units the other filters keep, so each count says what its link lists', () => {
    const all = overviewRows(report, {}, 'vi');
    expect(all.counts).toEqual({ on_time: 1, late: 1, partial: 1, pending: 1, missing: 2 });
    const cum1Missing = overviewRows(report, { cluster: 'CUM_1', state: 'missing' }, 'vi');
    expect(cum1Missing.counts).toEqual({ on_time: 1, late: 0, partial: 0, pending: 0, missing: 1 });
    expect(cum1Missing.count).toBe(1);
  });

  it('an unknown sort reads as by name', () => {
    const r = overviewRows(report, { sort: 'ind:nope' }, 'vi');
    expect(r.sort).toBe('name');
    expect(r.grouped).toBe(true);
  });
});
