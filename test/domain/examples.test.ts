import { describe, expect, it } from 'vitest';
import { duties } from '../../prisma/seed/duties.js';
import { indicators } from '../../prisma/seed/indicators.js';
import { targets } from '../../prisma/seed/targets.js';
import { type IndicatorSpec, parseFigures, validateValue } from '../../src/domain/figures/index.js';
import { parseStatusQuestion } from '../../src/domain/status-question.js';
import { evaluateTarget, type ScopedTarget } from '../../src/domain/submission.js';
import { foldAccents } from '../../src/domain/text.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import {
  type ExampleIndicator,
  examplePart,
  exampleFigures as figuresWith,
  managerExample,
  exampleMessage as messageWith,
  readableLabels,
} from '../../src/messages/examples.js';
import type { Locale } from '../../src/ports/translator.js';

const LOCALES: Locale[] = ['vi', 'en'];
const translator = createTranslator();
const exampleFigures = (l: Locale, shown: readonly ExampleIndicator[], all?: readonly IndicatorSpec[]) =>
  figuresWith(translator, l, shown, all);
const exampleMessage = (l: Locale, shown: readonly ExampleIndicator[], all?: readonly IndicatorSpec[]) =>
  messageWith(translator, l, shown, all);

function spec(code: string): IndicatorSpec {
  const found = indicators.find((i) => i.code === code);
  if (!found) throw new Error(`seed indicator ${code} missing`);
  return found;
}

/** The seeded target of `year` for an indicator and a unit type (its own scope first, then ALL). */
function seededTarget(code: string, unitType: string, year = 2027): ScopedTarget | null {
  const of = targets.filter((t) => t.indicator === code && t.year === year);
  const t = of.find((x) => x.scope === unitType) ?? of.find((x) => x.scope === 'ALL');
  if (!t) return null;
  return {
    scope: t.scope,
    kind: t.kind,
    min: t.min ?? null,
    max: t.max ?? null,
    inclusive: t.inclusive ?? true,
  };
}

/** Every (duty, unit type) indicator list of the default install, without and with 2027's targets. */
const SEEDED = duties.flatMap((d) =>
  d.indicators.map((g) => ({
    name: `${d.code}/${g.unitType}`,
    all: g.codes.map(spec),
    targeted: g.codes.map((c): ExampleIndicator => ({ ...spec(c), target: seededTarget(c, g.unitType) })),
  })),
);

/** The words of an example people cannot read as words: `HGT`, `LĐTT`, `CSTĐ`, `ldtt` (not `VND`). */
function abbreviations(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .filter((w) => /\p{L}/u.test(w) && w !== 'VND')
    .filter((w) => (w.match(/\p{Lu}/gu)?.length ?? 0) >= 2 || !/[aeiouy]/i.test(foldAccents(w)));
}

