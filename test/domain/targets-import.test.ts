import { describe, expect, it } from 'vitest';
import {
  formatDayMonth,
  type KnownIndicator,
  parseDayMonth,
  type RawTableRow,
  readBound,
  type TargetImportErrorCode,
  validateTargetImport,
} from '../../src/domain/targets-import.js';

const indicators: KnownIndicator[] = [
  { code: 'thads_viec', kind: 'percent', min: 0, max: 100 },
  { code: 'khai_tu_tang', kind: 'percent', min: -100, max: 100 },
  { code: 'ho_ngheo_nha', kind: 'count', min: 0, max: null },
  { code: 'ung_ho', kind: 'money', min: 0, max: null },
  { code: 'vbqppl', kind: 'percent', min: null, max: null },
];
const scopes = {
  unitTypes: new Set(['CUC_THADS', 'SO_TU_PHAP', 'CLUSTER']),
  units: new Set(['THADS_HANOI', 'CUM_THADS_1', 'STP_HANOI']),
};
const header = ['indicator', 'year', 'scope', 'kind', 'min', 'max', 'inclusive', 'note'];
const rows = (...r: string[][]): RawTableRow[] =>
  r.map((cells, i) => ({
    line: i + 2,
    cells: Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])),
  }));
const validate = (...r: string[][]) => validateTargetImport(header, rows(...r), indicators, scopes);

