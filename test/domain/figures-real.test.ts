/**
 * Issue 22: messages as focal points of a Cục THADS, a Sở Tư pháp and a ministry department
 * type them — greetings and thanks around the figures, headings that scope the labels after
 * them, `giảm`, money compounds, `phần trăm` in words, dates and years, Zalo-style lists,
 * abbreviations, no accents. Every number is a value, context, refused, ambiguous, or unused
 * with the indicators it could be for: each row states all of them. The bar: no wrong value;
 * where the parser is unsure, the number is unused (the dialog asks).
 */
import { describe, expect, it } from 'vitest';
import { duties } from '../../prisma/seed/duties.js';
import { indicators } from '../../prisma/seed/indicators.js';
import { type IndicatorSpec, type ParseResult, parseFigures } from '../../src/domain/figures/index.js';

/** The indicators a duty asks of a unit type, in the duty's order, as seeded. */
function asked(duty: string, unitType: string): IndicatorSpec[] {
  const codes =
    duties.find((d) => d.code === duty)?.indicators.find((i) => i.unitType === unitType)?.codes ?? [];
  const specs = codes.map((code) => indicators.find((i) => i.code === code));
  expect(specs.every((s) => s !== undefined)).toBe(true);
  return specs as IndicatorSpec[];
}

const THADS = asked('BC6T', 'CUC_THADS');
const STP = asked('BC6T', 'SO_TU_PHAP');
const DEPT = asked('DKTD', 'MINISTRY_DEPT');

/** An unused number: as typed, its value, the indicators it fits (likeliest first). */
type Unused = [raw: string, value: number, fits: string[]];

interface Expected {
  values?: Record<string, number>;
  unused?: Unused[];
  invalid?: ParseResult['invalid'];
  ambiguous?: ParseResult['ambiguous'];
  duplicates?: string[];
}

function expectRead(text: string, specs: readonly IndicatorSpec[], expected: Expected): void {
  const r = parseFigures(text, specs);
  expect({
    values: r.values,
    unused: r.unused.map((u): Unused => [u.raw, u.value, u.fits]),
    invalid: r.invalid,
    ambiguous: r.ambiguous,
    duplicates: r.duplicates,
    truncated: r.truncated,
  }).toEqual({
    values: expected.values ?? {},
    unused: expected.unused ?? [],
    invalid: expected.invalid ?? [],
    ambiguous: expected.ambiguous ?? [],
    duplicates: expected.duplicates ?? [],
    truncated: false,
  });
}

/** The seven THADS figures as two of the messages below give them. */
const ALL_SEVEN = {
  thads_viec: 83.5,
  thads_tien: 46.2,
  thads_giam_viec: 9,
  thads_giam_tien: 7,
  ho_ngheo_nha: 2,
  xa_ngheo: 1,
  ung_ho: 1_200_000_000,
};

