import { describe, expect, it } from 'vitest';
import {
  nameOn,
  orderByParent,
  type RawUnitRow,
  replacedNameSpan,
  validateUnitImport,
} from '../../src/domain/units-import.js';

const types = new Set(['SO_TU_PHAP', 'CUC_THADS', 'TONG_CUC_THADS', 'CLUSTER', 'MINISTRY_DEPT']);
const existing = {
  types: new Map([
    ['TCTHADS', 'TONG_CUC_THADS'],
    ['CUM_STP_1', 'CLUSTER'],
    ['STP_HANOI', 'SO_TU_PHAP'],
  ]),
  parents: new Map<string, string | null>([
    ['TCTHADS', null],
    ['CUM_STP_1', null],
    ['STP_HANOI', null],
  ]),
};
const header = ['code', 'name', 'type', 'parent', 'cluster'];
const rows = (...r: string[][]): RawUnitRow[] =>
  r.map((cells, i) => ({
    line: i + 2,
    cells: Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])),
  }));

describe('unit import validation', () => {
  it('accepts good rows, upper-cases codes and splits clusters', () => {
    const r = validateUnitImport(
      header,
      rows(
        ['thads_x', 'Cục THADS X', 'cuc_thads', 'TCTHADS', ''],
        ['STP_X', ' Sở Tư pháp  X ', 'SO_TU_PHAP', '', 'CUM_STP_1|CUM_NEW'],
        ['CUM_NEW', 'Cụm mới', 'CLUSTER', '', ''],
      ),
      types,
      existing,
    );
    expect(r).toEqual({
      ok: true,
      units: [
        { line: 2, code: 'THADS_X', name: 'Cục THADS X', type: 'CUC_THADS', parent: 'TCTHADS', clusters: [] },
        {
          line: 3,
          code: 'STP_X',
          name: 'Sở Tư pháp X',
          type: 'SO_TU_PHAP',
          parent: null,
          clusters: ['CUM_STP_1', 'CUM_NEW'],
        },
        { line: 4, code: 'CUM_NEW', name: 'Cụm mới', type: 'CLUSTER', parent: null, clusters: [] },
      ],
    });
  });

  it.each([
    [['', 'Tên', 'SO_TU_PHAP'], 'missing_code'],
    [['BAD CODE', 'Tên', 'SO_TU_PHAP'], 'bad_code'],
    [['X1', '', 'SO_TU_PHAP'], 'missing_name'],
    [['X1', 'Tên', 'PHUONG'], 'unknown_type'],
    [['X1', 'Tên', 'SO_TU_PHAP', 'NOPE'], 'unknown_parent'],
    [['X1', 'Tên', 'SO_TU_PHAP', 'X1'], 'self_parent'],
    [['X1', 'Tên', 'SO_TU_PHAP', '', 'NOPE'], 'unknown_cluster'],
    [['X1', 'Tên', 'SO_TU_PHAP', '', 'STP_HANOI'], 'not_a_cluster'],
  ])('refuses %j with %s on its line', (cells, code) => {
    const r = validateUnitImport(header, rows(['OK_1', 'Đơn vị tốt', 'SO_TU_PHAP'], cells), types, existing);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContainEqual(expect.objectContaining({ line: 3, code }));
  });

  it('reports a duplicate code with the line it first appeared on', () => {
    const r = validateUnitImport(
      header,
      rows(['A1', 'A', 'SO_TU_PHAP'], ['a1', 'A again', 'SO_TU_PHAP']),
      types,
      existing,
    );
    expect(r).toEqual({
      ok: false,
      errors: [{ line: 3, code: 'duplicate_code', args: { value: 'A1', first: 2 } }],
    });
  });

  it('detects a parent cycle inside the file', () => {
    const r = validateUnitImport(
      header,
      rows(['A1', 'A', 'MINISTRY_DEPT', 'B1'], ['B1', 'B', 'MINISTRY_DEPT', 'A1']),
      types,
      existing,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.code)).toEqual(['parent_cycle', 'parent_cycle']);
  });

  it('refuses a header without the required columns, and an empty file', () => {
    expect(validateUnitImport(['ma', 'ten'], [], types, existing)).toEqual({
      ok: false,
      errors: [{ line: 1, code: 'missing_columns', args: { columns: 'code, name, type' } }],
    });
    expect(validateUnitImport(header, rows(['', '', '']), types, existing)).toEqual({
      ok: false,
      errors: [{ line: 1, code: 'empty_file', args: {} }],
    });
  });

  it('orders parents before children', () => {
    const r = validateUnitImport(
      header,
      rows(['CHILD', 'C', 'CUC_THADS', 'PARENT'], ['PARENT', 'P', 'TONG_CUC_THADS']),
      types,
      existing,
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(orderByParent(r.units).map((u) => u.code)).toEqual(['PARENT', 'CHILD']);
  });
});

describe("a unit's name history", () => {
  it('a rename closes the old name the day before the import, after the previous former name', () => {
    expect(replacedNameSpan(null, '2027-03-05')).toEqual({ validFrom: null, validTo: '2027-03-04' });
    expect(replacedNameSpan('2025-06-30', '2027-03-05')).toEqual({
      validFrom: '2025-07-01',
      validTo: '2027-03-04',
    });
    // On the first of the year and of March in a leap year.
    expect(replacedNameSpan(null, '2027-01-01')?.validTo).toBe('2026-12-31');
    expect(replacedNameSpan('2028-01-31', '2028-03-01')).toEqual({
      validFrom: '2028-02-01',
      validTo: '2028-02-29',
    });
  });

  it('a name given and replaced on the same day is no history', () => {
    expect(replacedNameSpan('2027-03-04', '2027-03-05')).toBeNull();
    expect(replacedNameSpan('2027-03-04', '2027-03-06')).toEqual({
      validFrom: '2027-03-05',
      validTo: '2027-03-05',
    });
  });

  it('reads the name a unit bore on a date', () => {
    const former = [
      { name: 'Đơn vị B', validFrom: '2025-07-01', validTo: '2027-03-04' },
      { name: 'Cục Thi hành án dân sự Hà Nội', validFrom: null, validTo: '2025-06-30' },
    ];
    const current = 'Thi hành án dân sự thành phố Hà Nội';
    expect(nameOn(current, former, '2017-01-01')).toBe('Cục Thi hành án dân sự Hà Nội');
    expect(nameOn(current, former, '2025-06-30')).toBe('Cục Thi hành án dân sự Hà Nội');
    expect(nameOn(current, former, '2025-07-01')).toBe('Đơn vị B');
    expect(nameOn(current, former, '2027-03-04')).toBe('Đơn vị B');
    expect(nameOn(current, former, '2027-03-05')).toBe(current);
    expect(nameOn(current, [], '2020-01-01')).toBe(current);
  });
});
