import { describe, expect, it } from 'vitest';
import { indicators } from '../../prisma/seed/indicators.js';
import {
  formatValue,
  type IndicatorSpec,
  normalizeText,
  type ParseResult,
  parseFigures,
  readNumberToken,
  validateValue,
} from '../../src/domain/figures/index.js';

const THADS_CODES = [
  'thads_viec',
  'thads_tien',
  'thads_giam_viec',
  'thads_giam_tien',
  'ho_ngheo_nha',
  'xa_ngheo',
  'ung_ho',
];
const STP_CODES = [
  'hoa_giai_thanh',
  'hoa_giai_vien',
  'to_hoa_giai',
  'khai_tu_tang',
  'vbqppl',
  'khai_sinh_chua',
];
const DKTD_CODES = ['dk_ldtt', 'dk_cstdcs', 'dk_cstd_bo', 'dk_tt_ldtt', 'dk_tt_ldxs', 'dk_co_bo', 'dk_co_cp'];

function pick(codes: readonly string[]): IndicatorSpec[] {
  const found = indicators.filter((i) => codes.includes(i.code));
  expect(found.map((i) => i.code).sort()).toEqual([...codes].sort());
  return found;
}

const THADS = pick(THADS_CODES);
const STP = pick(STP_CODES);
const DKTD = pick(DKTD_CODES);

type Expected = Partial<Omit<ParseResult, 'truncated'>>;

function full(expected: Expected): Omit<ParseResult, 'truncated'> {
  return {
    values: expected.values ?? {},
    invalid: expected.invalid ?? [],
    ambiguous: expected.ambiguous ?? [],
    unused: expected.unused ?? [],
    duplicates: expected.duplicates ?? [],
  };
}

function parsed(text: string, specs: readonly IndicatorSpec[]): Omit<ParseResult, 'truncated'> {
  const { truncated, ...rest } = parseFigures(text, specs);
  expect(truncated).toBe(false);
  return rest;
}

const VT = { thads_viec: 83.5, thads_tien: 46.2 };

describe('seeded indicators', () => {
  it('holds exactly the codes the plans ask for, each with labels and synonyms', () => {
    expect(indicators.map((i) => i.code).sort()).toEqual(
      [...THADS_CODES, ...STP_CODES, ...DKTD_CODES].sort(),
    );
    for (const i of indicators) {
      expect(i.labelVi.length, i.code).toBeGreaterThan(3);
      expect(i.labelEn.length, i.code).toBeGreaterThan(3);
      expect(i.synonyms.length, i.code).toBeGreaterThan(1);
      if (i.kind === 'percent') expect(i.max, i.code).toBe(100);
    }
    expect(indicators.find((i) => i.code === 'ung_ho')?.kind).toBe('money');
    expect(indicators.find((i) => i.code === 'khai_tu_tang')?.min).toBe(-100);
  });

  it('gives no normalised synonym to two indicators', () => {
    const owner = new Map<string, string>();
    for (const i of indicators) {
      for (const s of [i.labelVi, i.labelEn, ...i.synonyms]) {
        const key = normalizeText(s);
        const other = owner.get(key);
        expect(other === undefined || other === i.code, `${s}: ${other} and ${i.code}`).toBe(true);
        owner.set(key, i.code);
      }
    }
  });
});