describe('target import validation', () => {
  it('accepts good rows: Vietnamese and English numbers, every kind and scope', () => {
    const r = validate(
      ['thads_viec', '2027', 'cuc_thads', 'floor', '82,5', '', 'không', ' Tổng cục  giao '],
      ['THADS_VIEC', '2027', 'THADS_HANOI', 'Floor', '83.25', '', 'true'],
      ['khai_tu_tang', '2027', 'SO_TU_PHAP', 'range', '-2', '5'],
      ['thads_viec', '2027', 'CUM_THADS_1', 'ceiling', '', '99,9 %'],
      ['ho_ngheo_nha', '2027', 'CUC_THADS', 'sum', '1.500'],
      ['ung_ho', '2027', 'ALL', 'floor', '2.500.000,5'],
      ['vbqppl', '2100', 'all', 'floor', '100', '', 'có'],
    );
    expect(r).toEqual({
      ok: true,
      targets: [
        {
          line: 2,
          indicator: 'thads_viec',
          year: 2027,
          scope: 'CUC_THADS',
          kind: 'floor',
          min: 82.5,
          max: null,
          inclusive: false,
          note: 'Tổng cục giao',
        },
        {
          line: 3,
          indicator: 'thads_viec',
          year: 2027,
          scope: 'THADS_HANOI',
          kind: 'floor',
          min: 83.25,
          max: null,
          inclusive: true,
          note: null,
        },
        {
          line: 4,
          indicator: 'khai_tu_tang',
          year: 2027,
          scope: 'SO_TU_PHAP',
          kind: 'range',
          min: -2,
          max: 5,
          inclusive: true,
          note: null,
        },
        {
          line: 5,
          indicator: 'thads_viec',
          year: 2027,
          scope: 'CUM_THADS_1',
          kind: 'ceiling',
          min: null,
          max: 99.9,
          inclusive: true,
          note: null,
        },
        {
          line: 6,
          indicator: 'ho_ngheo_nha',
          year: 2027,
          scope: 'CUC_THADS',
          kind: 'sum',
          min: 1500,
          max: null,
          inclusive: true,
          note: null,
        },
        {
          line: 7,
          indicator: 'ung_ho',
          year: 2027,
          scope: 'ALL',
          kind: 'floor',
          min: 2500000.5,
          max: null,
          inclusive: true,
          note: null,
        },
        {
          line: 8,
          indicator: 'vbqppl',
          year: 2100,
          scope: 'ALL',
          kind: 'floor',
          min: 100,
          max: null,
          inclusive: true,
          note: null,
        },
      ],
    });
  });

  it('skips blank rows and keeps the file line numbers', () => {
    const r = validateTargetImport(
      header,
      [
        { line: 2, cells: {} },
        { line: 3, cells: { indicator: 'thads_viec', year: '2027', scope: 'ALL', kind: 'floor', min: '80' } },
      ],
      indicators,
      scopes,
    );
    expect(r.ok && r.targets.map((t) => t.line)).toEqual([3]);
  });

  const good = ['thads_viec', '2027', 'CUC_THADS', 'floor', '82,5'];
  it.each<[string, string[], TargetImportErrorCode, Record<string, string | number>?]>([
    ['no indicator', ['', '2027', 'ALL', 'floor', '1'], 'missing_value', { column: 'indicator' }],
    [
      'unknown indicator',
      ['thads_xyz', '2027', 'ALL', 'floor', '1'],
      'unknown_indicator',
      { value: 'thads_xyz' },
    ],
    ['year not a number', ['thads_viec', 'năm 2027', 'ALL', 'floor', '1'], 'bad_year'],
    ['year 1999', ['thads_viec', '1999', 'ALL', 'floor', '1'], 'bad_year', { value: '1999' }],
    ['year 2101', ['thads_viec', '2101', 'ALL', 'floor', '1'], 'bad_year'],
    ['year 2027.5', ['thads_viec', '2027.5', 'ALL', 'floor', '1'], 'bad_year'],
    ['no year', ['thads_viec', '', 'ALL', 'floor', '1'], 'missing_value', { column: 'year' }],
    ['no scope', ['thads_viec', '2027', '', 'floor', '1'], 'missing_value', { column: 'scope' }],
    [
      'unknown scope',
      ['thads_viec', '2027', 'PHUONG_XA', 'floor', '1'],
      'unknown_scope',
      { value: 'PHUONG_XA' },
    ],
    ['no kind', ['thads_viec', '2027', 'ALL', '', '1'], 'missing_value', { column: 'kind' }],
    ['unknown kind', ['thads_viec', '2027', 'ALL', 'average', '1'], 'bad_kind', { value: 'average' }],
    ['floor without min', ['thads_viec', '2027', 'ALL', 'floor', '', ''], 'missing_min', { kind: 'floor' }],
    ['floor with max', ['thads_viec', '2027', 'ALL', 'floor', '80', '90'], 'unexpected_max'],
    ['ceiling without max', ['thads_viec', '2027', 'ALL', 'ceiling', '', ''], 'missing_max'],
    ['ceiling with min', ['thads_viec', '2027', 'ALL', 'ceiling', '5', '10'], 'unexpected_min'],
    ['range without max', ['thads_viec', '2027', 'ALL', 'range', '8', ''], 'missing_max', { kind: 'range' }],
    ['range without min', ['thads_viec', '2027', 'ALL', 'range', '', '10'], 'missing_min', { kind: 'range' }],
    [
      'range upside down',
      ['thads_viec', '2027', 'ALL', 'range', '10', '8,5'],
      'min_above_max',
      { min: 10, max: 8.5 },
    ],
    ['sum without min', ['ho_ngheo_nha', '2027', 'CUC_THADS', 'sum', ''], 'missing_min', { kind: 'sum' }],
    ['not a number', ['thads_viec', '2027', 'ALL', 'floor', 'tám mươi'], 'bad_number', { column: 'min' }],
    ['two decimal points', ['thads_viec', '2027', 'ALL', 'floor', '8.2.5'], 'bad_number'],
    [
      'percent above 100',
      ['thads_viec', '2027', 'ALL', 'floor', '120'],
      'out_of_range',
      { column: 'min', value: 120, low: 0, high: 100 },
    ],
    [
      'percent below 0',
      ['thads_viec', '2027', 'ALL', 'ceiling', '', '-1'],
      'out_of_range',
      { column: 'max' },
    ],
    ['percent with no own bounds above 100', ['vbqppl', '2027', 'ALL', 'floor', '100,5'], 'out_of_range'],
    ['growth rate below -100', ['khai_tu_tang', '2027', 'ALL', 'range', '-101', '5'], 'out_of_range'],
    ['negative count', ['ho_ngheo_nha', '2027', 'ALL', 'floor', '-1'], 'out_of_range'],
    [
      'bad inclusive',
      ['thads_viec', '2027', 'ALL', 'floor', '1', '', 'maybe'],
      'bad_inclusive',
      { value: 'maybe' },
    ],
    ['note too long', ['thads_viec', '2027', 'ALL', 'floor', '1', '', '', 'x'.repeat(1001)], 'note_too_long'],
  ])('refuses %s, with its line', (_name, row, code, args) => {
    const r = validate(good, row);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([[3, code]]);
    if (args) expect(r.errors[0]!.args).toMatchObject(args);
  });

  it('refuses a duplicate (indicator, year, scope) naming the first line, whatever the case', () => {
    const r = validate(
      good,
      ['thads_viec', '2028', 'CUC_THADS', 'floor', '80'],
      ['THADS_VIEC', '2027', 'cuc_thads', 'floor', '83'],
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          line: 4,
          code: 'duplicate',
          args: { indicator: 'thads_viec', year: '2027', scope: 'CUC_THADS', first: 2 },
        },
      ],
    });
  });

  it('reports every error of every line, in line order', () => {
    const r = validate(['nope', '1999', 'X', 'floor', '1'], good, [
      'thads_viec',
      '2027',
      'ALL',
      'range',
      '9',
      '',
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'unknown_indicator'],
      [2, 'bad_year'],
      [2, 'unknown_scope'],
      [4, 'missing_max'],
    ]);
  });

  it('refuses a file without the required columns, or without data', () => {
    expect(
      validateTargetImport(['indicator', 'year', 'scope', 'kind', 'min'], [], indicators, scopes),
    ).toEqual({
      ok: false,
      errors: [{ line: 1, code: 'missing_columns', args: { columns: 'max' } }],
    });
    expect(validateTargetImport(header, rows(['', '', '']), indicators, scopes)).toEqual({
      ok: false,
      errors: [{ line: 1, code: 'empty_file', args: {} }],
    });
  });
});

