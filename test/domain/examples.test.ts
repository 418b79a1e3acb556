import { describe, expect, it } from 'vitest';
import { duties } from '../../prisma/seed/duties.js';
import { indicators } from '../../prisma/seed/indicators.js';
import { type IndicatorSpec, parseFigures, validateValue } from '../../src/domain/figures/index.js';
import { exampleFigures, exampleMessage } from '../../src/messages/examples.js';
import type { Locale } from '../../src/ports/translator.js';

const LOCALES: Locale[] = ['vi', 'en'];

function spec(code: string): IndicatorSpec {
  const found = indicators.find((i) => i.code === code);
  if (!found) throw new Error(`seed indicator ${code} missing`);
  return found;
}

/** Every (duty, unit type) indicator list of the default install. */
const SEEDED = duties.flatMap((d) =>
  d.indicators.map((g) => ({ name: `${d.code}/${g.unitType}`, all: g.codes.map(spec) })),
);

/** What a reminder may list as missing: each indicator alone, every run of three, all of them. */
function missingLists(all: readonly IndicatorSpec[]): IndicatorSpec[][] {
  const lists = all.map((i) => [i]);
  for (let k = 0; k + 3 <= all.length; k++) lists.push(all.slice(k, k + 3));
  lists.push([...all]);
  return lists;
}

/** The example the reader sees, parsed by the bot against every indicator of the report. */
function expectReadBack(locale: Locale, shown: readonly IndicatorSpec[], all: readonly IndicatorSpec[]) {
  const example = exampleFigures(locale, shown);
  const asked = shown.filter((i) => i.kind !== 'text').slice(0, 3);
  // Nothing the example was meant to carry is left out…
  expect(Object.keys(example.values)).toEqual(asked.map((i) => i.code));
  // …each value is one the indicator accepts…
  for (const i of asked) expect(validateValue(example.values[i.code]!, i), `${i.code}`).toBeNull();
  // …and the real parser reads back exactly those values, refusing nothing.
  const read = parseFigures(example.text, all);
  expect(read.values, example.text).toEqual(example.values);
  expect(read.invalid, example.text).toEqual([]);
  expect(read.ambiguous, example.text).toEqual([]);
  expect(read.unused, example.text).toEqual([]);
  expect(read.duplicates, example.text).toEqual([]);
  expect(exampleMessage(locale, shown)).toBe(example.text);
  return example;
}

function custom(
  over: Partial<IndicatorSpec> & Pick<IndicatorSpec, 'code' | 'kind' | 'labelVi'>,
): IndicatorSpec {
  return { labelEn: over.labelVi, synonyms: [], ...over };
}