describe('parseFigures — Cục THADS', () => {
  const cases: [string, Expected][] = [
    ['việc 83,5% tiền 46,2%', { values: VT }],
    ['Việc: 83.5%; tiền: 46.2%', { values: VT }],
    ['viec=83,5 tien=46,2', { values: VT }],
    ['Về việc - 83,5%, về tiền - 46,2%', { values: VT }],
    ['đạt 83,5 % về việc ạ', { values: { thads_viec: 83.5 } }],
    ['83,5% về việc, 46,2% về tiền', { values: VT }],
    ['83,5% về việc 46,2% về tiền', { values: VT }],
    ['Tiền 46,2% việc 83,5%', { values: { thads_tien: 46.2, thads_viec: 83.5 } }],
    ['Tỷ lệ thi hành xong về việc đạt 83,50%, về tiền đạt 46,20% ạ', { values: VT }],
    ['Dạ em báo cáo: việc được 83,5%, tiền là 46,2% nhé', { values: VT }],
    ['Việc:\n83,5%\nTiền:\n46,2%', { values: VT }],
    ['Việc\n83,5%\nTiền\n46,2%', { values: VT }],
    [
      'Việc: 83,5%\nTiền: 46,2%\nGiảm việc: 9%\nGiảm tiền: 7%',
      {
        values: { ...VT, thads_giam_viec: 9, thads_giam_tien: 7 },
      },
    ],
    ['giảm việc 9% giảm tiền 7%', { values: { thads_giam_viec: 9, thads_giam_tien: 7 } }],
    ['việc chuyển kỳ sau giảm 9,5%', { values: { thads_giam_viec: 9.5 } }],
    ['giảm số tiền chuyển kỳ sau 6%', { values: { thads_giam_tien: 6 } }],
    ['việc 83,5% giảm việc 9%', { values: { thads_viec: 83.5, thads_giam_viec: 9 } }],
    ['tỷ lệ thi hành án về việc 84,1%, về tiền 47%', { values: { thads_viec: 84.1, thads_tien: 47 } }],
    ['THA về việc 85 %, THA về tiền 50 %', { values: { thads_viec: 85, thads_tien: 50 } }],
    ['về việc khoảng 83,5 phần trăm', { values: { thads_viec: 83.5 } }],
    ['nhà 3, xã 2', { values: { ho_ngheo_nha: 3, xa_ngheo: 2 } }],
    ['hỗ trợ 3 hộ nghèo làm nhà', { values: { ho_ngheo_nha: 3 } }],
    ['xã nghèo được hỗ trợ: 1', { values: { xa_ngheo: 1 } }],
    ['nhà Đại đoàn kết 2 căn, xã nghèo 1', { values: { ho_ngheo_nha: 2, xa_ngheo: 1 } }],
    ['ủng hộ 1,2 tỷ', { values: { ung_ho: 1_200_000_000 } }],
    ['ủng hộ 350 triệu', { values: { ung_ho: 350_000_000 } }],
    ['ủng hộ 350tr', { values: { ung_ho: 350_000_000 } }],
    ['ủng hộ 15 triệu đồng', { values: { ung_ho: 15_000_000 } }],
    ['ủng hộ 2.500.000đ', { values: { ung_ho: 2_500_000 } }],
    ['ủng hộ 2,5 tr', { values: { ung_ho: 2_500_000 } }],
    ['ủng hộ 500 nghìn', { values: { ung_ho: 500_000 } }],
    ['ủng hộ 500 ngàn đồng', { values: { ung_ho: 500_000 } }],
    ['ủng hộ 500k', { values: { ung_ho: 500_000 } }],
    ['Ủng hộ: 2.500.000 VNĐ', { values: { ung_ho: 2_500_000 } }],
    ['ủng hộ 15.000.000 đồng', { values: { ung_ho: 15_000_000 } }],
    ['ủng hộ 1 tỷ 200 triệu', { values: { ung_ho: 1_200_000_000 } }],
    ['ủng hộ 1 tỷ 2', { values: { ung_ho: 1_200_000_000 } }],
    ['ủng hộ 2tr5', { values: { ung_ho: 2_500_000 } }],
    ['ủng hộ 5 trăm nghìn', { values: { ung_ho: 500_000 } }],
    ['tiền ủng hộ: 350 triệu', { values: { ung_ho: 350_000_000 } }],
    ['Tiền, hàng ủng hộ người nghèo 12,5 triệu', { values: { ung_ho: 12_500_000 } }],
    ['ủng hộ 2.500.000₫', { values: { ung_ho: 2_500_000 } }],
    [
      'việc 83,5%, tiền 46,2%, nhà 2, xã 1, ủng hộ 350 triệu',
      {
        values: { ...VT, ho_ngheo_nha: 2, xa_ngheo: 1, ung_ho: 350_000_000 },
      },
    ],
    ['ủng hộ 50 triệu, 2 nhà, 1 xã', { values: { ung_ho: 50_000_000, ho_ngheo_nha: 2, xa_ngheo: 1 } }],
    ['xã nghèo được hỗ trợ xây 3 nhà', { values: { ho_ngheo_nha: 3 } }],
    [
      'Ủng hộ quỹ vì người nghèo 25.500.000 đồng và 2 nhà tình thương',
      {
        values: { ung_ho: 25_500_000, ho_ngheo_nha: 2 },
      },
    ],
    ['ủng hộ 50 triệu 2', { values: { ung_ho: 50_200_000 } }],
    ['ủng hộ 2 triệu 500 nghìn', { values: { ung_ho: 2_500_000 } }],
    ['việc 83,5%-tiền 46,2%', { values: VT }],
    ['viec 83,5,tien 46,2', { values: VT }],
    ['Tỷ lệ thi hành xong (về việc): 83,5%; (về tiền): 46,2%', { values: VT }],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(parsed(text, THADS)).toEqual(full(expected));
  });
});