const THADS_MESSAGES: [string, Expected][] = [
  [
    'Kính gửi anh, đơn vị báo cáo: việc 83,5%, tiền 46,2%, trân trọng cảm ơn',
    { values: { thads_viec: 83.5, thads_tien: 46.2 } },
  ],
  [
    'Dạ em chào anh ạ. Cục THADS tỉnh báo cáo 6 tháng đầu năm 2026: tỷ lệ về việc 84,2%, về tiền 47,1%. Em cảm ơn anh!',
    { values: { thads_viec: 84.2, thads_tien: 47.1 } },
  ],
  [
    'Chào anh, chúc anh 1 ngày tốt lành. Việc 83,5%, tiền 46,2% ạ',
    { values: { thads_viec: 83.5, thads_tien: 46.2 } },
  ],
  ['Em gửi lúc 8h30: việc 83,5%', { values: { thads_viec: 83.5 } }],
  ['việc 83,5%, tiền 46,2%, sđt em 0912 345 678', { values: { thads_viec: 83.5, thads_tien: 46.2 } }],
  ['gửi anh 2 chỉ tiêu: việc 83,5%, tiền 46,2%', { values: { thads_viec: 83.5, thads_tien: 46.2 } }],
  [
    'việc: 83,5%, tiền: 46,2% — còn 2 chỉ tiêu em gửi sau',
    { values: { thads_viec: 83.5, thads_tien: 46.2 } },
  ],
  ['Cục có 12 Chi cục, việc 83,5%, tiền 46,2%', { values: { thads_viec: 83.5, thads_tien: 46.2 } }],
  // The heading scopes the labels after it: the reduction, not the completion rate.
  ['giảm án chuyển kỳ sau: 9% về việc, 7% về tiền', { values: { thads_giam_viec: 9, thads_giam_tien: 7 } }],
  // Opening and closing words shared by a list of like figures.
  ['giảm 9% số việc và 7% số tiền chuyển kỳ sau', { values: { thads_giam_viec: 9, thads_giam_tien: 7 } }],
  ['Số việc chuyển kỳ sau giảm 9,5%', { values: { thads_giam_viec: 9.5 } }],
  ['Số tiền chuyển kỳ sau giảm 6,8%', { values: { thads_giam_tien: 6.8 } }],
  [
    'Giảm án chuyển kỳ sau:\n- về việc: 9%\n- về tiền: 7%',
    { values: { thads_giam_viec: 9, thads_giam_tien: 7 } },
  ],
  [
    'Tỷ lệ giảm án chuyển kỳ sau:\n- việc 9%\n- tiền 7%',
    { values: { thads_giam_viec: 9, thads_giam_tien: 7 } },
  ],
  [
    'Giảm án chuyển kỳ sau:\nviệc 9%\ntiền 7%\n\nnhà 2',
    { values: { thads_giam_viec: 9, thads_giam_tien: 7, ho_ngheo_nha: 2 } },
  ],
  [
    'Kết quả thi hành án:\n- về việc: 83,5%\n- về tiền: 46,2%',
    { values: { thads_viec: 83.5, thads_tien: 46.2 } },
  ],
  [
    'Kết quả THA 6 tháng:\n+ Việc: 83,5%\n+ Tiền: 46,2%\nGiảm án chuyển kỳ sau:\n+ Việc: 8,5%\n+ Tiền: 6,5%',
    { values: { thads_viec: 83.5, thads_tien: 46.2, thads_giam_viec: 8.5, thads_giam_tien: 6.5 } },
  ],
  // Only the previous label says `giảm án chuyển kỳ sau`: it may not carry over, so ask.
  [
    'Báo cáo kết quả 6 tháng: về việc 83,5%, về tiền 46,2%; giảm án chuyển kỳ sau về việc 9%, về tiền 7%',
    {
      values: { thads_viec: 83.5, thads_tien: 46.2, thads_giam_viec: 9 },
      unused: [['7%', 7, ['thads_giam_tien', 'thads_tien', 'thads_viec', 'thads_giam_viec']]],
    },
  ],
  // The same: `tiền` after a reduction could be either.
  [
    'giảm việc chuyển kỳ sau 9%, tiền 46,2%',
    {
      values: { thads_giam_viec: 9 },
      unused: [['46,2%', 46.2, ['thads_giam_tien', 'thads_tien', 'thads_viec', 'thads_giam_viec']]],
    },
  ],
  [
    'việc 83,5%; tiền 46,2%; giảm: việc 9%, tiền 7%',
    {
      values: { thads_viec: 83.5, thads_tien: 46.2 },
      unused: [
        ['9%', 9, ['thads_giam_viec', 'thads_viec', 'thads_giam_tien', 'thads_tien']],
        ['7%', 7, ['thads_giam_tien', 'thads_tien', 'thads_giam_viec', 'thads_viec']],
      ],
    },
  ],
  [
    'việc 83,5% tiền 46,2% giảm 9% chuyển kỳ sau',
    {
      values: { thads_viec: 83.5, thads_tien: 46.2 },
      unused: [['giảm 9%', 9, ['thads_giam_viec', 'thads_giam_tien', 'thads_viec', 'thads_tien']]],
    },
  ],
  // A rate cannot be negative and `giảm việc` adds one word only: ask.
  [
    'việc giảm 2%',
    { unused: [['giảm 2%', 2, ['thads_giam_viec', 'thads_viec', 'thads_giam_tien', 'thads_tien']]] },
  ],
  [
    'giảm 9% về việc',
    { unused: [['giảm 9%', 9, ['thads_giam_viec', 'thads_viec', 'thads_giam_tien', 'thads_tien']]] },
  ],
  // All of `giảm việc chuyển kỳ sau` but `giảm`: ask.
  [
    'việc chuyển kỳ sau 9%',
    { unused: [['9%', 9, ['thads_giam_viec', 'thads_viec', 'thads_giam_tien', 'thads_tien']]] },
  ],
  [
    'việc 83,5% giảm so với cùng kỳ, tiền 46,2% tăng 1,2% so với cùng kỳ',
    { values: { thads_viec: 83.5, thads_tien: 46.2 } },
  ],
  // The message writes labels first: `tiền` takes 46,2%, the change is asked about.
  [
    'việc 83,5% tăng 2,1% tiền 46,2%',
    {
      values: { thads_viec: 83.5, thads_tien: 46.2 },
      unused: [['tăng 2,1%', 2.1, ['thads_giam_viec', 'thads_giam_tien', 'thads_viec', 'thads_tien']]],
    },
  ],
  ['việc 83,5%, giảm 2% so với cùng kỳ', { values: { thads_viec: 83.5 } }],
  [
    'việc 83,5% tiền 46,2% (so với cùng kỳ năm 2025 tăng 2,1% về việc)',
    { values: { thads_viec: 83.5, thads_tien: 46.2 } },
  ],
  // No number disappears: the money is named back with the one indicator it fits.
  ['nhà 15 căn, 350tr', { values: { ho_ngheo_nha: 15 }, unused: [['350tr', 350_000_000, ['ung_ho']]] }],
  ['ung ho 2tr5', { values: { ung_ho: 2_500_000 } }],
  ['tiền ủng hộ 350tr, hỗ trợ xây 2 nhà đại đoàn kết', { values: { ung_ho: 350_000_000, ho_ngheo_nha: 2 } }],
  [
    'nha 3 can, xa ngheo 1, ung ho 200 trieu',
    { values: { ho_ngheo_nha: 3, xa_ngheo: 1, ung_ho: 200_000_000 } },
  ],
  [
    'việc 83,5%, tiền 46,2%, 2 nhà, 15tr',
    {
      values: { thads_viec: 83.5, thads_tien: 46.2, ho_ngheo_nha: 2 },
      unused: [['15tr', 15_000_000, ['ung_ho']]],
    },
  ],
  [
    'nhà 2 căn trị giá 120 triệu',
    { values: { ho_ngheo_nha: 2 }, unused: [['120 triệu', 120_000_000, ['ung_ho']]] },
  ],
  [
    'hỗ trợ 2 hộ nghèo xây nhà, 1 xã nghèo, quyên góp 35.000.000đ',
    { values: { ho_ngheo_nha: 2, xa_ngheo: 1, ung_ho: 35_000_000 } },
  ],
  ['ủng hộ quỹ vì người nghèo 12.500.000đ', { values: { ung_ho: 12_500_000 } }],
  ['ủng hộ 1.5 tỷ', { values: { ung_ho: 1_500_000_000 } }],
  [
    'thu được 1.200 tỷ đồng, tiền 46,2%',
    { values: { thads_tien: 46.2 }, unused: [['1.200 tỷ đồng', 1_200_000_000_000, []]] },
  ],
  ['viec 83,5 phan tram, tien 46,2 phan tram', { values: { thads_viec: 83.5, thads_tien: 46.2 } }],
  ['83,5 phần trăm về việc, 46,2 phần trăm về tiền', { values: { thads_viec: 83.5, thads_tien: 46.2 } }],
  ['Đạt 83,5% về việc và 46,2% về tiền ạ', { values: { thads_viec: 83.5, thads_tien: 46.2 } }],
  [
    'Ngày 10/7/2026 Cục gửi: việc 83,5%; tiền 46,2%; nhà 3; xã 1; ủng hộ 150 triệu',
    { values: { thads_viec: 83.5, thads_tien: 46.2, ho_ngheo_nha: 3, xa_ngheo: 1, ung_ho: 150_000_000 } },
  ],
  [
    'Theo Báo cáo số 215/BC-CTHADS ngày 12/7/2026: về việc 85,1%, về tiền 48,3%',
    { values: { thads_viec: 85.1, thads_tien: 48.3 } },
  ],
  ['hạn 15/7 nên em gửi trước: việc 83%, tiền 46%', { values: { thads_viec: 83, thads_tien: 46 } }],
  [
    '1. Về việc: 83,5%\n2. Về tiền: 46,2%\n3. Giảm việc chuyển kỳ sau: 9%\n4. Giảm tiền chuyển kỳ sau: 7%\n5. Nhà ĐĐK: 2 căn\n6. Xã nghèo: 1\n7. Ủng hộ: 1 tỷ 2',
    { values: ALL_SEVEN },
  ],
  [
    'Xin gửi số liệu năm 2026: viec 85%, tien 50%, năm trước 80%',
    { values: { thads_viec: 85, thads_tien: 50 } },
  ],
  [
    'Chỉ tiêu giao 82,5% về việc, thực hiện đạt 84%',
    { unused: [['84%', 84, ['thads_viec', 'thads_giam_viec', 'thads_tien', 'thads_giam_tien']]] },
  ],
  // `chỉ tiêu` over figures may mean the target or just "indicator": ask.
  [
    'Chỉ tiêu: việc 82,5%, tiền 45,5%. Kết quả: việc 84%, tiền 47%',
    {
      values: { thads_viec: 84, thads_tien: 47 },
      unused: [
        ['82,5%', 82.5, ['thads_viec', 'thads_giam_viec', 'thads_giam_tien', 'thads_tien']],
        ['45,5%', 45.5, ['thads_tien', 'thads_giam_viec', 'thads_giam_tien', 'thads_viec']],
      ],
    },
  ],
  // Last year's figure is context.
  ['Năm trước việc đạt 80%, năm nay việc đạt 83,5%', { values: { thads_viec: 83.5 } }],
  [
    'Tổng số việc phải thi hành 12.345 việc, thi hành xong 10.308 việc, đạt 83,5%',
    {
      unused: [
        [
          '12.345',
          12_345,
          [
            'thads_viec',
            'thads_tien',
            'thads_giam_viec',
            'thads_giam_tien',
            'ho_ngheo_nha',
            'xa_ngheo',
            'ung_ho',
          ],
        ],
        [
          '10.308',
          10_308,
          [
            'thads_viec',
            'thads_tien',
            'thads_giam_viec',
            'thads_giam_tien',
            'ho_ngheo_nha',
            'xa_ngheo',
            'ung_ho',
          ],
        ],
        ['83,5%', 83.5, ['thads_viec', 'thads_giam_viec', 'thads_tien', 'thads_giam_tien']],
      ],
    },
  ],
  [
    'về tiền: 46,2%, về việc 83,5%, giảm việc 9,1%, giảm tiền 6,4%, xây 2 nhà, giúp 1 xã, ủng hộ 150tr',
    {
      values: {
        thads_tien: 46.2,
        thads_viec: 83.5,
        thads_giam_viec: 9.1,
        thads_giam_tien: 6.4,
        ho_ngheo_nha: 2,
        xa_ngheo: 1,
        ung_ho: 150_000_000,
      },
    },
  ],
  [
    'việc 83,5 tiền 46,2 giảm việc 9 giảm tiền 7 nhà 2 xã 1 ủng hộ 100 triệu',
    {
      values: {
        thads_viec: 83.5,
        thads_tien: 46.2,
        thads_giam_viec: 9,
        thads_giam_tien: 7,
        ho_ngheo_nha: 2,
        xa_ngheo: 1,
        ung_ho: 100_000_000,
      },
    },
  ],
  ['viec 83.5 tien 46.2', { values: { thads_viec: 83.5, thads_tien: 46.2 } }],
  [
    'việc: 120%, tiền 46,2%',
    {
      values: { thads_tien: 46.2 },
      invalid: [{ code: 'thads_viec', raw: '120%', value: 120, reason: 'percent_over_100' }],
    },
  ],
  [
    'Kết quả:\nviệc 83,5%\ntiền 46,2%\nnhà 2',
    { values: { thads_viec: 83.5, thads_tien: 46.2, ho_ngheo_nha: 2 } },
  ],
  ['Giảm án chuyển kỳ sau: việc 9%, số tiền 7%', { values: { thads_giam_viec: 9, thads_giam_tien: 7 } }],
  [
    'Kết quả giảm án chuyển kỳ sau năm nay: 9% về việc, 7% về tiền',
    { values: { thads_giam_viec: 9, thads_giam_tien: 7 } },
  ],
  [
    'tỷ lệ giảm: việc 9%',
    { unused: [['9%', 9, ['thads_giam_viec', 'thads_viec', 'thads_tien', 'thads_giam_tien']]] },
  ],
  [
    'Kết quả giảm án:\n- việc 9%\n- tiền 7%',
    {
      unused: [
        ['9%', 9, ['thads_giam_viec', 'thads_viec', 'thads_giam_tien', 'thads_tien']],
        ['7%', 7, ['thads_giam_tien', 'thads_tien', 'thads_giam_viec', 'thads_viec']],
      ],
    },
  ],
  ['Ủng hộ người nghèo: tiền 50 triệu', { unused: [['50 triệu', 50_000_000, ['ung_ho']]] }],
  [
    'Kg anh, Cuc THADS gui so lieu: viec 84,3% tien 45,9%. Tran trong',
    { values: { thads_viec: 84.3, thads_tien: 45.9 } },
  ],
  [
    'viec dat 83,5%, tien dat 46,2%, giam viec 9%, giam tien 7%, nha 2, xa 1, ung ho 1ty2',
    { values: ALL_SEVEN },
  ],
  [
    'Số liệu ạ:\nViệc 83,5%\nTiền 46,2%\nNhà 2 căn\nXã 1\nỦng hộ 2tr5',
    { values: { thads_viec: 83.5, thads_tien: 46.2, ho_ngheo_nha: 2, xa_ngheo: 1, ung_ho: 2_500_000 } },
  ],
  ['Báo cáo 6T/2026: việc 83,5% tiền 46,2%', { values: { thads_viec: 83.5, thads_tien: 46.2 } }],
  [
    'Em xin báo cáo nhanh: thi hành xong về việc 82,9% và về tiền 45,8%',
    { values: { thads_viec: 82.9, thads_tien: 45.8 } },
  ],
  [
    'Về việc 83,5% (vượt 1% so với chỉ tiêu), về tiền 46,2%',
    { values: { thads_viec: 83.5, thads_tien: 46.2 } },
  ],
  ['việc 83,5 nha, tiền 46,2 nha anh', { values: { thads_viec: 83.5, thads_tien: 46.2 } }],
  ['Thi hành xong: việc 83,5%; tiền 46,2%', { values: { thads_viec: 83.5, thads_tien: 46.2 } }],
  [
    '6 tháng đầu năm 2026, Cục thi hành xong 83,5% về việc và 46,2% về tiền',
    { values: { thads_viec: 83.5, thads_tien: 46.2 } },
  ],
  ['ủng hộ 3 tỷ 450 triệu 500 nghìn', { values: { ung_ho: 3_450_500_000 } }],
  ['Quyên góp ủng hộ người nghèo 12 triệu 500 nghìn đồng', { values: { ung_ho: 12_500_000 } }],
  ['Giúp đỡ xã nghèo: 2 xã; hỗ trợ làm nhà: 5 căn', { values: { xa_ngheo: 2, ho_ngheo_nha: 5 } }],
  ['Em gửi: ủng hộ 1 tỷ 200 triệu đồng ạ', { values: { ung_ho: 1_200_000_000 } }],
];