/** What a reminder may list as missing: each indicator alone, every run of three, all of them. */
function missingLists<T>(all: readonly T[]): T[][] {
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

  for (const { name, all, targeted } of SEEDED) {
    for (const locale of LOCALES) {
      it(`${name} (${locale}): every example reads back exactly, whatever is missing`, () => {
        for (const shown of missingLists(all)) expectReadBack(locale, shown, all);
        for (const shown of missingLists(targeted)) expectReadBack(locale, shown, targeted);
      });
    }
    it(`${name}: examples are in full words and meet this year’s targets`, () => {
      for (const locale of LOCALES) {
        for (const shown of missingLists(targeted)) {
          const example = exampleFigures(locale, shown);
          expect(abbreviations(example.text), example.text).toEqual([]);
          for (const i of shown) {
            const value = example.values[i.code];
            if (value === undefined || !i.target || i.target.kind === 'sum') continue;
            expect(evaluateTarget(i.target, value), `${i.code} ${example.text}`).toBe('met');
          }
        }
      }
    });
  }

  it('writes the locale’s own numbers for the seeded reports, within their targets', () => {
    const { all: thads, targeted } = SEEDED.find((s) => s.name === 'BC6T/CUC_THADS')!;
    // Without targets (a reminder's view has none) the values only keep within the bounds…
    expect(exampleMessage('vi', thads)).toBe('việc 83,5%, tiền 46,2%, giảm việc 90%');
    expect(exampleMessage('en', thads)).toBe('việc 83.5%, tiền 46.2%, giảm việc 90%');
    // …with them, each meets its target: > 82,5 %, > 45,5 %, 8–10 %.
    expect(exampleMessage('vi', targeted)).toBe('việc 83,5%, tiền 46,2%, giảm việc 9%');
    expect(exampleMessage('en', targeted)).toBe('việc 83.5%, tiền 46.2%, giảm việc 9%');
    expect(exampleMessage('vi', targeted.slice(2, 4))).toBe('giảm việc 9%, giảm tiền 7%');
    expect(exampleMessage('vi', [spec('ung_ho')])).toBe('ủng hộ 15 triệu');
    expect(exampleMessage('en', [spec('ung_ho')])).toBe('ủng hộ 15,000,000 VND');
    expect(exampleMessage('vi', [spec('ho_ngheo_nha'), spec('xa_ngheo')])).toBe('nhà 2, xã nghèo 1');
  });

  it('a Sở Tư pháp reads its own indicators in words, never HGT, HGV or THG', () => {
    const { all: stp, targeted } = SEEDED.find((s) => s.name === 'BC6T/SO_TU_PHAP')!;
    expect(exampleMessage('vi', stp)).toBe('hòa giải thành 83,5%, hòa giải viên 46,2%, tổ hòa giải 90%');
    // Targets: at least 85 %, 100 %, 100 %.
    expect(exampleMessage('vi', targeted)).toBe('hòa giải thành 87,5%, hòa giải viên 100%, tổ hòa giải 100%');
    expect(exampleMessage('en', targeted)).toBe('hòa giải thành 87.5%, hòa giải viên 100%, tổ hòa giải 100%');
    // The label's direction and negation stay: growth 2–5 %, no child left unregistered.
    expect(exampleMessage('vi', targeted.slice(3, 6))).toBe(
      'khai tử tăng 3,5%, đề án 100%, chưa khai sinh 0',
    );
    // Registration of titles: the titles' names, not LĐTT, CSTĐCS.
    const titles = SEEDED.find((s) => s.name === 'DKTD/SO_TU_PHAP')!.all;
    expect(exampleMessage('vi', titles)).toBe(
      'lao động tiên tiến 2, chiến sĩ thi đua cơ sở 1, chiến sĩ thi đua Bộ 3',
    );
    // Abbreviations and unaccented forms stay accepted, shown only when nothing else reads back.
    expect(readableLabels(spec('hoa_giai_thanh'))[0]).toBe('hòa giải thành');
    expect(readableLabels(spec('hoa_giai_thanh')).slice(-2)).toEqual(['HGT', 'tỷ lệ HGT']);
    expect(readableLabels(spec('dk_ldtt')).at(-1)).toBe('LDTT');
  });

  it('one indicator’s part, for a correction: a readable label that reads back among the others', () => {
    const { targeted } = SEEDED.find((s) => s.name === 'BC6T/CUC_THADS')!;
    expect(examplePart('vi', targeted[1]!, targeted)).toEqual({
      code: 'thads_tien',
      label: 'tiền',
      value: 83.5,
      sample: '83,5%',
    });
    expect(examplePart('vi', targeted[2]!, targeted, 2)).toMatchObject({ label: 'giảm việc', sample: '9%' });
    const note = custom({ code: 'note', kind: 'text', labelVi: 'Ghi chú' });
    expect(examplePart('vi', note)).toBeNull();
  });

  it('a manager’s example is a question the status reader understands, and its command', () => {
    for (const locale of LOCALES) {
      expect(parseStatusQuestion(managerExample(translator, locale))).toEqual({ dutyCode: 'BC6T' });
      expect(managerExample(translator, locale, 'command')).toBe('/tinhhinh BC6T');
    }
    expect(managerExample(translator, 'vi')).toBe('đơn vị nào chưa nộp báo cáo 6 tháng?');
  });

  it('without any indicator, the generic example comes from locales and names no one report', () => {
    expect(exampleMessage('vi', [])).toBe(translator.t('vi', 'example-generic'));
    expect(exampleMessage('en', [])).toBe(translator.t('en', 'example-generic'));
    expect(exampleMessage('vi', [])).toContain('hòa giải thành 85%');
    expect(exampleMessage('vi', [])).not.toBe('việc 83,5% tiền 46,2%');
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

    it('values meet the target when one is known: a range’s middle, just past a floor or a ceiling', () => {
      const target = (t: Partial<ScopedTarget> & Pick<ScopedTarget, 'kind'>): ScopedTarget => ({
        scope: 'ALL',
        min: null,
        max: null,
        inclusive: true,
        ...t,
      });
      const rate = custom({ code: 'rate', kind: 'percent', labelVi: 'Tỷ lệ số hóa', synonyms: ['số hóa'] });
      const value = (i: ExampleIndicator) => exampleFigures('vi', [i]).values[i.code];
      expect(value({ ...rate, target: target({ kind: 'range', min: 8, max: 10 }) })).toBe(9);
      expect(value({ ...rate, target: target({ kind: 'floor', min: 85 }) })).toBe(87.5);
      // Already meeting it: the usual value is kept.
      expect(value({ ...rate, target: target({ kind: 'floor', min: 82.5, inclusive: false }) })).toBe(83.5);
      expect(value({ ...rate, target: target({ kind: 'floor', min: 100 }) })).toBe(100);
      expect(value({ ...rate, target: target({ kind: 'ceiling', max: 5 }) })).toBe(2.5);
      expect(value({ ...rate, target: target({ kind: 'ceiling', max: 83.5, inclusive: false }) })).toBe(81);
      // A target the bounds cannot meet, or a system-wide sum: the usual value within bounds.
      expect(value({ ...rate, target: target({ kind: 'floor', min: 100, inclusive: false }) })).toBe(83.5);
      expect(value({ ...few, target: target({ kind: 'sum', min: 15 }) })).toBe(5);
      expect(value({ ...few, target: target({ kind: 'floor', min: 7, inclusive: false }) })).toBe(8);
      expect(value({ ...few, target: target({ kind: 'range', min: 6, max: 7 }) })).toBe(6);
      const cash = custom({ code: 'cash', kind: 'money', labelVi: 'Kinh phí', synonyms: ['kinh phí'] });
      expect(value({ ...cash, target: target({ kind: 'floor', min: 20_500_000 }) })).toBe(21_000_000);
      expect(exampleMessage('vi', [{ ...cash, target: target({ kind: 'ceiling', max: 2_500_000 }) }])).toBe(
        'kinh phí 2 triệu',
      );
      expect(value({ ...done, target: target({ kind: 'ceiling', max: 0 }) })).toBe(0);
      expect(exampleMessage('vi', [{ ...done, target: target({ kind: 'ceiling', max: 0 }) }])).toBe(
        'hội nghị không',
      );
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