describe('parseFigures — Sở Tư pháp', () => {
  const cases: [string, Expected][] = [
    ['100% hòa giải viên được bồi dưỡng', { values: { hoa_giai_vien: 100 } }],
    ['tỷ lệ hòa giải thành đạt 86,7%', { values: { hoa_giai_thanh: 86.7 } }],
    ['HGT 87%, HGV 100%, THG 100%', { values: { hoa_giai_thanh: 87, hoa_giai_vien: 100, to_hoa_giai: 100 } }],
    [
      'hòa giải thành 85%, hòa giải viên 100%, tổ hòa giải 100%',
      {
        values: { hoa_giai_thanh: 85, hoa_giai_vien: 100, to_hoa_giai: 100 },
      },
    ],
    ['Thôn, tổ dân phố có tổ hòa giải: 100%', { values: { to_hoa_giai: 100 } }],
    ['hoà giải thành 90%', { values: { hoa_giai_thanh: 90 } }],
    ['hòa giải viên đã được bồi dưỡng, tập huấn 98,5%', { values: { hoa_giai_vien: 98.5 } }],
    ['văn bản được giao hoàn thành 100%', { values: { vbqppl: 100 } }],
    ['VBQPPL 100%, HGT 88%', { values: { vbqppl: 100, hoa_giai_thanh: 88 } }],
    ['trẻ em dưới 5 tuổi chưa đăng ký khai sinh: 0', { values: { khai_sinh_chua: 0 } }],
    ['Trẻ em dưới 05 tuổi chưa được đăng ký khai sinh: 12', { values: { khai_sinh_chua: 12 } }],
    ['chưa đăng ký khai sinh 3 trẻ', { values: { khai_sinh_chua: 3 } }],
    ['khai sinh 0', { values: { khai_sinh_chua: 0 } }],
    ['khai tử tăng 3,2%', { values: { khai_tu_tang: 3.2 } }],
    ['tăng khai tử 4%', { values: { khai_tu_tang: 4 } }],
    ['khai tử: -2%', { values: { khai_tu_tang: -2 } }],
    ['đăng ký khai tử tăng 3% so với năm 2025', { values: { khai_tu_tang: 3 } }],
    [
      'em gửi số liệu ạ: HGT: 86%; HGV: 100%; tổ HG: 100%; khai sinh chưa đăng ký: 0 trẻ',
      {
        values: { hoa_giai_thanh: 86, hoa_giai_vien: 100, to_hoa_giai: 100, khai_sinh_chua: 0 },
      },
    ],
    ['khai tu tang 3 phan tram', { values: { khai_tu_tang: 3 } }],
    [
      'HGT 86%\nHGV 100%\nTHG 100%\nkhai tử tăng 2,5%\nVBQPPL 100%\nkhai sinh 0',
      {
        values: {
          hoa_giai_thanh: 86,
          hoa_giai_vien: 100,
          to_hoa_giai: 100,
          khai_tu_tang: 2.5,
          vbqppl: 100,
          khai_sinh_chua: 0,
        },
      },
    ],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(parsed(text, STP)).toEqual(full(expected));
  });
});

