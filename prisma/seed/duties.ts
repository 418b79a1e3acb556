/**
 * Default-install reporting duties (report types) and their deadlines (domain.md, "Reporting
 * duties and deadlines").
 *
 * `movement` records the plan whose text sets the duty and its dates (provenance). The duties
 * recur every year after that movement ends (no toYear): every yearly plan of the Ministry
 * repeats them.
 *
 * A duty has a single recipient (VU_TDKT). Where the seeds route a unit type elsewhere (Cục THADS
 * send their plan to Tổng cục THADS, seed 002 III.2.2.1; and their 6-month and year-end reports
 * to Tổng cục as well, seeds 003 III.2 and 004 III.2.2), the comments say so; Tổng cục THADS
 * sees them through its manager scope.
 */
import type { SeedDuty } from './types.js';

const reminderStages = [-7, -3, -1, 0, 1, 3];

/** Registered emulation titles (collective and individual), counted per title. */
const registrationIndicators = [
  'dk_ldtt',
  'dk_cstdcs',
  'dk_cstd_bo',
  'dk_tt_ldtt',
  'dk_tt_ldxs',
  'dk_co_bo',
  'dk_co_cp',
];

/** Figures of the Cục THADS: seed 000 II.5 (rates, carry-over) and seed 004 II.3 (the poor). */
const thadsIndicators = [
  'thads_viec',
  'thads_tien',
  'thads_giam_viec',
  'thads_giam_tien',
  'ho_ngheo_nha',
  'xa_ngheo',
  'ung_ho',
];

/** Figures of the Sở Tư pháp: seed 000 II.4 (mediation), II.6 (civil status), II.2 (drafts). */
const stpIndicators = [
  'hoa_giai_thanh',
  'hoa_giai_vien',
  'to_hoa_giai',
  'khai_tu_tang',
  'vbqppl',
  'khai_sinh_chua',
];

export const duties: SeedDuty[] = [
  {
    // Seed 002 III.2.2.1: kế hoạch thi đua kèm kết quả đăng ký danh hiệu thi đua gửi Vụ TĐKT
    // "chậm nhất là ngày 15/02" (cơ quan, đơn vị) and "trước ngày 20/02" (Cụm, Khu vực thi đua);
    // Cục THADS gửi Tổng cục THADS "theo thời hạn do Tổng cục quy định" (date not set yet).
    code: 'DKTD',
    nameVi: 'Kế hoạch thi đua và đăng ký danh hiệu thi đua',
    nameEn: 'Emulation plan and registration of emulation titles',
    movement: 'PTTD_2017',
    recipient: 'VU_TDKT',
    recurrence: 'yearly',
    periodPattern: 'YYYY',
    reminderStages,
    deadlines: [
      { unitType: '*', month: 2, day: 15 },
      { unitType: 'CLUSTER', month: 2, day: 20 },
      { unitType: 'CUC_THADS', month: null, day: null },
    ],
    indicators: ['MINISTRY_DEPT', 'SO_TU_PHAP', 'CUC_THADS', 'TONG_CUC_THADS', 'CLUSTER'].map((unitType) => ({
      unitType,
      codes: registrationIndicators,
    })),
  },
  {
    // Seed 002 III.2.2.2: báo cáo sơ kết đợt thi đua thứ nhất "chậm nhất là ngày 30/6" (đơn vị
    // thuộc Bộ, Sở Tư pháp) and "05/7" (Cụm, Khu vực thi đua và Tổng cục THADS); Tổng cục guides
    // the local THADS offices, so the Cục THADS report through Tổng cục, not to Vụ TĐKT.
    // A document only: no quick figures.
    code: 'SKD1',
    nameVi: 'Báo cáo sơ kết đợt thi đua thứ nhất',
    nameEn: 'Phase-1 emulation review report',
    movement: 'PTTD_2017',
    recipient: 'VU_TDKT',
    recurrence: 'yearly',
    periodPattern: 'YYYY-H1',
    reminderStages,
    deadlines: [
      { unitType: '*', month: 6, day: 30 },
      { unitType: 'CLUSTER', month: 7, day: 5 },
      { unitType: 'TONG_CUC_THADS', month: 7, day: 5 },
      { unitType: 'CUC_THADS', applies: false, month: null, day: null },
    ],
    indicators: [],
  },
  {
    // Seed 000 III.2.6: Trưởng, Phó trưởng các Cụm, Khu vực thi đua, Sở Tư pháp, Cục THADS và các
    // đơn vị thuộc Bộ gửi báo cáo 6 tháng "chậm nhất là ngày 15 tháng 7 hàng năm". Tổng cục THADS
    // is not listed there (it runs its own plan, 000 III.2.4). Cục THADS also report to Tổng cục
    // every 6 months (003 III.2, 004 III.2.2).
    code: 'BC6T',
    nameVi: 'Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm',
    nameEn: 'Six-month emulation and commendation report',
    movement: 'NTM_2023_2025',
    recipient: 'VU_TDKT',
    recurrence: 'yearly',
    periodPattern: 'YYYY-H1',
    reminderStages,
    deadlines: [
      { unitType: '*', month: 7, day: 15 },
      { unitType: 'TONG_CUC_THADS', applies: false, month: null, day: null },
    ],
    indicators: [
      { unitType: 'CUC_THADS', codes: thadsIndicators },
      { unitType: 'SO_TU_PHAP', codes: stpIndicators },
    ],
  },
  {
    // Seed 000 III.2.6: báo cáo năm "chậm nhất là 15 tháng 11 hàng năm", same senders as BC6T.
    // Cục THADS also send their year-end report to Tổng cục (003 III.2, 004 III.2.2).
    code: 'BCNAM',
    nameVi: 'Báo cáo tổng kết công tác thi đua, khen thưởng năm',
    nameEn: 'Annual emulation and commendation report',
    movement: 'NTM_2023_2025',
    recipient: 'VU_TDKT',
    recurrence: 'yearly',
    periodPattern: 'YYYY',
    reminderStages,
    deadlines: [
      { unitType: '*', month: 11, day: 15 },
      { unitType: 'TONG_CUC_THADS', applies: false, month: null, day: null },
    ],
    indicators: [
      { unitType: 'CUC_THADS', codes: thadsIndicators },
      { unitType: 'SO_TU_PHAP', codes: stpIndicators },
    ],
  },
];