const STP_MESSAGES: [string, Expected][] = [
  [
    'Kính gửi Vụ TĐKT, Sở Tư pháp báo cáo: hòa giải thành 86,4%, hòa giải viên được bồi dưỡng 100%, thôn có tổ hòa giải 100%. Trân trọng!',
    { values: { hoa_giai_thanh: 86.4, hoa_giai_vien: 100, to_hoa_giai: 100 } },
  ],
  // A growth rate may be negative.
  ['đăng ký khai tử giảm 1,5%', { values: { khai_tu_tang: -1.5 } }],
  ['tỷ lệ đăng ký khai tử giảm 1,5% so với năm 2025', { values: { khai_tu_tang: -1.5 } }],
  ['khai tử tăng 3,2% so với cùng kỳ', { values: { khai_tu_tang: 3.2 } }],
  ['ĐK khai tử: giảm 0,8%', { values: { khai_tu_tang: -0.8 } }],
  ['giảm khai tử 1,5%', { values: { khai_tu_tang: -1.5 } }],
  ['khai tu giam 2 phan tram', { values: { khai_tu_tang: -2 } }],
  ['khai tử 1,5% giảm so với năm trước', { values: { khai_tu_tang: -1.5 } }],
  [
    'khai tử giảm 150%',
    { invalid: [{ code: 'khai_tu_tang', raw: '150%', value: -150, reason: 'below_min' }] },
  ],
  // A success rate cannot be negative: ask.
  [
    'hòa giải thành giảm 2%',
    {
      unused: [['giảm 2%', 2, ['hoa_giai_thanh', 'khai_tu_tang', 'hoa_giai_vien', 'to_hoa_giai', 'vbqppl']]],
    },
  ],
  [
    'giảm 1,5%',
    {
      unused: [
        ['giảm 1,5%', 1.5, ['khai_tu_tang', 'hoa_giai_thanh', 'hoa_giai_vien', 'to_hoa_giai', 'vbqppl']],
      ],
    },
  ],
  [
    'Hòa giải:\n- thành công 85%\n- hòa giải viên được tập huấn 98%',
    {
      values: { hoa_giai_vien: 98 },
      unused: [['85%', 85, ['hoa_giai_thanh', 'to_hoa_giai', 'hoa_giai_vien', 'vbqppl', 'khai_tu_tang']]],
    },
  ],
  ['trẻ em dưới 5 tuổi chưa đăng ký khai sinh: 12 trẻ', { values: { khai_sinh_chua: 12 } }],
  ['trẻ dưới 5 tuổi chưa ĐKKS 0', { values: { khai_sinh_chua: 0 } }],
  ['chưa khai sinh 3 cháu, khai tử tăng 2%', { values: { khai_sinh_chua: 3, khai_tu_tang: 2 } }],
  // Two different figures for one indicator in one clause: neither is sure.
  [
    'văn bản được giao hoàn thành 100%, 2 đề án',
    {
      unused: [
        ['100%', 100, ['vbqppl', 'hoa_giai_thanh', 'hoa_giai_vien', 'to_hoa_giai', 'khai_tu_tang']],
        [
          '2',
          2,
          ['vbqppl', 'hoa_giai_thanh', 'hoa_giai_vien', 'to_hoa_giai', 'khai_tu_tang', 'khai_sinh_chua'],
        ],
      ],
    },
  ],
  ['VBQPPL: 100% (5/5 văn bản)', { values: { vbqppl: 100 } }],
  [
    'Năm 2026 Sở đạt: HGT 87,2%; HGV 100%; THG 100%; khai tử tăng 4,1%; VBQPPL 100%; khai sinh chưa ĐK 0',
    {
      values: {
        hoa_giai_thanh: 87.2,
        hoa_giai_vien: 100,
        to_hoa_giai: 100,
        khai_tu_tang: 4.1,
        vbqppl: 100,
        khai_sinh_chua: 0,
      },
    },
  ],
  [
    'hoa giai thanh 88 phan tram, hoa giai vien 100 phan tram',
    { values: { hoa_giai_thanh: 88, hoa_giai_vien: 100 } },
  ],
  [
    'Chỉ tiêu: hòa giải thành 85%. Kết quả: hòa giải thành 87%',
    {
      values: { hoa_giai_thanh: 87 },
      unused: [['85%', 85, ['hoa_giai_thanh', 'hoa_giai_vien', 'to_hoa_giai', 'khai_tu_tang', 'vbqppl']]],
    },
  ],
  ['100% thôn, tổ dân phố có tổ hòa giải', { values: { to_hoa_giai: 100 } }],
  ['Tỷ lệ hòa giải thành đạt 86%, tăng 1,5% so với năm trước', { values: { hoa_giai_thanh: 86 } }],
  ['có 51/63 tổ hòa giải được kiện toàn, hòa giải thành 90%', { values: { hoa_giai_thanh: 90 } }],
  [
    'Thưa chị, số liệu 6 tháng đầu năm 2026 của Sở ạ:\n1. Hòa giải thành: 84,7%\n2. Hòa giải viên được bồi dưỡng: 97,5%\n3. Tổ hòa giải: 100%\n4. Đăng ký khai tử: tăng 2,3%\n5. Văn bản NTM: 100%\n6. Trẻ em chưa ĐKKS: 5\nEm cảm ơn chị!',
    {
      values: {
        hoa_giai_thanh: 84.7,
        hoa_giai_vien: 97.5,
        to_hoa_giai: 100,
        khai_tu_tang: 2.3,
        vbqppl: 100,
        khai_sinh_chua: 5,
      },
    },
  ],
  [
    'hgt 85, hgv 100, thg 100, khai tu -0,5, vbqppl 100, khai sinh 2',
    {
      values: {
        hoa_giai_thanh: 85,
        hoa_giai_vien: 100,
        to_hoa_giai: 100,
        khai_tu_tang: -0.5,
        vbqppl: 100,
        khai_sinh_chua: 2,
      },
    },
  ],
  [
    'Sở gửi số liệu: hòa giải thành 88%, khai tử giảm 0,7% so với năm 2025, còn 4 trẻ chưa đăng ký khai sinh',
    { values: { hoa_giai_thanh: 88, khai_tu_tang: -0.7, khai_sinh_chua: 4 } },
  ],
  [
    'HGT giảm 2% so với năm trước, đạt 85%',
    { unused: [['85%', 85, ['hoa_giai_thanh', 'hoa_giai_vien', 'to_hoa_giai', 'khai_tu_tang', 'vbqppl']]] },
  ],
  ['Đăng ký khai tử:\ntăng 2%', { values: { khai_tu_tang: 2 } }],
  [
    'Hòa giải thành công đạt 87,5%; 100% hòa giải viên được bồi dưỡng',
    { values: { hoa_giai_thanh: 87.5, hoa_giai_vien: 100 } },
  ],
  ['tỉ lệ hoà giải thành 86%', { values: { hoa_giai_thanh: 86 } }],
  ['HGT: 85%, tăng 2% so với năm 2025', { values: { hoa_giai_thanh: 85 } }],
  ['khai tử năm 2026 giảm 1,1% so với năm 2025', { values: { khai_tu_tang: -1.1 } }],
];