describe('parseFigures — registration of titles', () => {
  const all = {
    dk_ldtt: 25,
    dk_cstdcs: 3,
    dk_cstd_bo: 1,
    dk_tt_ldtt: 2,
    dk_tt_ldxs: 1,
    dk_co_bo: 1,
    dk_co_cp: 0,
  };
  const cases: [string, Expected][] = [
    ['LĐTT 25, CSTĐCS 3, CSTĐ Bộ 1, TTLĐTT 2, TTLĐXS 1, Cờ Bộ 1, Cờ CP 0', { values: all }],
    ['ldtt 25 cstdcs 3 cstd bo 1 ttldtt 2 ttldxs 1 co bo 1 co cp 0', { values: all }],
    ['Đăng ký 25 lao động tiên tiến, 3 chiến sĩ thi đua cơ sở', { values: { dk_ldtt: 25, dk_cstdcs: 3 } }],
    ['tập thể lao động tiên tiến 2', { values: { dk_tt_ldtt: 2 } }],
    ['Tập thể LĐXS: 1; Cờ thi đua của Bộ Tư pháp: 1', { values: { dk_tt_ldxs: 1, dk_co_bo: 1 } }],
    ['Cờ thi đua của Chính phủ 0', { values: { dk_co_cp: 0 } }],
    ['chiến sỹ thi đua cơ sở 4', { values: { dk_cstdcs: 4 } }],
    ['CSTĐ Bộ, ngành: 1', { values: { dk_cstd_bo: 1 } }],
    ['Lao động tiên tiến: 1.234', { values: { dk_ldtt: 1234 } }],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(parsed(text, DKTD)).toEqual(full(expected));
  });
});

describe('parseFigures — writing variants', () => {
  const nfd = 'việc 83,5% tiền 46,2%'.normalize('NFD');
  const cases: [string, readonly IndicatorSpec[], Expected][] = [
    [nfd, THADS, { values: VT }],
    ['hòa giải thành 85%'.normalize('NFD'), STP, { values: { hoa_giai_thanh: 85 } }],
    ['việc\u00a083,5\u00a0%\u202ftiền\u00a046,2%', THADS, { values: VT }],
    ['✅ Việc: 83,5% 👍\n✅ Tiền: 46,2% 🎉', THADS, { values: VT }],
    ['1️⃣ việc 83,5%\n2️⃣ tiền 46,2%', THADS, { values: VT }],
    ['ve viec 83,5 ve tien 46,2', THADS, { values: VT }],
    [
      'hoa giai thanh 85%, hoa giai vien 100%, to hoa giai 100%',
      STP,
      {
        values: { hoa_giai_thanh: 85, hoa_giai_vien: 100, to_hoa_giai: 100 },
      },
    ],
    ['ung ho 350 trieu', THADS, { values: { ung_ho: 350_000_000 } }],
    ['VIỆC 83,5% TIỀN 46,2%', THADS, { values: VT }],
    ['HÒA GIẢI THÀNH 90%', STP, { values: { hoa_giai_thanh: 90 } }],
    ['VIEC 83,5 TIEN 46,2', THADS, { values: VT }],
    ['việc83,5% tiền46,2%', THADS, { values: VT }],
    ['*Việc*: 83,5%  |  *Tiền*: 46,2%', THADS, { values: VT }],
    ['- việc: 83,5%\n- tiền: 46,2%', THADS, { values: VT }],
    ['1. việc 83,5%\n2. tiền 46,2%', THADS, { values: VT }],
    ['Việc, tiền: 83,5%, 46,2%', THADS, { values: VT }],
    ['việc/tiền: 83,5%/46,2%', THADS, { values: VT }],
    ['việc：８３,５％', THADS, { values: { thads_viec: 83.5 } }],
    ['việc 83,5% tiền 46,2%\r\nnhà 2\r\n', THADS, { values: { ...VT, ho_ngheo_nha: 2 } }],
  ];
  it.each(cases)('%s', (text, specs, expected) => {
    expect(parsed(text, specs)).toEqual(full(expected));
  });
});

