/**
 * Default-install targets (chỉ tiêu) per indicator, year and scope (domain.md, "Figures the plans
 * set targets for"). Notes quote the seed in Vietnamese.
 *
 * Years: the seeds set values for 2017 (seed 002) and for 2023–2025 (seeds 000, 004). A default
 * install also needs targets for the current years, so the standing targets are carried over to
 * 2026 and 2027 with a note saying so; the THADS rates are assigned anew every year, and the 2023
 * level stands until the Cục Quản lý THADS (the Tổng cục THADS until 30 June 2025) announces the
 * new one. Period-bound social targets of seed 004 (houses, poor communes) are not carried
 * beyond 2025.
 */
import type { SeedTarget } from './types.js';

const currentYears = [2026, 2027];
const ntmYears = [2023, 2024, 2025];

const carriedThads =
  'Chỉ tiêu THADS được giao hằng năm; tạm áp dụng mức năm 2023 cho đến khi Cục Quản lý THADS công bố chỉ tiêu năm mới.';
const carriedThads2017 =
  'Chỉ tiêu THADS được giao hằng năm; tạm áp dụng mức năm 2017 (mức gần nhất trong các kế hoạch) cho đến khi Cục Quản lý THADS công bố chỉ tiêu năm mới.';
const carriedStp = 'Giữ mức của giai đoạn 2023–2025 cho đến khi có kế hoạch mới.';

const seed000 = 'Kế hoạch kèm QĐ 41/QĐ-BTP (seed 000)';
const seed002 = 'Kế hoạch kèm QĐ 131/QĐ-BTP (seed 002), mục II.1.1.6';
const seed004 = 'Kế hoạch 960/KH-TCTHADS (seed 004), mục II.3';