describe('bounds written the Vietnamese or the English way', () => {
  it.each<[string, KnownIndicator['kind'], number | null | string]>([
    ['82,5', 'percent', 82.5],
    ['82.5', 'percent', 82.5],
    ['45,50%', 'percent', 45.5],
    ['1.234', 'percent', 1.234],
    ['1.234', 'count', 1234],
    ['1,234', 'money', 1234],
    ['1.234.567,89', 'money', 1234567.89],
    ['1,234,567.89', 'money', 1234567.89],
    ['−2,5', 'percent', -2.5],
    ['+3', 'count', 3],
    ['0', 'count', 0],
    ['-0', 'count', 0],
    ['', 'count', null],
    ['1.234', 'boolean', 'ambiguous_number'],
    ['abc', 'count', 'bad_number'],
    ['1,2,3', 'count', 'bad_number'],
    ['--1', 'count', 'bad_number'],
  ])('%s (%s) → %s', (text, kind, expected) => {
    const r = readBound(text, kind);
    if (typeof expected === 'string') expect(r).toEqual({ ok: false, code: expected });
    else expect(r).toEqual({ ok: true, value: expected });
  });
});

describe('deadline dates dd/mm', () => {
  it.each<[string, ReturnType<typeof parseDayMonth>]>([
    ['15/02', { ok: true, value: { kind: 'date', day: 15, month: 2 } }],
    ['5/7', { ok: true, value: { kind: 'date', day: 5, month: 7 } }],
    ['10-03', { ok: true, value: { kind: 'date', day: 10, month: 3 } }],
    ['29/02', { ok: true, value: { kind: 'date', day: 29, month: 2 } }],
    ['31/12', { ok: true, value: { kind: 'date', day: 31, month: 12 } }],
    ['none', { ok: true, value: { kind: 'none' } }],
    ['Chưa', { ok: true, value: { kind: 'none' } }],
    ['31/02', { ok: false, code: 'no_such_day' }],
    ['30/02', { ok: false, code: 'no_such_day' }],
    ['31/04', { ok: false, code: 'no_such_day' }],
    ['00/05', { ok: false, code: 'no_such_day' }],
    ['12/13', { ok: false, code: 'no_such_day' }],
    ['15/02/2027', { ok: false, code: 'bad_format' }],
    ['2027-02-15', { ok: false, code: 'bad_format' }],
    ['mười lăm', { ok: false, code: 'bad_format' }],
    ['', { ok: false, code: 'bad_format' }],
  ])('%s', (text, expected) => {
    expect(parseDayMonth(text)).toEqual(expected);
  });

  it('formats a day and month back as dd/mm, null when not set', () => {
    expect(formatDayMonth(5, 7)).toBe('05/07');
    expect(formatDayMonth(null, null)).toBeNull();
  });
});