describe('parseFigures — context numbers are not values', () => {
  const cases: [string, readonly IndicatorSpec[], Expected][] = [
    ['Báo cáo 6 tháng năm 2026: việc 83,5%, tiền 46,2%, tăng 2,1% so với cùng kỳ', THADS, { values: VT }],
    ['Ngày 15/7 gửi số liệu: việc 83,5%', THADS, { values: { thads_viec: 83.5 } }],
    ['Theo Báo cáo số 123/BC-THADS: tiền 46,2%', THADS, { values: { thads_tien: 46.2 } }],
    ['Báo cáo số 45 ngày 10/7/2026 của Cục: việc 83%', THADS, { values: { thads_viec: 83 } }],
    ['việc 83,5% (chỉ tiêu 82,5%)', THADS, { values: { thads_viec: 83.5 } }],
    ['giai đoạn 2023 - 2025 hỗ trợ 2 nhà', THADS, { values: { ho_ngheo_nha: 2 } }],
    ['năm trước 80%, năm nay việc 83,5%', THADS, { values: { thads_viec: 83.5 } }],
    ['việc 83,5% lúc 8:30', THADS, { values: { thads_viec: 83.5 } }],
    ['Quý 2 năm 2026, hòa giải thành 85%', STP, { values: { hoa_giai_thanh: 85 } }],
    ['51/63 thôn có tổ hòa giải', STP, {}],
    ['Đợt 1: LĐTT 20', DKTD, { values: { dk_ldtt: 20 } }],
    ['việc 83,5% tăng 2,1% so với cùng kỳ năm trước', THADS, { values: { thads_viec: 83.5 } }],
    ['Kế hoạch 41/QĐ-BTP: HGV 100%', STP, { values: { hoa_giai_vien: 100 } }],
    ['liên hệ 0912345678, việc 83,5%', THADS, { values: { thads_viec: 83.5 } }],
    ['về việc: đạt 83,5% (vượt 1% chỉ tiêu)', THADS, { values: { thads_viec: 83.5 } }],
    ['việc 83,5 % tiền 46,2 % (so với cùng kỳ tăng 2 %)', THADS, { values: VT }],
    [
      'Kết quả THADS 6 tháng đầu năm 2026 như sau:\n- Về việc: 83,5%\n- Về tiền: 46,2%',
      THADS,
      { values: VT },
    ],
  ];
  it.each(cases)('%s', (text, specs, expected) => {
    expect(parsed(text, specs)).toEqual(full(expected));
  });
});

describe('parseFigures — refusals', () => {
  const cases: [string, readonly IndicatorSpec[], Expected][] = [
    [
      'việc 120%',
      THADS,
      { invalid: [{ code: 'thads_viec', raw: '120%', value: 120, reason: 'percent_over_100' }] },
    ],
    [
      'hòa giải thành 100,5%',
      STP,
      {
        invalid: [{ code: 'hoa_giai_thanh', raw: '100,5%', value: 100.5, reason: 'percent_over_100' }],
      },
    ],
    ['tiền -5%', THADS, { invalid: [{ code: 'thads_tien', raw: '-5%', value: -5, reason: 'negative' }] }],
    ['xã nghèo -1', THADS, { invalid: [{ code: 'xa_ngheo', raw: '-1', value: -1, reason: 'negative' }] }],
    [
      '2,5 nhà',
      THADS,
      { invalid: [{ code: 'ho_ngheo_nha', raw: '2,5', value: 2.5, reason: 'not_integer' }] },
    ],
    [
      'nhà 2.5',
      THADS,
      { invalid: [{ code: 'ho_ngheo_nha', raw: '2.5', value: 2.5, reason: 'not_integer' }] },
    ],
    [
      'khai tử tăng 150%',
      STP,
      {
        invalid: [{ code: 'khai_tu_tang', raw: '150%', value: 150, reason: 'percent_over_100' }],
      },
    ],
    [
      'khai tử: -120%',
      STP,
      {
        invalid: [{ code: 'khai_tu_tang', raw: '-120%', value: -120, reason: 'below_min' }],
      },
    ],
    ['ủng hộ 1,5', THADS, { invalid: [{ code: 'ung_ho', raw: '1,5', value: 1.5, reason: 'not_integer' }] }],
    [
      'việc 120%, tiền 46,2%',
      THADS,
      {
        values: { thads_tien: 46.2 },
        invalid: [{ code: 'thads_viec', raw: '120%', value: 120, reason: 'percent_over_100' }],
      },
    ],
  ];
  it.each(cases)('%s', (text, specs, expected) => {
    expect(parsed(text, specs)).toEqual(full(expected));
  });
});

