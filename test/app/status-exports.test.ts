import { mkdirSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildStatus, type StatusInput, type StatusUnitRow } from '../../src/domain/status.js';
import { CHART_WIDTH } from '../../src/exports/chart-layout.js';
import { completionSpec } from '../../src/exports/completion-chart.js';
import { exportLabels } from '../../src/exports/export-labels.js';
import * as chart from '../../src/exports/status-chart.js';
import * as xlsx from '../../src/exports/status-xlsx.js';
import { createTranslator } from '../../src/i18n/fluent.js';

// The renderers take their words from the translator; bound once, they read as before.
const translator = createTranslator();
const statusChartPng = chart.statusChartPng.bind(null, translator);
const statusChartSvg = chart.statusChartSvg.bind(null, translator);
const statusWorkbook = xlsx.statusWorkbook.bind(null, translator);

// 20 July 2027 in Hà Nội: the 6-month report was due on 15 July (Gia Lai has until 31 July).
const north = { code: 'CUM_DBSH', name: 'Cụm Đồng bằng sông Hồng' };
const highlands = { code: 'CUM_TN', name: 'Cụm Tây Nguyên' };

function unit(id: number, code: string, name: string, over: Partial<StatusUnitRow>): StatusUnitRow {
  return {
    unitId: id,
    code,
    name,
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
  };
}

const input: StatusInput = {
  dutyCode: 'BC6T',
  dutyNameVi: 'Báo cáo 6 tháng',
  dutyNameEn: 'Six-month report',
  periodCode: '2027-H1',
  today: '2027-07-20',
  units: [
    unit(1, 'HN', 'Cục THADS thành phố Hà Nội', {
      clusters: [north],
      storedState: 'on_time',
      submittedAt: '2027-07-14T03:15:00Z',
      documentSent: true,
      focalPoints: [{ name: 'Nguyễn Thị Ánh' }],
      values: { thads_viec: 85.2, ho_ngheo_nha: 6 },
    }),
    unit(2, 'HP', 'Cục THADS thành phố Hải Phòng', {
      clusters: [north],
      storedState: 'late',
      submittedAt: '2027-07-17T09:40:00Z',
      focalPoints: [{ name: 'Trần Văn Đức' }],
      values: { thads_viec: 80.1, ho_ngheo_nha: 3 },
    }),
    unit(3, 'BN', 'Cục THADS tỉnh Bắc Ninh', { clusters: [north] }),
    unit(4, 'DL', 'Cục THADS tỉnh Đắk Lắk', {
      clusters: [highlands],
      storedState: 'on_time',
      submittedAt: '2027-07-15T01:05:00Z',
      focalPoints: [{ name: 'Y Điêng Êban' }],
      // Exactly on the floor: the target is "> 82,5 %", so not met.
      values: { thads_viec: 82.5, ho_ngheo_nha: 2 },
    }),
    unit(5, 'GL', 'Cục THADS tỉnh Gia Lai', { clusters: [highlands], dueDate: '2027-07-31' }),
    unit(6, 'DB', 'Cục THADS tỉnh Điện Biên', {}),
    // Retired before the deadline: out of every count.
    unit(7, 'HT', 'Cục THADS tỉnh Hà Tây', { active: false, retiredAt: '2008-08-01' }),
  ],
  indicators: [
    {
      code: 'thads_viec',
      labelVi: 'Tỷ lệ thi hành xong về việc',
      labelEn: 'Cases completed',
      kind: 'percent',
      aggregate: 'mean',
      targets: [{ scope: 'ALL', kind: 'floor', min: 82.5, max: null, inclusive: false }],
    },
    {
      code: 'ho_ngheo_nha',
      labelVi: 'Nhà cho hộ nghèo',
      labelEn: 'Houses for poor households',
      kind: 'count',
      aggregate: 'sum',
      targets: [{ scope: 'ALL', kind: 'sum', min: 15, max: null, inclusive: true }],
    },
  ],
};
const report = buildStatus(input);
const opts = {
  timeZone: 'Asia/Ho_Chi_Minh',
  generatedAt: new Date('2027-07-20T02:30:00Z'),
  indicators: input.indicators,
};

async function open(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

function rowWhere(ws: ExcelJS.Worksheet, col: number, value: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && row.getCell(col).value === value) found = row;
  });
  if (!found) throw new Error(`no row with ${value} in column ${col} of ${ws.name}`);
  return found;
}

