/**
 * Default-install emulation movements: the five plans in shared/seeds (see domain.md,
 * "Movements in the seeds"). Titles are quoted from the seeds.
 */
import type { SeedMovement } from './types.js';

export const movements: SeedMovement[] = [
  {
    // Seed 000: Kế hoạch kèm QĐ 41/QĐ-BTP; III.1: phát động, đăng ký trong quý I/2023, đánh giá
    // hằng năm, tổng kết năm 2025 (Bộ tổng kết cuối năm 2025).
    code: 'NTM_2023_2025',
    decisionNo: '41/QĐ-BTP',
    decisionDate: '2023-01-13',
    title:
      'Phong trào thi đua “Ngành Tư pháp chung sức góp phần xây dựng nông thôn mới” giai đoạn 2023 - 2025',
    startDate: '2023-01-13',
    endDate: '2025-12-31',
    phases: [
      { name: 'Phát động, đăng ký thực hiện (quý I/2023)', from: '2023-01-13', to: '2023-03-31' },
      { name: 'Thực hiện, đánh giá hằng năm', from: '2023-04-01', to: '2024-12-31' },
      { name: 'Thực hiện và tổng kết giai đoạn (năm 2025)', from: '2025-01-01', to: '2025-12-31' },
    ],
  },
  {
    // Seed 001: QĐ 665/QĐ-BTP; III.1: đợt 1 01/01/2021–28/8/2023, đợt 2 29/8/2023–28/8/2025.
    code: 'PTTD_2021_2025',
    decisionNo: '665/QĐ-BTP',
    decisionDate: '2021-04-29',
    title: 'Phong trào thi đua yêu nước ngành Tư pháp giai đoạn 2021-2025',
    startDate: '2021-01-01',
    endDate: '2025-08-28',
    phases: [
      { name: 'Đợt 1 (sơ kết, kỷ niệm 78 năm Ngày Truyền thống)', from: '2021-01-01', to: '2023-08-28' },
      { name: 'Đợt 2 (tổng kết, kỷ niệm 80 năm Ngày Truyền thống)', from: '2023-08-29', to: '2025-08-28' },
    ],
  },
  {
    // Seed 002: QĐ 131/QĐ-BTP; III.1: đợt 1 từ đầu năm đến 30/6/2017, đợt 2 từ 01/7/2017 đến hết năm.
    code: 'PTTD_2017',
    decisionNo: '131/QĐ-BTP',
    decisionDate: '2017-01-25',
    title: 'Phong trào thi đua ngành Tư pháp năm 2017',
    startDate: '2017-01-01',
    endDate: '2017-12-31',
    phases: [
      { name: 'Đợt thi đua thứ nhất', from: '2017-01-01', to: '2017-06-30' },
      { name: 'Đợt thi đua thứ hai', from: '2017-07-01', to: '2017-12-31' },
    ],
  },
  {
    // Seed 003: Kế hoạch của Tổng cục THADS. The copy in the seeds carries neither number nor date;
    // it implements QĐ 665/QĐ-BTP of 29/4/2021, so that date (the earliest possible) stands in until
    // an administrator enters the real ones. Phases: III.1, same as 001.
    code: 'THADS_2021_2025',
    decisionNo: '.../KH-TCTHADS',
    decisionDate: '2021-04-29',
    title: 'Phong trào thi đua yêu nước trong Hệ thống Thi hành án dân sự giai đoạn 2021-2025',
    startDate: '2021-01-01',
    endDate: '2025-08-28',
    phases: [
      { name: 'Đợt 1 (kỷ niệm 77 năm Ngày truyền thống THADS)', from: '2021-01-01', to: '2023-08-28' },
      { name: 'Đợt 2 (kỷ niệm 79 năm Ngày truyền thống THADS)', from: '2023-08-29', to: '2025-08-28' },
    ],
  },
  {
    // Seed 004: Kế hoạch 960/KH-TCTHADS; III.1: phát động từ tháng 3/2023, đánh giá hằng năm,
    // tổng kết năm 2025.
    code: 'THADS_NGHEO_2023_2025',
    decisionNo: '960/KH-TCTHADS',
    decisionDate: '2023-03-30',
    title:
      'Phong trào thi đua “Hệ thống Thi hành án dân sự chung tay vì người nghèo – Không để ai bị bỏ lại phía sau” giai đoạn 2023-2025',
    startDate: '2023-03-01',
    endDate: '2025-12-31',
    phases: [
      { name: 'Phát động tại địa phương (từ tháng 3/2023)', from: '2023-03-01', to: '2023-03-31' },
      { name: 'Thực hiện, đánh giá hằng năm', from: '2023-04-01', to: '2024-12-31' },
      { name: 'Thực hiện và tổng kết giai đoạn (năm 2025)', from: '2025-01-01', to: '2025-12-31' },
    ],
  },
];