describe('parseFigures — ambiguity: every reading valid for the indicator is a candidate', () => {
  const cases: [string, readonly IndicatorSpec[], Expected][] = [
    // 1,234 tỷ: 1 234 000 000 (decimal comma) or 1 234 000 000 000 (thousands comma) — both whole đồng.
    [
      'ủng hộ 1,234 tỷ',
      THADS,
      {
        ambiguous: [{ code: 'ung_ho', raw: '1,234 tỷ', candidates: [1_234_000_000, 1_234_000_000_000] }],
      },
    ],
    [
      'ủng hộ 2.500 triệu',
      THADS,
      {
        ambiguous: [{ code: 'ung_ho', raw: '2.500 triệu', candidates: [2_500_000, 2_500_000_000] }],
      },
    ],
    // Without a money word the amount is in đồng, and only the thousands reading is whole đồng.
    ['ủng hộ 1.234', THADS, { values: { ung_ho: 1234 } }],
    ['ủng hộ 1,234', THADS, { values: { ung_ho: 1234 } }],
    ['ủng hộ 500.000', THADS, { values: { ung_ho: 500_000 } }],
    // A count is whole: 1.234 houses can only be 1234.
    ['nhà 1.234', THADS, { values: { ho_ngheo_nha: 1234 } }],
    ['xã nghèo 1.000', THADS, { values: { xa_ngheo: 1000 } }],
    // A percent is at most 100: 1.234 % can only be 1,234 %.
    ['việc 1.234%', THADS, { values: { thads_viec: 1.234 } }],
    ['việc 82,500%', THADS, { values: { thads_viec: 82.5 } }],
    [
      'việc 1,234,567 tiền 2.500.000,5',
      THADS,
      {
        invalid: [
          { code: 'thads_viec', raw: '1,234,567', value: 1_234_567, reason: 'percent_over_100' },
          { code: 'thads_tien', raw: '2.500.000,5', value: 2_500_000.5, reason: 'percent_over_100' },
        ],
      },
    ],
  ];
  it.each(cases)('%s', (text, specs, expected) => {
    expect(parsed(text, specs)).toEqual(full(expected));
  });

  it('reports an ambiguous percent when its maximum allows both readings', () => {
    const big: IndicatorSpec = {
      code: 'luot',
      labelVi: 'Lượt tuyên truyền',
      labelEn: 'Outreach sessions',
      synonyms: ['tuyên truyền'],
      kind: 'percent',
      min: 0,
      max: 100_000,
    };
    expect(parsed('tuyên truyền 1.234', [big])).toEqual(
      full({ ambiguous: [{ code: 'luot', raw: '1.234', candidates: [1.234, 1234] }] }),
    );
  });
});

describe('parseFigures — unused, duplicates', () => {
  const viec = pick(['thads_viec']);
  const money = pick(['ung_ho']);
  const cases: [string, readonly IndicatorSpec[], Expected][] = [
    ['83,5', viec, { unused: [{ raw: '83,5', value: 83.5, fits: ['thads_viec'] }] }],
    [
      'được 85% ạ',
      pick(['hoa_giai_thanh']),
      { unused: [{ raw: '85%', value: 85, fits: ['hoa_giai_thanh'] }] },
    ],
    ['350 triệu', money, { unused: [{ raw: '350 triệu', value: 350_000_000, fits: ['ung_ho'] }] }],
    ['1.234', money, { unused: [{ raw: '1.234', value: 1234, fits: ['ung_ho'] }] }],
    [
      'việc 83,5% 46,2%',
      THADS,
      {
        values: { thads_viec: 83.5 },
        // Not given yet first: the rate on money is the likeliest.
        unused: [
          {
            raw: '46,2%',
            value: 46.2,
            fits: ['thads_tien', 'thads_giam_viec', 'thads_giam_tien', 'thads_viec'],
          },
        ],
      },
    ],
    // Issue 22: `giảm` on an indicator that may be negative (a growth rate) is a negative value.
    ['khai tử giảm 2%', STP, { values: { khai_tu_tang: -2 } }],
    [
      'nhà 2%',
      THADS,
      {
        unused: [
          { raw: '2%', value: 2, fits: ['thads_viec', 'thads_tien', 'thads_giam_viec', 'thads_giam_tien'] },
        ],
      },
    ],
    ['việc 83,5% ... à nhầm, việc 84%', THADS, { values: { thads_viec: 84 }, duplicates: ['thads_viec'] }],
    ['việc 83,5%\nviệc 83,5%', THADS, { values: { thads_viec: 83.5 } }],
    ['Việc tiền', THADS, {}],
    ['', THADS, {}],
  ];
  it.each(cases)('%s', (text, specs, expected) => {
    expect(parsed(text, specs)).toEqual(full(expected));
  });
});