describe('example messages', () => {
  it('covers every seeded duty that asks for figures', () => {
    expect(SEEDED.map((s) => s.name)).toEqual(
      expect.arrayContaining(['DKTD/SO_TU_PHAP', 'BC6T/CUC_THADS', 'BC6T/SO_TU_PHAP', 'BCNAM/CUC_THADS']),
    );
  });

  for (const { name, all } of SEEDED) {
    for (const locale of LOCALES) {
      it(`${name} (${locale}): every example reads back exactly, whatever is missing`, () => {
        for (const shown of missingLists(all)) expectReadBack(locale, shown, all);
      });
    }
  }

  it('writes the locale’s own numbers for the seeded reports', () => {
    const thads = SEEDED.find((s) => s.name === 'BC6T/CUC_THADS')!.all;
    expect(exampleMessage('vi', thads)).toBe('việc 83,5%, tiền 46,2%, giảm việc 90%');
    expect(exampleMessage('en', thads)).toBe('việc 83.5%, tiền 46.2%, giảm việc 90%');
    expect(exampleMessage('vi', [spec('ung_ho')])).toBe('ủng hộ 15 triệu');
    expect(exampleMessage('en', [spec('ung_ho')])).toBe('ủng hộ 15,000,000 VND');
    expect(exampleMessage('vi', [spec('ho_ngheo_nha'), spec('xa_ngheo')])).toBe('nhà 2, xã nghèo 1');
  });

  describe('follows each indicator’s kind and bounds', () => {
    const done = custom({
      code: 'done',
      kind: 'boolean',
      labelVi: 'Đã tổ chức hội nghị',
      synonyms: ['hội nghị'],
    });
    const note = custom({ code: 'note', kind: 'text', labelVi: 'Ghi chú', synonyms: ['ghi chú'] });
    const few = custom({
      code: 'few',
      kind: 'count',
      labelVi: 'Số đoàn kiểm tra',
      synonyms: ['đoàn'],
      min: 5,
      max: 8,
    });
    const cap = custom({
      code: 'cap',
      kind: 'percent',
      labelVi: 'Tỷ lệ số hóa',
      synonyms: ['số hóa'],
      max: 40,
    });
    const drop = custom({
      code: 'drop',
      kind: 'percent',
      labelVi: 'Giảm tồn đọng',
      synonyms: ['tồn đọng'],
      min: -50,
      max: -10,
    });
    const small = custom({
      code: 'small',
      kind: 'money',
      labelVi: 'Kinh phí khen thưởng',
      synonyms: ['kinh phí'],
      max: 2_500_000,
    });

    it('a yes/no indicator gets có / yes, never a number', () => {
      expect(exampleFigures('vi', [done])).toEqual({ text: 'hội nghị có', values: { done: 1 } });
      expect(exampleFigures('en', [done])).toEqual({ text: 'hội nghị yes', values: { done: 1 } });
      for (const locale of LOCALES) expectReadBack(locale, [done, few], [done, few]);
    });

    it('a text indicator is left out when there are figures, answered in words when alone', () => {
      for (const locale of LOCALES) {
        const mixed = expectReadBack(locale, [note, few, done, cap], [note, few, done, cap]);
        expect(mixed.text).not.toMatch(/ghi chú/i);
      }
      expect(exampleMessage('vi', [note])).toBe('ghi chú: đã hoàn thành');
      expect(exampleMessage('en', [note])).toBe('ghi chú: completed');
      const read = parseFigures(exampleMessage('vi', [note]), [note]);
      expect(read.values).toEqual({});
      expect(read.invalid).toEqual([]);
      expect(read.unused).toEqual([]);
    });

    it('numbers stay within min and max', () => {
      expect(exampleFigures('vi', [few]).values).toEqual({ few: 5 });
      expect(exampleFigures('vi', [cap])).toEqual({ text: 'số hóa 40%', values: { cap: 40 } });
      expect(exampleFigures('vi', [drop]).values).toEqual({ drop: -10 });
      expect(exampleFigures('vi', [small])).toEqual({
        text: 'kinh phí 2,5 triệu',
        values: { small: 2_500_000 },
      });
      expect(exampleFigures('en', [small])).toEqual({
        text: 'kinh phí 2,500,000 VND',
        values: { small: 2_500_000 },
      });
      for (const locale of LOCALES) {
        for (const set of [
          [few, cap, drop],
          [drop, small, done],
          [small, note, few, cap],
        ]) {
          expectReadBack(locale, set, set);
        }
      }
    });
  });

  it('avoids a label the rest of the report would claim', () => {
    // `việc` now names two indicators, so the parser reads it as neither: another label is used.
    const thads = SEEDED.find((s) => s.name === 'BCNAM/CUC_THADS')!.all;
    const shared = custom({ code: 'dup', kind: 'count', labelVi: 'Số việc tồn', synonyms: ['việc'] });
    const all = [...thads, shared];
    for (const locale of LOCALES) {
      const example = exampleFigures(locale, [spec('thads_viec')], all);
      expect(parseFigures(example.text, all).values).toEqual(example.values);
      expect(example.values).toEqual({ thads_viec: 83.5 });
    }
  });
});