export const targets: SeedTarget[] = [
  // ── Cục THADS: tỷ lệ thi hành xong về việc / về tiền ──
  {
    indicator: 'thads_viec',
    year: 2017,
    scope: 'CUC_THADS',
    kind: 'floor',
    min: 70,
    inclusive: false,
    note: `${seed002}: "trên 70% về việc … trên tổng số án có điều kiện thi hành".`,
  },
  {
    indicator: 'thads_tien',
    year: 2017,
    scope: 'CUC_THADS',
    kind: 'floor',
    min: 30,
    inclusive: false,
    note: `${seed002}: "trên 70% về việc; 30% về tiền trên tổng số án có điều kiện thi hành".`,
  },
  ...[2023, ...currentYears].map(
    (year): SeedTarget => ({
      indicator: 'thads_viec',
      year,
      scope: 'CUC_THADS',
      kind: 'floor',
      min: 82.5,
      inclusive: false,
      note: `${seed000}, mục II.5: "năm 2023 đảm bảo tỷ lệ thi hành án trên 82,50% về việc".${year === 2023 ? '' : ` ${carriedThads}`}`,
    }),
  ),
  ...[2023, ...currentYears].map(
    (year): SeedTarget => ({
      indicator: 'thads_tien',
      year,
      scope: 'CUC_THADS',
      kind: 'floor',
      min: 45.5,
      inclusive: false,
      note: `${seed000}, mục II.5: "trên 82,50% về việc và 45,50% về tiền trên tổng số có điều kiện thi hành".${year === 2023 ? '' : ` ${carriedThads}`}`,
    }),
  ),

  // ── Cục THADS: giảm án chuyển kỳ sau ──
  ...[2017, ...currentYears].map(
    (year): SeedTarget => ({
      indicator: 'thads_giam_viec',
      year,
      scope: 'CUC_THADS',
      kind: 'range',
      min: 8,
      max: 10,
      note: `${seed002}: "giảm án chuyển kỳ sau ít nhất 8% đến 10% số việc".${year === 2017 ? '' : ` ${carriedThads2017}`}`,
    }),
  ),
  ...[2017, ...currentYears].map(
    (year): SeedTarget => ({
      indicator: 'thads_giam_tien',
      year,
      scope: 'CUC_THADS',
      kind: 'range',
      min: 6,
      max: 8,
      note: `${seed002}: "6% đến 8% số tiền có điều kiện thi hành".${year === 2017 ? '' : ` ${carriedThads2017}`}`,
    }),
  ),

  // ── Sở Tư pháp: hòa giải ở cơ sở (seed 000 II.4) ──
  ...[...ntmYears, ...currentYears].map(
    (year): SeedTarget => ({
      indicator: 'hoa_giai_thanh',
      year,
      scope: 'SO_TU_PHAP',
      kind: 'floor',
      min: 85,
      inclusive: true,
      note: `${seed000}, mục II.4: "phấn đấu tỷ lệ hòa giải thành đạt từ 85% trở lên".${year > 2025 ? ` ${carriedStp}` : ''}`,
    }),
  ),
  ...[...ntmYears, ...currentYears].map(
    (year): SeedTarget => ({
      indicator: 'hoa_giai_vien',
      year,
      scope: 'SO_TU_PHAP',
      kind: 'floor',
      min: 100,
      inclusive: true,
      note: `${seed000}, mục II.4: "100% hòa giải viên ở cơ sở được bồi dưỡng nâng cao năng lực".${year > 2025 ? ` ${carriedStp}` : ''}`,
    }),
  ),
  ...[...ntmYears, ...currentYears].map(
    (year): SeedTarget => ({
      indicator: 'to_hoa_giai',
      year,
      scope: 'SO_TU_PHAP',
      kind: 'floor',
      min: 100,
      inclusive: true,
      note: `${seed000}, mục II.4: "đảm bảo mỗi thôn, tổ dân phố có 01 tổ hòa giải ở cơ sở".${year > 2025 ? ` ${carriedStp}` : ''}`,
    }),
  ),

  // ── Đơn vị thuộc Bộ, Sở Tư pháp: văn bản QPPL về nông thôn mới (seed 000 II.2) ──
  ...[...ntmYears, ...currentYears].map(
    (year): SeedTarget => ({
      indicator: 'vbqppl',
      year,
      scope: 'ALL',
      kind: 'floor',
      min: 100,
      inclusive: true,
      note: `${seed000}, mục II.2: "Chủ trì xây dựng, thẩm định, tham gia xây dựng 100% các dự thảo văn bản quy phạm pháp luật được giao liên quan đến chính sách xây dựng nông thôn mới".${year > 2025 ? ` ${carriedStp}` : ''}`,
    }),
  ),

  // ── Sở Tư pháp: hộ tịch (seed 000 II.6) ──
  ...[...ntmYears, ...currentYears].map(
    (year): SeedTarget => ({
      indicator: 'khai_tu_tang',
      year,
      scope: 'SO_TU_PHAP',
      kind: 'range',
      min: 2,
      max: 5,
      inclusive: true,
      note: `${seed000}, mục II.6: "tỷ lệ đăng ký khai tử được chính xác, mỗi năm tăng từ 2%-5%".${year > 2025 ? ` ${carriedStp}` : ''}`,
    }),
  ),
  ...[2025, ...currentYears].map(
    (year): SeedTarget => ({
      indicator: 'khai_sinh_chua',
      year,
      scope: 'SO_TU_PHAP',
      kind: 'ceiling',
      max: 0,
      inclusive: true,
      note: `${seed000}, mục II.6: "mục tiêu đến năm 2025, không có trẻ em nào dưới 05 tuổi chưa được đăng ký khai sinh".${year > 2025 ? ' Duy trì kết quả sau năm 2025.' : ''}`,
    }),
  ),

  // ── Hệ thống THADS: chung tay vì người nghèo (seed 004 II.3), giai đoạn 2023–2025 ──
  ...ntmYears.map(
    (year): SeedTarget => ({
      indicator: 'ho_ngheo_nha',
      year,
      scope: 'CUC_THADS',
      kind: 'sum',
      min: 15,
      inclusive: true,
      note: `${seed004}: "Toàn Hệ thống phấn đấu hỗ trợ 15 hộ nghèo làm nhà Đại đoàn kết, nhà tình thương giai đoạn 2023 - 2025". Tổng cộng dồn của cả giai đoạn trên toàn Hệ thống THADS, không phải mỗi năm.`,
    }),
  ),
  ...ntmYears.map(
    (year): SeedTarget => ({
      indicator: 'xa_ngheo',
      year,
      scope: 'CUC_THADS',
      kind: 'floor',
      min: 1,
      inclusive: true,
      note: `${seed004}: "Phấn đấu mỗi địa phương chọn ít nhất 01 xã nghèo trở lên để tham gia giúp đỡ" (mỗi THADS tỉnh, thành phố).`,
    }),
  ),
];