describe('parseFigures — labels are data', () => {
  const custom: IndicatorSpec[] = [
    {
      code: 'tuyen_truyen',
      labelVi: 'Số cuộc tuyên truyền',
      labelEn: 'Outreach sessions',
      synonyms: ['tuyên truyền', 'PBGDPL'],
      kind: 'count',
    },
    {
      code: 'phat_dong',
      labelVi: 'Đã phát động phong trào',
      labelEn: 'Launched',
      synonyms: ['phát động'],
      kind: 'boolean',
    },
    { code: 'ghi_chu', labelVi: 'Ghi chú', labelEn: 'Note', synonyms: [], kind: 'text' },
  ];

  it.each([
    ['tuyên truyền 12 cuộc', { values: { tuyen_truyen: 12 } }],
    ['PBGDPL: 7', { values: { tuyen_truyen: 7 } }],
    ['phát động: rồi, tuyên truyền 3', { values: { phat_dong: 1, tuyen_truyen: 3 } }],
    ['phát động chưa', { values: { phat_dong: 0 } }],
    ['ghi chú 5 xã khó khăn; tuyên truyền 4', { values: { tuyen_truyen: 4 } }],
  ] as [string, Expected][])('%s', (text, expected) => {
    expect(parsed(text, custom)).toEqual(full(expected));
  });

  it('knows no label by itself', () => {
    expect(parsed('việc 83,5% tiền 46,2%', custom)).toEqual(
      full({
        unused: [
          { raw: '83,5%', value: 83.5, fits: [] },
          { raw: '46,2%', value: 46.2, fits: [] },
        ],
      }),
    );
  });

  it('ignores a phrase two indicators both claim', () => {
    const clash: IndicatorSpec[] = [
      { code: 'a', labelVi: 'Chỉ số A', labelEn: 'A', synonyms: ['kết quả'], kind: 'count' },
      { code: 'b', labelVi: 'Chỉ số B', labelEn: 'B', synonyms: ['Kết Quả'], kind: 'count' },
    ];
    expect(parsed('kết quả 5', clash)).toEqual(full({ unused: [{ raw: '5', value: 5, fits: ['a', 'b'] }] }));
  });
});

describe('parseFigures — length cap and robustness', () => {
  it('reads only the first maxLength characters and says so', () => {
    const text = `việc 83,5% ${'xin chào '.repeat(400)} tiền 46,2%`;
    const result = parseFigures(text, THADS);
    expect(result.truncated).toBe(true);
    expect(result.values).toEqual({ thads_viec: 83.5 });
  });

  it('never keeps half a number at the cut', () => {
    const result = parseFigures('việc 83,5% tiền 46,25%', THADS, { maxLength: 20 });
    expect(result).toEqual({ ...full({ values: { thads_viec: 83.5 } }), truncated: true });
  });

  const random = (seed: number) => {
    let x = seed;
    return () => {
      x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
      return x / 2_147_483_648;
    };
  };

  it('does not throw on random Unicode', () => {
    const next = random(42);
    for (let n = 0; n < 300; n++) {
      const length = Math.floor(next() * 400);
      let s = '';
      for (let i = 0; i < length; i++) {
        const r = next();
        if (r < 0.3) s += String.fromCharCode(Math.floor(next() * 0x10000));
        else if (r < 0.6) s += '0123456789.,%-/: '[Math.floor(next() * 17)];
        else
          s += ['việc', 'tiền', 'tỷ', 'triệu', 'k', 'đ', '\n', 'năm', 'so với', '🎉', '\u0301'][
            Math.floor(next() * 11)
          ];
      }
      expect(() => parseFigures(s, [...THADS, ...STP, ...DKTD])).not.toThrow();
    }
  });

  it.each([
    ['100k characters', `việc 83,5% ${'a1.2,3 '.repeat(15_000)}`],
    ['1 MB', 'x'.repeat(1_000_000)],
    ['control characters', 'việc\u0000\u0007\u001b[31m 83,5%\u0008\u007f\u200b\ufeff'],
    ['lone surrogates', '\ud800việc\udfff 83,5%\ud83d'],
    ['only punctuation', '.,;:%/-=()+'.repeat(50)],
    ['a thousand digits', `nhà ${'9'.repeat(1000)}`],
    ['repeated labels', 'việc '.repeat(500)],
    ['combining marks only', '\u0301\u0323'.repeat(5000)],
    ['bad number shapes', 'việc 1.2.3 tiền 12.34,5 nhà 1,2.3,4'],
  ])('does not throw on %s', (_name, text) => {
    expect(() => parseFigures(text, [...THADS, ...STP, ...DKTD])).not.toThrow();
    const result = parseFigures(text, [...THADS, ...STP, ...DKTD]);
    for (const v of Object.values(result.values)) expect(Number.isFinite(v)).toBe(true);
  });

  it('tolerates missing or odd arguments', () => {
    const empty = { ...full({}), truncated: false };
    expect(parseFigures(undefined as unknown as string, THADS)).toEqual(empty);
    expect(parseFigures('việc 83,5%', null as unknown as IndicatorSpec[])).toEqual({
      ...full({ unused: [{ raw: '83,5%', value: 83.5, fits: [] }] }),
      truncated: false,
    });
    expect(parseFigures('việc 83,5%', THADS, { maxLength: Number.NaN }).values).toEqual({ thads_viec: 83.5 });
  });
});