describe('status workbook', () => {
  it('has a status sheet in Vietnamese: title, headers, one row per counted unit, totals', async () => {
    const wb = await open(await statusWorkbook(report, 'vi', opts));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tình hình', 'Số liệu']);
    const ws = wb.getWorksheet('Tình hình')!;
    expect(ws.getCell('A1').value).toBe(
      'Tình hình nộp Báo cáo 6 tháng đầu năm 2027 (lập lúc 09:30 ngày 20/07/2027)',
    );
    expect(ws.getRow(2).values).toEqual([
      undefined,
      'Đơn vị',
      'Mã',
      'Cụm / nhóm',
      'Trạng thái',
      'Thời điểm nộp',
      'Người gửi',
      'Văn bản',
      'Chỉ tiêu còn thiếu',
    ]);
    expect(ws.getRow(2).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBeTruthy();

    const hp = rowWhere(ws, 2, 'HP');
    expect(hp.getCell(1).value).toBe('Cục THADS thành phố Hải Phòng');
    expect(hp.getCell(3).value).toBe('Cụm Đồng bằng sông Hồng');
    expect(hp.getCell(4).value).toBe('Nộp muộn');
    // 09:40 UTC is 16:40 in Hà Nội; Excel has no zones, so the cell holds the wall clock.
    expect(hp.getCell(5).value).toEqual(new Date(Date.UTC(2027, 6, 17, 16, 40)));
    expect(hp.getCell(5).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(hp.getCell(6).value).toBe('Trần Văn Đức');
    expect(hp.getCell(7).value).toBe('Chưa');
    expect(rowWhere(ws, 2, 'HN').getCell(7).value).toBe('Đã gửi');
    expect(rowWhere(ws, 2, 'BN').getCell(4).value).toBe('Chưa nộp');
    expect(rowWhere(ws, 2, 'GL').getCell(4).value).toBe('Chưa đến hạn');
    expect(rowWhere(ws, 2, 'DL').getCell(4).value).toBe('Đúng hạn');
    expect(rowWhere(ws, 2, 'DB').getCell(3).value).toBe('Không thuộc cụm');
    expect(() => rowWhere(ws, 2, 'HT')).toThrow();

    expect(rowWhere(ws, 1, 'Tổng số đơn vị').getCell(2).value).toBe(6);
    const missing = rowWhere(ws, 1, 'Chưa nộp');
    expect(missing.getCell(2).value).toBe(2);
    expect(missing.getCell(3).value).toBeCloseTo(2 / 6, 10);
    expect(missing.getCell(3).numFmt).toBe('0.0%');
    expect(rowWhere(ws, 1, 'Đã nộp').getCell(2).value).toBe(3);
    expect(rowWhere(ws, 1, 'Nộp muộn').getCell(2).value).toBe(1);
  });

  it('has a figures sheet: targets, numbers, below-target cells in light red, the aggregate', async () => {
    const wb = await open(await statusWorkbook(report, 'vi', opts));
    const ws = wb.getWorksheet('Số liệu')!;
    expect(ws.getRow(3).values).toEqual([
      undefined,
      'Đơn vị',
      'Mã',
      'Cụm / nhóm',
      'Tỷ lệ thi hành xong về việc',
      'Nhà cho hộ nghèo',
    ]);
    expect(ws.getRow(3).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getCell('A2').value).toBe('Chỉ tiêu');
    expect(ws.getCell('D2').value).toBe('> 82,5 %');
    expect(ws.getCell('E2').value).toBe('tổng ≥ 15');

    const hp = rowWhere(ws, 2, 'HP');
    expect(hp.getCell(4).value).toBe(80.1);
    expect(hp.getCell(4).numFmt).toContain('%');
    expect(hp.getCell(4).fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFFFC7CE' },
    });
    // On the exclusive floor is below target too; above it is not highlighted.
    expect(rowWhere(ws, 2, 'DL').getCell(4).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    const hn = rowWhere(ws, 2, 'HN');
    expect(hn.getCell(4).value).toBe(85.2);
    expect((hn.getCell(4).fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
    expect(hn.getCell(5).value).toBe(6);
    expect(rowWhere(ws, 2, 'BN').getCell(4).value).toBeNull();

    expect(rowWhere(ws, 1, 'Cách tổng hợp').getCell(4).value).toBe('bình quân');
    const aggregate = rowWhere(ws, 1, 'Giá trị tổng hợp');
    expect(aggregate.getCell(4).value).toBeCloseTo((85.2 + 80.1 + 82.5) / 3, 10);
    expect(aggregate.getCell(5).value).toBe(11);
    // 11 houses against a system-wide 15: the total itself is below target.
    expect(aggregate.getCell(5).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(rowWhere(ws, 1, 'Đạt chỉ tiêu').getCell(4).value).toBe('1/3 đơn vị');
    expect(rowWhere(ws, 1, 'Đạt chỉ tiêu').getCell(5).value).toBe('tổng chưa đạt');
  });

  it('speaks English when asked', async () => {
    const wb = await open(await statusWorkbook(report, 'en', opts));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Status', 'Figures']);
    const ws = wb.getWorksheet('Status')!;
    expect(ws.getCell('A2').value).toBe('Unit');
    expect(rowWhere(ws, 2, 'HP').getCell(4).value).toBe('Late');
    expect(rowWhere(ws, 2, 'GL').getCell(4).value).toBe('Not yet due');
    expect(wb.getWorksheet('Figures')!.getCell('D2').value).toBe('> 82.5%');
    expect(wb.getWorksheet('Figures')!.getCell('E2').value).toBe('total ≥ 15');
  });
});

// The same units as the duty sees them: both figures required; Quảng Ninh sent one of them,
// Điện Biên only its signed document, Bắc Ninh declared it has no houses to report.
const required = ['thads_viec', 'ho_ngheo_nha'];
const partialInput: StatusInput = {
  ...input,
  units: [
    ...input.units.map((u) =>
      u.code === 'DB'
        ? { ...u, required, documentSent: true }
        : u.code === 'BN'
          ? { ...u, required, declaredNone: ['ho_ngheo_nha'] }
          : { ...u, required },
    ),
    unit(8, 'QN', 'Cục THADS tỉnh Quảng Ninh', {
      clusters: [north],
      focalPoints: [{ name: 'Lê Văn Hải' }],
      values: { thads_viec: 90 },
      required,
    }),
  ],
};
const partialReport = buildStatus(partialInput);

describe('partly submitted reports in the files', () => {
  it('the workbook names the state, colours it, counts it and lists what each unit still owes', async () => {
    const wb = await open(await statusWorkbook(partialReport, 'vi', opts));
    const ws = wb.getWorksheet('Tình hình')!;
    expect(rowWhere(ws, 2, 'QN').getCell(4).fill).toMatchObject({ fgColor: { argb: 'FFDDEBF7' } });
    const both = 'Tỷ lệ thi hành xong về việc; Nhà cho hộ nghèo';
    const stateAndOwed = (code: string) => [4, 8].map((c) => rowWhere(ws, 2, code).getCell(c).value);
    expect(Object.fromEntries(['QN', 'DB', 'BN', 'GL', 'HN'].map((c) => [c, stateAndOwed(c)]))).toEqual({
      QN: ['Nộp một phần', 'Nhà cho hộ nghèo'],
      DB: ['Nộp một phần', both],
      // A declared "no figure" is given: only the other one is owed.
      BN: ['Nộp một phần', 'Tỷ lệ thi hành xong về việc'],
      GL: ['Chưa đến hạn', both],
      HN: ['Đúng hạn', ''],
    });

    // Totals: every state, complete first, in the order of STATUS_STATES.
    const first = rowWhere(ws, 1, 'Đã nộp').number + 1;
    const totals = [0, 1, 2, 3, 4].map((i) => [
      ws.getRow(first + i).getCell(1).value,
      ws.getRow(first + i).getCell(2).value,
    ]);
    expect(totals).toEqual([
      ['Đúng hạn', 2],
      ['Nộp muộn', 1],
      ['Nộp một phần', 3],
      ['Chưa đến hạn', 1],
      ['Chưa nộp', 0],
    ]);
    expect(rowWhere(ws, 1, 'Tổng số đơn vị').getCell(2).value).toBe(7);

    const en = (await open(await statusWorkbook(partialReport, 'en', opts))).getWorksheet('Status')!;
    expect(en.getRow(2).getCell(8).value).toBe('Indicators missing');
    expect(rowWhere(en, 2, 'QN').getCell(4).value).toBe('Partly submitted');
    expect(rowWhere(en, 2, 'QN').getCell(8).value).toBe('Houses for poor households');
  });

  it('says "all n indicators" for a unit that gave none of more than two', async () => {
    const many = ['thads_viec', 'ho_ngheo_nha', 'xa_ngheo'];
    const r = buildStatus({ ...input, units: input.units.map((u) => ({ ...u, required: many })) });
    const ws = (await open(await statusWorkbook(r, 'vi', opts))).getWorksheet('Tình hình')!;
    expect(rowWhere(ws, 2, 'BN').getCell(8).value).toBe('Tất cả 3 chỉ tiêu');
    expect(rowWhere(ws, 2, 'HN').getCell(8).value).toBe('xa_ngheo');
  });

  it('the completion chart stacks partial between late and not yet due, with its own colour', async () => {
    const L = exportLabels((id, args) => translator.t('vi', id, args));
    const spec = completionSpec(partialReport, 'vi', L) as unknown as {
      data: { values: { group: string; state: string; label: string }[] };
      layer: { encoding: { color: { scale: { domain: string[]; range: string[] } | null } } }[];
    };
    const all = spec.data.values.filter((v) => v.group.startsWith('Toàn bộ'));
    expect(all.map((v) => [v.state, v.label])).toEqual([
      ['Đúng hạn', '2 · 28,6 %'],
      ['Nộp muộn', '1 · 14,3 %'],
      ['Nộp một phần', '3 · 42,9 %'],
      ['Chưa đến hạn', '1 · 14,3 %'],
    ]);
    const north = spec.data.values.filter((v) => v.group.startsWith('Cụm Đồng bằng sông Hồng'));
    expect(north.map((v) => v.state)).toEqual(['Đúng hạn', 'Nộp muộn', 'Nộp một phần']);
    const scale = spec.layer[0]!.encoding.color.scale!;
    expect(scale.domain).toEqual(['Đúng hạn', 'Nộp muộn', 'Nộp một phần', 'Chưa đến hạn', 'Chưa nộp']);
    expect(new Set(scale.range).size).toBe(5);

    const svg = await statusChartSvg(partialReport, 'vi', 'completion');
    expect(svg).toContain('Nộp một phần');
    expect(svg).toContain('đã nộp 3/7 đơn vị');
    keep('completion-partial-vi', await statusChartPng(partialReport, 'vi', 'completion'));
    expect(await statusChartSvg(partialReport, 'en', 'completion')).toContain('Partly submitted');
  });
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function keep(name: string, png: Buffer): void {
  mkdirSync('test-results', { recursive: true });
  writeFileSync(`test-results/chart-${name}.png`, png);
}

describe('status chart', () => {
  it('draws completion by cluster as a PNG 900 px wide at scale 2', async () => {
    const png = await statusChartPng(report, 'vi', 'completion', { indicators: input.indicators });
    keep('completion-vi', png);
    const { width, height } = pngSize(png);
    expect(width).toBe(CHART_WIDTH * 2);
    // A title, four bars (all, two clusters, no cluster), an axis and a legend.
    expect(height).toBeGreaterThan(500);
    expect(height).toBeLessThan(1200);
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('labels the completion chart in Vietnamese, with counts and shares', async () => {
    const svg = await statusChartSvg(report, 'vi', 'completion');
    for (const text of [
      'Tình hình nộp báo cáo theo cụm',
      'Cụm Đồng bằng sông Hồng (3)',
      'Cụm Tây Nguyên (2)',
      'Không thuộc cụm (1)',
      'Toàn bộ (6)',
      'Đúng hạn',
      'Nộp muộn',
      'Chưa nộp',
      'Chưa đến hạn',
      'đã nộp 3/6 đơn vị (50 %)',
      '2 · 33,3 %',
    ]) {
      expect(svg).toContain(text);
    }
  });

  it('draws an indicator against its target', async () => {
    const png = await statusChartPng(
      report,
      'vi',
      { indicator: 'thads_viec' },
      { indicators: input.indicators },
    );
    keep('thads-viec-vi', png);
    const { width, height } = pngSize(png);
    expect(width).toBe(CHART_WIDTH * 2);
    expect(height).toBeGreaterThan(300);
    expect(png.length).toBeGreaterThan(10_000);
    const svg = await statusChartSvg(
      report,
      'vi',
      { indicator: 'thads_viec' },
      { indicators: input.indicators },
    );
    for (const text of [
      'Tỷ lệ thi hành xong về việc',
      'Chỉ tiêu &gt; 82,5 %',
      '80,1 %',
      'Chưa đạt',
      'Đạt chỉ tiêu',
    ]) {
      expect(svg).toContain(text);
    }

    const houses = await statusChartPng(
      report,
      'vi',
      { indicator: 'ho_ngheo_nha' },
      { indicators: input.indicators },
    );
    keep('ho-ngheo-nha-vi', houses);
    expect(pngSize(houses).width).toBe(CHART_WIDTH * 2);
    const housesSvg = await statusChartSvg(
      report,
      'vi',
      { indicator: 'ho_ngheo_nha' },
      { indicators: input.indicators },
    );
    expect(housesSvg).toContain('tổng 11');
    expect(housesSvg).toContain('chỉ tiêu tổng ≥ 15: chưa đạt');
  });

  it('labels in English when asked', async () => {
    const png = await statusChartPng(report, 'en', 'completion');
    keep('completion-en', png);
    expect(pngSize(png).width).toBe(CHART_WIDTH * 2);
    const svg = await statusChartSvg(report, 'en', 'completion');
    for (const text of [
      'Reporting by cluster',
      'On time',
      'Late',
      'Missing',
      'Not yet due',
      'No cluster (1)',
    ]) {
      expect(svg).toContain(text);
    }
    expect(svg).not.toContain('Đúng hạn');
    const ind = await statusChartPng(
      report,
      'en',
      { indicator: 'thads_viec' },
      { indicators: input.indicators },
    );
    keep('thads-viec-en', ind);
    const indSvg = await statusChartSvg(
      report,
      'en',
      { indicator: 'thads_viec' },
      { indicators: input.indicators },
    );
    expect(indSvg).toContain('Target &gt; 82.5%');
    expect(indSvg).toContain('Below target');
  });

  it('keeps long names and many units readable: wrapped labels, per-unit targets, the worst 60', async () => {
    const longCluster = {
      code: 'CUM_MT',
      name: 'Cụm thi đua số 2 – các Cục Thi hành án dân sự miền Trung và Tây Nguyên',
    };
    const indicators = [
      {
        ...input.indicators[0]!,
        targets: [
          { scope: 'ALL', kind: 'floor' as const, min: 82.5, max: null, inclusive: false },
          { scope: 'CUM_MT', kind: 'floor' as const, min: 78, max: null, inclusive: true },
        ],
      },
    ];
    const many = buildStatus({
      ...input,
      indicators,
      units: Array.from({ length: 80 }, (_, i) =>
        unit(100 + i, `C${i}`, `Cục Thi hành án dân sự tỉnh số ${i + 1}`, {
          clusters: i % 2 === 0 ? [longCluster] : [north],
          storedState: 'on_time',
          submittedAt: '2027-07-14T03:15:00Z',
          values: { thads_viec: 60 + (i % 35), ho_ngheo_nha: 1 },
        }),
      ),
    });
    const svg = await statusChartSvg(many, 'vi', { indicator: 'thads_viec' }, { indicators });
    expect(svg).toContain('60/80 đơn vị thấp nhất');
    expect(svg).toContain(
      'Chỉ tiêu (vạch đen): &gt; 82,5 %; Cụm thi đua số 2 – các Cục Thi hành án dân sự miền',
    );
    const png = await statusChartPng(many, 'vi', { indicator: 'thads_viec' }, { indicators });
    keep('many-units-vi', png);
    const size = pngSize(png);
    // Telegram takes photos up to 10 000 px of width + height.
    expect(size.width + size.height).toBeLessThanOrEqual(10_000);

    const completion = await statusChartSvg(many, 'vi', 'completion');
    // Wrapped over two lines, the count kept on the last one.
    expect(completion).toContain('Cụm thi đua số 2 – các Cục Thi hành án');
    expect(completion).toContain('Tây Nguyên (40)');
    keep('many-units-completion-vi', await statusChartPng(many, 'vi', 'completion'));

    const wb = await open(await statusWorkbook(many, 'vi', { ...opts, indicators }));
    expect(wb.getWorksheet('Số liệu')!.getCell('D2').value).toBe(
      '> 82,5 %; Cụm thi đua số 2 – các Cục Thi hành án dân sự miền Trung và Tây Nguyên: ≥ 78 %',
    );
  });

  it('refuses an indicator the report does not have', async () => {
    await expect(statusChartPng(report, 'vi', { indicator: 'nope' })).rejects.toMatchObject({
      code: 'unknown_indicator',
    });
  });
});