const DEPT_MESSAGES: [string, Expected][] = [
  // `đồng chí`, `đ/c`: people, not money.
  [
    'Kính gửi Vụ Thi đua - Khen thưởng, Vụ Pháp chế đăng ký: LĐTT 45 đồng chí, CSTĐCS 5 đ/c, CSTĐ Bộ 1',
    { values: { dk_ldtt: 45, dk_cstdcs: 5, dk_cstd_bo: 1 } },
  ],
  // Each heading line scopes its list.
  [
    'Tập thể:\n- LĐTT 2\n- LĐXS 1\nCá nhân:\n- LĐTT 25\n- CSTĐCS 3',
    { values: { dk_tt_ldtt: 2, dk_tt_ldxs: 1, dk_ldtt: 25, dk_cstdcs: 3 } },
  ],
  [
    'Đăng ký thi đua năm 2027:\n- Lao động tiên tiến: 38\n- Chiến sĩ thi đua cơ sở: 4\n- Tập thể lao động xuất sắc: 1\n- Cờ thi đua của Bộ: 1',
    { values: { dk_ldtt: 38, dk_cstdcs: 4, dk_tt_ldxs: 1, dk_co_bo: 1 } },
  ],
  ['dang ky 30 LDTT, 3 CSTDCS, 1 co bo', { values: { dk_ldtt: 30, dk_cstdcs: 3, dk_co_bo: 1 } }],
  ['Cá nhân: 25 LĐTT, 3 CSTĐCS. Tập thể: 1 TTLĐXS', { values: { dk_ldtt: 25, dk_cstdcs: 3, dk_tt_ldxs: 1 } }],
  ['ldtt 25 nguoi, cstdcs 3 nguoi, tap the ldxs 1', { values: { dk_ldtt: 25, dk_cstdcs: 3, dk_tt_ldxs: 1 } }],
  ['Tập thể lao động tiên tiến: 3 phòng', { values: { dk_tt_ldtt: 3 } }],
  [
    'Đăng ký 25 lao động tiên tiến, 3 chiến sĩ thi đua cơ sở, 1 chiến sĩ thi đua cấp Bộ, đề nghị Cờ thi đua Chính phủ: 0',
    { values: { dk_ldtt: 25, dk_cstdcs: 3, dk_cstd_bo: 1, dk_co_cp: 0 } },
  ],
  [
    'Theo Quyết định số 1125/QĐ-BTP, đơn vị đăng ký LĐTT 52, CSTĐCS 6',
    { values: { dk_ldtt: 52, dk_cstdcs: 6 } },
  ],
  // Two different figures for one indicator in one clause: neither is sure.
  [
    'Năm 2026 có 40 LĐTT, năm 2027 đăng ký 42 LĐTT',
    {
      unused: [
        [
          '40',
          40,
          ['dk_ldtt', 'dk_cstdcs', 'dk_cstd_bo', 'dk_tt_ldtt', 'dk_tt_ldxs', 'dk_co_bo', 'dk_co_cp'],
        ],
        [
          '42',
          42,
          ['dk_ldtt', 'dk_tt_ldtt', 'dk_cstdcs', 'dk_cstd_bo', 'dk_tt_ldxs', 'dk_co_bo', 'dk_co_cp'],
        ],
      ],
    },
  ],
  ['TT LĐTT: 4, TT LĐXS: 2', { values: { dk_tt_ldtt: 4, dk_tt_ldxs: 2 } }],
  [
    'Dạ em gửi ạ: LĐTT 18, CSTĐCS 2 (tăng 1 so với năm trước), Cờ Bộ 0. Em cảm ơn anh!',
    { values: { dk_ldtt: 18, dk_cstdcs: 2, dk_co_bo: 0 } },
  ],
  [
    'lđtt: 31\ncstđcs: 4\ncstđ bộ: 1\nttlđtt: 3\nttlđxs: 1\ncờ bộ: 0\ncờ cp: 0',
    {
      values: {
        dk_ldtt: 31,
        dk_cstdcs: 4,
        dk_cstd_bo: 1,
        dk_tt_ldtt: 3,
        dk_tt_ldxs: 1,
        dk_co_bo: 0,
        dk_co_cp: 0,
      },
    },
  ],
  [
    'LĐTT 25, TT 3',
    {
      unused: [
        [
          '25',
          25,
          ['dk_tt_ldtt', 'dk_ldtt', 'dk_tt_ldxs', 'dk_cstdcs', 'dk_cstd_bo', 'dk_co_bo', 'dk_co_cp'],
        ],
        ['3', 3, ['dk_ldtt', 'dk_tt_ldtt', 'dk_tt_ldxs', 'dk_cstdcs', 'dk_cstd_bo', 'dk_co_bo', 'dk_co_cp']],
      ],
    },
  ],
  [
    'Tập thể: 3',
    {
      unused: [
        ['3', 3, ['dk_tt_ldtt', 'dk_tt_ldxs', 'dk_co_cp', 'dk_co_bo', 'dk_ldtt', 'dk_cstdcs', 'dk_cstd_bo']],
      ],
    },
  ],
  // `tập thể` may or may not carry over to LĐTT: ask.
  [
    'Tập thể LĐXS 1, LĐTT 25',
    {
      values: { dk_tt_ldxs: 1 },
      unused: [
        [
          '25',
          25,
          ['dk_tt_ldtt', 'dk_ldtt', 'dk_cstdcs', 'dk_cstd_bo', 'dk_co_bo', 'dk_co_cp', 'dk_tt_ldxs'],
        ],
      ],
    },
  ],
  [
    'Vụ Tổ chức cán bộ đăng ký: 31 LĐTT, 4 CSTĐCS, 1 CSTĐ cấp Bộ; tập thể Vụ đăng ký TTLĐXS và Cờ thi đua của Bộ',
    { values: { dk_ldtt: 31, dk_cstdcs: 4, dk_cstd_bo: 1 } },
  ],
  ['Phòng 2 đăng ký LĐTT 12', { values: { dk_ldtt: 12 } }],
  [
    'LĐTT 25 người (trong đó 3 người đề nghị CSTĐCS)',
    {
      values: { dk_ldtt: 25 },
      unused: [
        ['3', 3, ['dk_cstdcs', 'dk_cstd_bo', 'dk_tt_ldtt', 'dk_tt_ldxs', 'dk_co_bo', 'dk_co_cp', 'dk_ldtt']],
      ],
    },
  ],
  [
    'Văn phòng Bộ đăng ký thi đua năm 2027 như sau: Lao động tiên tiến 64 đ/c; Chiến sĩ thi đua cơ sở 7 đ/c; Tập thể lao động xuất sắc 2 phòng',
    { values: { dk_ldtt: 64, dk_cstdcs: 7, dk_tt_ldxs: 2 } },
  ],
  // `cá nhân` right before the pair may undo the heading: ask.
  [
    'Tập thể đăng ký: LĐXS, cá nhân LĐTT 25',
    {
      unused: [
        [
          '25',
          25,
          ['dk_tt_ldtt', 'dk_ldtt', 'dk_tt_ldxs', 'dk_co_cp', 'dk_co_bo', 'dk_cstdcs', 'dk_cstd_bo'],
        ],
      ],
    },
  ],
  ['Đăng ký tập thể: 2 LĐTT', { values: { dk_tt_ldtt: 2 } }],
  [
    'Đơn vị đăng ký: LĐTT: 100% CBCC (42 người), CSTĐCS 4',
    {
      values: { dk_cstdcs: 4 },
      unused: [
        ['100%', 100, []],
        [
          '42',
          42,
          ['dk_ldtt', 'dk_tt_ldtt', 'dk_cstd_bo', 'dk_tt_ldxs', 'dk_co_bo', 'dk_co_cp', 'dk_cstdcs'],
        ],
      ],
    },
  ],
  [
    'Phòng Hành chính đăng ký: lao động tiên tiến 12, chiến sỹ thi đua cơ sở 2, tập thể lao động tiên tiến',
    { values: { dk_ldtt: 12, dk_cstdcs: 2 } },
  ],
  [
    'CSTĐ toàn quốc: 0',
    {
      unused: [
        ['0', 0, ['dk_cstdcs', 'dk_cstd_bo', 'dk_ldtt', 'dk_tt_ldtt', 'dk_tt_ldxs', 'dk_co_bo', 'dk_co_cp']],
      ],
    },
  ],
  ['Bộ đăng ký 2 Cờ thi đua của Chính phủ', { values: { dk_co_cp: 2 } }],
];

describe('real messages — Cục THADS (BC6T)', () => {
  it.each(THADS_MESSAGES)('%s', (text, expected) => expectRead(text, THADS, expected));
});

describe('real messages — Sở Tư pháp (BC6T)', () => {
  it.each(STP_MESSAGES)('%s', (text, expected) => expectRead(text, STP, expected));
});

describe('real messages — a ministry department registering titles (DKTD)', () => {
  it.each(DEPT_MESSAGES)('%s', (text, expected) => expectRead(text, DEPT, expected));
});

it('holds at least 80 messages written for issue 22', () => {
  const texts = new Set([...THADS_MESSAGES, ...STP_MESSAGES, ...DEPT_MESSAGES].map(([text]) => text));
  expect(texts.size).toBeGreaterThanOrEqual(80);
});