describe('readNumberToken', () => {
  it.each([
    ['83', [83]],
    ['83,5', [83.5]],
    ['83.5', [83.5]],
    ['0,125', [0.125]],
    ['1.234', [1.234, 1234]],
    ['1,234', [1.234, 1234]],
    ['1234,567', [1234.567]],
    ['2.500.000', [2_500_000]],
    ['1,234,567', [1_234_567]],
    ['2.500.000,5', [2_500_000.5]],
    ['1,234.5', [1234.5]],
    ['1.2.3', []],
    ['12.34,5', []],
  ])('%s', (token, values) => {
    expect(readNumberToken(token).map((r) => Number(`${r.int}.${r.frac || '0'}`))).toEqual(values);
  });
});

describe('validateValue', () => {
  it.each([
    [83.5, 'percent', {}, null],
    [100.01, 'percent', {}, 'percent_over_100'],
    [-1, 'percent', {}, 'negative'],
    [-1, 'percent', { min: -100, max: 100 }, null],
    [-101, 'percent', { min: -100, max: 100 }, 'below_min'],
    [95, 'percent', { max: 90 }, 'above_max'],
    [2.5, 'count', {}, 'not_integer'],
    [-3, 'count', {}, 'negative'],
    [3, 'count', { min: 5 }, 'below_min'],
    [10, 'count', { max: 5 }, 'above_max'],
    [1.5, 'money', {}, 'not_integer'],
    [Number.POSITIVE_INFINITY, 'count', {}, 'above_max'],
  ] as const)('%s %s %o → %s', (value, kind, bounds, reason) => {
    expect(validateValue(value, { kind, ...bounds })).toBe(reason);
  });
});

describe('formatValue', () => {
  it.each([
    [83.5, 'percent', 'vi', '83,5 %'],
    [83.5, 'percent', 'en', '83.5%'],
    [100, 'percent', 'vi', '100 %'],
    [-2, 'percent', 'vi', '-2 %'],
    [1.234, 'percent', 'en', '1.234%'],
    [2_500_000, 'money', 'vi', '2.500.000 đồng'],
    [2_500_000, 'money', 'en', '2,500,000 VND'],
    [1_234_000_000_000, 'money', 'vi', '1.234.000.000.000 đồng'],
    [1234, 'count', 'vi', '1.234'],
    [1234, 'count', 'en', '1,234'],
    [0, 'count', 'vi', '0'],
    [1, 'boolean', 'vi', 'có'],
    [0, 'boolean', 'en', 'no'],
  ] as const)('%s %s %s → %s', (value, kind, locale, text) => {
    expect(formatValue(value, kind, locale)).toBe(text);
  });
});

describe('normalizeText', () => {
  it.each([
    ['Hoà giải  THÀNH!', 'hoa giai thanh'],
    ['HÒA GIẢI THÀNH'.normalize('NFD'), 'hoa giai thanh'],
    ['Đồng\u00a0chí', 'dong chi'],
    ['CSTĐ Bộ, ngành', 'cstd bo nganh'],
    ['dưới 05 tuổi', 'duoi 5 tuoi'],
  ])('%s → %s', (text, normal) => {
    expect(normalizeText(text)).toBe(normal);
  });
});
