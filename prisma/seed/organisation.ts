/**
 * Default-install organisation: unit types, units and emulation clusters.
 *
 * Sources (shared/seeds, Vietnamese, the source of truth):
 * - 000 = Kế hoạch kèm QĐ 41/QĐ-BTP (13/01/2023), 001 = QĐ 665/QĐ-BTP (29/4/2021),
 *   002 = QĐ 131/QĐ-BTP (25/01/2017), 003 = Kế hoạch của Tổng cục THADS 2021-2025,
 *   004 = Kế hoạch 960/KH-TCTHADS (30/3/2023).
 * - Provinces: shared/data/provinces-63-to-34.csv, the 34 provincial units after the July 2025
 *   merger (distinct `province_from_2025`, in CSV order).
 *
 * - Names from 1 July 2025: Quyết định 1898/QĐ-BTP (25/6/2025) made the Tổng cục Thi hành án dân
 *   sự the Cục Quản lý Thi hành án dân sự and each provincial Cục Thi hành án dân sự the "Thi hành
 *   án dân sự tỉnh/thành phố …" (same reporting lines). The seeds' names are kept as former names,
 *   in use until 30/6/2025, so reports of that time read with them.
 *
 * This is data, not logic: an administrator can rename, merge or retire every row afterwards
 * (`units:import`); the unit codes and unit type codes never change.
 */
import type { SeedCluster, SeedFormerName, SeedUnit, SeedUnitType } from './types.js';

/** The decision that renamed the civil-judgment system, and the last day of the old names. */
const QD_1898 = 'QĐ 1898/QĐ-BTP';
const beforeJuly2025 = (name: string): SeedFormerName[] => [{ name, validTo: '2025-06-30', source: QD_1898 }];

export const unitTypes: SeedUnitType[] = [
  {
    code: 'MINISTRY_DEPT',
    nameVi: 'Đơn vị thuộc Bộ',
    nameEn: 'Department of the Ministry',
    pluralVi: 'đơn vị thuộc Bộ',
    pluralEn: 'departments of the Ministry',
  },
  {
    code: 'SO_TU_PHAP',
    nameVi: 'Sở Tư pháp',
    nameEn: 'Provincial Department of Justice',
    pluralVi: 'Sở Tư pháp',
    pluralEn: 'provincial Departments of Justice',
  },
  {
    // The provincial civil-judgment bodies ("Cục Thi hành án dân sự" until 30/6/2025).
    code: 'CUC_THADS',
    nameVi: 'Thi hành án dân sự tỉnh, thành phố',
    nameEn: 'Provincial Civil Judgment Enforcement Office',
    pluralVi: 'THADS tỉnh',
    pluralEn: 'provincial Civil Judgment Enforcement offices',
  },
  {
    // The Ministry's civil-judgment department ("Tổng cục Thi hành án dân sự" until 30/6/2025).
    code: 'TONG_CUC_THADS',
    nameVi: 'Cục Quản lý Thi hành án dân sự',
    nameEn: 'Department of Civil Judgment Enforcement Management',
    pluralVi: 'Cục Quản lý THADS',
    pluralEn: 'Departments of Civil Judgment Enforcement Management',
  },
  {
    code: 'CLUSTER',
    nameVi: 'Cụm, Khối thi đua',
    nameEn: 'Emulation cluster',
    pluralVi: 'cụm thi đua',
    pluralEn: 'emulation clusters',
  },
];

/**
 * The 34 provincial-level units after the July 2025 merger, in CSV order.
 * key = province name in uppercase ASCII, without diacritics or spaces (Đ → D).
 */
export const provinces: { key: string; name: string; kind: string }[] = [
  { key: 'HANOI', name: 'Hà Nội', kind: 'Thành phố' },
  { key: 'HOCHIMINH', name: 'Hồ Chí Minh', kind: 'Thành phố' },
  { key: 'HAIPHONG', name: 'Hải Phòng', kind: 'Thành phố' },
  { key: 'DANANG', name: 'Đà Nẵng', kind: 'Thành phố' },
  { key: 'CANTHO', name: 'Cần Thơ', kind: 'Thành phố' },
  { key: 'ANGIANG', name: 'An Giang', kind: 'Tỉnh' },
  { key: 'BACNINH', name: 'Bắc Ninh', kind: 'Tỉnh' },
  { key: 'THAINGUYEN', name: 'Thái Nguyên', kind: 'Tỉnh' },
  { key: 'CAMAU', name: 'Cà Mau', kind: 'Tỉnh' },
  { key: 'VINHLONG', name: 'Vĩnh Long', kind: 'Tỉnh' },
  { key: 'GIALAI', name: 'Gia Lai', kind: 'Tỉnh' },
  { key: 'DONGNAI', name: 'Đồng Nai', kind: 'Tỉnh' },
  { key: 'LAMDONG', name: 'Lâm Đồng', kind: 'Tỉnh' },
  { key: 'CAOBANG', name: 'Cao Bằng', kind: 'Tỉnh' },
  { key: 'DAKLAK', name: 'Đắk Lắk', kind: 'Tỉnh' },
  { key: 'DIENBIEN', name: 'Điện Biên', kind: 'Tỉnh' },
  { key: 'DONGTHAP', name: 'Đồng Tháp', kind: 'Tỉnh' },
  { key: 'TUYENQUANG', name: 'Tuyên Quang', kind: 'Tỉnh' },
  { key: 'NINHBINH', name: 'Ninh Bình', kind: 'Tỉnh' },
  { key: 'HATINH', name: 'Hà Tĩnh', kind: 'Tỉnh' },
  { key: 'PHUTHO', name: 'Phú Thọ', kind: 'Tỉnh' },
  { key: 'HUNGYEN', name: 'Hưng Yên', kind: 'Tỉnh' },
  { key: 'KHANHHOA', name: 'Khánh Hòa', kind: 'Tỉnh' },
  { key: 'QUANGNGAI', name: 'Quảng Ngãi', kind: 'Tỉnh' },
  { key: 'LAICHAU', name: 'Lai Châu', kind: 'Tỉnh' },
  { key: 'LANGSON', name: 'Lạng Sơn', kind: 'Tỉnh' },
  { key: 'LAOCAI', name: 'Lào Cai', kind: 'Tỉnh' },
  { key: 'TAYNINH', name: 'Tây Ninh', kind: 'Tỉnh' },
  { key: 'NGHEAN', name: 'Nghệ An', kind: 'Tỉnh' },
  { key: 'QUANGTRI', name: 'Quảng Trị', kind: 'Tỉnh' },
  { key: 'QUANGNINH', name: 'Quảng Ninh', kind: 'Tỉnh' },
  { key: 'SONLA', name: 'Sơn La', kind: 'Tỉnh' },
  { key: 'THANHHOA', name: 'Thanh Hóa', kind: 'Tỉnh' },
  { key: 'HUE', name: 'Huế', kind: 'Thành phố' },
];

/**
 * Unit names use the short province name ("Sở Tư pháp Hà Nội"); the one exception is Hồ Chí
 * Minh, whose bare name would read as a person's name in a unit title.
 */
const placeNames: Record<string, string> = { HOCHIMINH: 'Thành phố Hồ Chí Minh' };

/**
 * A province with its kind, as the civil-judgment bodies are named since 1 July 2025: "tỉnh Bắc
 * Ninh", "thành phố Hà Nội" ("Thành phố Hồ Chí Minh" keeps its capital: it is part of the name).
 */
const withKind = (p: { key: string; name: string; kind: string }): string =>
  placeNames[p.key] ?? `${p.kind.toLowerCase()} ${p.name}`;

/**
 * Departments under the Ministry (đơn vị thuộc Bộ). The first group is named in the seeds; the
 * second is named there by its field of work (the seeds assign the task, the unit carrying it
 * is the Ministry department of that field).
 */
const ministryDepartments: SeedUnit[] = [
  // Named in the seeds.
  {
    // 000 III.2.5–2.7, 001 III.2.5, 002 III.2.3: standing office of the Emulation Council.
    code: 'VU_TDKT',
    name: 'Vụ Thi đua – Khen thưởng',
    nameEn: 'Department of Emulation and Commendation',
    type: 'MINISTRY_DEPT',
  },
  {
    // 000 III.2.7, 002 III.2.3 and Điều 3.
    code: 'VP_BO',
    name: 'Văn phòng Bộ',
    nameEn: 'Ministry Office',
    type: 'MINISTRY_DEPT',
  },
  {
    // 000 III.2.7, 001 Điều 3, 002 III.2.3.
    code: 'VU_TCCB',
    name: 'Vụ Tổ chức cán bộ',
    nameEn: 'Department of Organisation and Personnel',
    type: 'MINISTRY_DEPT',
  },
  {
    // 001 Điều 3 and III.2.4 ("Vụ Kế hoạch – Tài chính" in 002 of 2017).
    code: 'CUC_KHTC',
    name: 'Cục Kế hoạch – Tài chính',
    nameEn: 'Department of Planning and Finance',
    type: 'MINISTRY_DEPT',
  },
  {
    // 000 III.2.1.
    code: 'VU_PLDSKT',
    name: 'Vụ Pháp luật dân sự – kinh tế',
    nameEn: 'Department of Civil and Economic Law',
    type: 'MINISTRY_DEPT',
  },
  {
    // 000 III.2.1 and II.7.
    code: 'CUC_TGPL',
    name: 'Cục Trợ giúp pháp lý',
    nameEn: 'Legal Aid Agency',
    type: 'MINISTRY_DEPT',
  },
  {
    // 000 III.2.1 and II.3.
    code: 'CUC_QLXLVPHC',
    name: 'Cục Quản lý xử lý vi phạm hành chính và theo dõi thi hành pháp luật',
    nameEn: 'Department of Administrative Violations Handling and Law Enforcement Monitoring',
    type: 'MINISTRY_DEPT',
  },
  {
    // 000 III.2.1 names it "Vụ Phổ biến giáo dục pháp luật" (later renamed Cục; admin rename).
    code: 'VU_PBGDPL',
    name: 'Vụ Phổ biến, giáo dục pháp luật',
    nameEn: 'Department of Legal Dissemination and Education',
    type: 'MINISTRY_DEPT',
  },
  {
    // 000 III.2.1 and II.6.
    code: 'CUC_HTQTCT',
    name: 'Cục Hộ tịch, quốc tịch, chứng thực',
    nameEn: 'Department of Civil Status, Nationality and Authentication',
    type: 'MINISTRY_DEPT',
  },
  {
    // 001 III.2.3.
    code: 'CUC_CNTT',
    name: 'Cục Công nghệ thông tin',
    nameEn: 'Department of Information Technology',
    type: 'MINISTRY_DEPT',
  },
  {
    // 001 III.2.3.
    code: 'BAO_PLVN',
    name: 'Báo Pháp luật Việt Nam',
    nameEn: 'Vietnam Law Newspaper',
    type: 'MINISTRY_DEPT',
  },
  {
    // 001 II.1.1.6, 002 II.1.1.7.
    code: 'DH_LUAT_HN',
    name: 'Trường Đại học Luật Hà Nội',
    nameEn: 'Hanoi Law University',
    type: 'MINISTRY_DEPT',
  },
  {
    // 001 II.1.1.6, 002 II.1.1.7.
    code: 'HV_TUPHAP',
    name: 'Học viện Tư pháp',
    nameEn: 'Judicial Academy',
    type: 'MINISTRY_DEPT',
  },
  // Named in the seeds by field of work.
  {
    // 000 II.2 (xây dựng VBQPPL), 001 II.1.1.1.
    code: 'VU_CVDCXDPL',
    name: 'Vụ Các vấn đề chung về xây dựng pháp luật',
    nameEn: 'Department of General Affairs of Law Making',
    type: 'MINISTRY_DEPT',
  },
  {
    // 000 II.3 (kiểm tra VBQPPL), 002 II.1.1.2.
    code: 'CUC_KTVB',
    name: 'Cục Kiểm tra văn bản quy phạm pháp luật',
    nameEn: 'Department of Legal Normative Documents Review',
    type: 'MINISTRY_DEPT',
  },
  {
    // 001 II.1.1.4, 002 II.1.1.4 (bổ trợ tư pháp).
    code: 'CUC_BTTP',
    name: 'Cục Bổ trợ tư pháp',
    nameEn: 'Department of Judicial Support',
    type: 'MINISTRY_DEPT',
  },
  {
    // 002 II.1.1.9 (đăng ký giao dịch bảo đảm).
    code: 'CUC_DKGDBD',
    name: 'Cục Đăng ký quốc gia giao dịch bảo đảm',
    nameEn: 'National Registration Agency for Secured Transactions',
    type: 'MINISTRY_DEPT',
  },
  {
    // 002 II.1.1.9 (lý lịch tư pháp).
    code: 'TT_LLTPQG',
    name: 'Trung tâm Lý lịch tư pháp quốc gia',
    nameEn: 'National Centre for Judicial Records',
    type: 'MINISTRY_DEPT',
  },
  {
    // 001 II.1.1.5, 002 II.1.1.8 (hợp tác quốc tế về pháp luật).
    code: 'VU_HTQT',
    name: 'Vụ Hợp tác quốc tế',
    nameEn: 'Department of International Cooperation',
    type: 'MINISTRY_DEPT',
  },
  {
    // 001 II.1.1.5, 002 II.1.1.8 (điều ước quốc tế, tranh chấp đầu tư quốc tế).
    code: 'VU_PLQT',
    name: 'Vụ Pháp luật quốc tế',
    nameEn: 'Department of International Law',
    type: 'MINISTRY_DEPT',
  },
  {
    // 001 II.1.1.6 (nghiên cứu khoa học pháp lý).
    code: 'VIEN_CLKHPL',
    name: 'Viện Chiến lược và Khoa học pháp lý',
    nameEn: 'Institute of Legal Strategy and Science',
    type: 'MINISTRY_DEPT',
  },
  {
    // 001 III.2.3 ("các Tạp chí của Ngành").
    code: 'TC_DCPL',
    name: 'Tạp chí Dân chủ và Pháp luật',
    nameEn: 'Democracy and Law Journal',
    type: 'MINISTRY_DEPT',
  },
];

export const units: SeedUnit[] = [
  ...ministryDepartments,
  {
    // 000 III.2.4, 002 III.2.2.1–2.2.2, 003, 004: receives the reports of the provincial THADS.
    code: 'TCTHADS',
    name: 'Cục Quản lý Thi hành án dân sự',
    nameEn: 'Department of Civil Judgment Enforcement Management',
    type: 'TONG_CUC_THADS',
    formerNames: beforeJuly2025('Tổng cục Thi hành án dân sự'),
  },
  ...provinces.map(
    (p): SeedUnit => ({
      code: `STP_${p.key}`,
      name: `Sở Tư pháp ${placeNames[p.key] ?? p.name}`,
      nameEn: `${placeNames[p.key] ?? p.name} Department of Justice`,
      type: 'SO_TU_PHAP',
    }),
  ),
  ...provinces.map(
    (p): SeedUnit => ({
      code: `THADS_${p.key}`,
      name: `Thi hành án dân sự ${withKind(p)}`,
      nameEn: `${placeNames[p.key] ?? p.name} Civil Judgment Enforcement Office`,
      type: 'CUC_THADS',
      parent: 'TCTHADS',
      formerNames: beforeJuly2025(`Cục Thi hành án dân sự ${placeNames[p.key] ?? p.name}`),
    }),
  ),
];

/**
 * Emulation clusters ("Cụm, Khu vực thi đua", seeds 000 III.2.3, 001 III.2.2, 002 III.2.2).
 * The seeds name no cluster, so this grouping by region is illustrative for a default install:
 * each provincial unit is in exactly one cluster of its type; heads and deputies rotate in
 * practice and are edited by the administrator.
 */
const stp = (keys: string[]): string[] => keys.map((k) => `STP_${k}`);
const thads = (keys: string[]): string[] => keys.map((k) => `THADS_${k}`);

const northernMountains = [
  'CAOBANG',
  'DIENBIEN',
  'LAICHAU',
  'LANGSON',
  'LAOCAI',
  'SONLA',
  'TUYENQUANG',
  'THAINGUYEN',
  'PHUTHO',
];
const redRiverDelta = ['HANOI', 'HAIPHONG', 'BACNINH', 'HUNGYEN', 'NINHBINH', 'QUANGNINH'];
const central = ['THANHHOA', 'NGHEAN', 'HATINH', 'QUANGTRI', 'HUE', 'DANANG', 'QUANGNGAI', 'KHANHHOA'];
const highlandsAndSoutheast = ['GIALAI', 'DAKLAK', 'LAMDONG', 'HOCHIMINH', 'DONGNAI', 'TAYNINH'];
const mekongDelta = ['CANTHO', 'ANGIANG', 'CAMAU', 'VINHLONG', 'DONGTHAP'];

export const clusters: SeedCluster[] = [
  {
    code: 'CUM_STP_1',
    name: 'Cụm thi đua số 1 – các Sở Tư pháp miền núi phía Bắc',
    nameEn: 'Emulation cluster 1 – Departments of Justice of the northern mountains',
    members: stp(northernMountains),
    head: 'STP_THAINGUYEN',
    deputy: 'STP_LAOCAI',
  },
  {
    code: 'CUM_STP_2',
    name: 'Cụm thi đua số 2 – các Sở Tư pháp đồng bằng sông Hồng',
    nameEn: 'Emulation cluster 2 – Departments of Justice of the Red River Delta',
    members: stp(redRiverDelta),
    head: 'STP_HANOI',
    deputy: 'STP_HAIPHONG',
  },
  {
    code: 'CUM_STP_3',
    name: 'Cụm thi đua số 3 – các Sở Tư pháp Bắc Trung Bộ và duyên hải miền Trung',
    nameEn: 'Emulation cluster 3 – Departments of Justice of the north-central and central coast',
    members: stp(central),
    head: 'STP_DANANG',
    deputy: 'STP_NGHEAN',
  },
  {
    code: 'CUM_STP_4',
    name: 'Cụm thi đua số 4 – các Sở Tư pháp Tây Nguyên và Đông Nam Bộ',
    nameEn: 'Emulation cluster 4 – Departments of Justice of the Central Highlands and the south-east',
    members: stp(highlandsAndSoutheast),
    head: 'STP_HOCHIMINH',
    deputy: 'STP_DAKLAK',
  },
  {
    code: 'CUM_STP_5',
    name: 'Cụm thi đua số 5 – các Sở Tư pháp đồng bằng sông Cửu Long',
    nameEn: 'Emulation cluster 5 – Departments of Justice of the Mekong Delta',
    members: stp(mekongDelta),
    head: 'STP_CANTHO',
    deputy: 'STP_ANGIANG',
  },
  {
    code: 'CUM_THADS_1',
    name: 'Cụm thi đua số 1 – Thi hành án dân sự các tỉnh, thành phố miền Bắc',
    nameEn: 'Emulation cluster 1 – Civil Judgment Enforcement offices of the north',
    formerNames: beforeJuly2025('Cụm thi đua số 1 – các Cục Thi hành án dân sự miền Bắc'),
    members: thads([...northernMountains, ...redRiverDelta]),
    head: 'THADS_HANOI',
    deputy: 'THADS_PHUTHO',
  },
  {
    code: 'CUM_THADS_2',
    name: 'Cụm thi đua số 2 – Thi hành án dân sự các tỉnh, thành phố miền Trung và Tây Nguyên',
    nameEn: 'Emulation cluster 2 – Civil Judgment Enforcement offices of the centre and highlands',
    formerNames: beforeJuly2025('Cụm thi đua số 2 – các Cục Thi hành án dân sự miền Trung và Tây Nguyên'),
    members: thads([...central, 'GIALAI', 'DAKLAK', 'LAMDONG']),
    head: 'THADS_DANANG',
    deputy: 'THADS_THANHHOA',
  },
  {
    code: 'CUM_THADS_3',
    name: 'Cụm thi đua số 3 – Thi hành án dân sự các tỉnh, thành phố miền Nam',
    nameEn: 'Emulation cluster 3 – Civil Judgment Enforcement offices of the south',
    formerNames: beforeJuly2025('Cụm thi đua số 3 – các Cục Thi hành án dân sự miền Nam'),
    members: thads(['HOCHIMINH', 'DONGNAI', 'TAYNINH', ...mekongDelta]),
    head: 'THADS_HOCHIMINH',
    deputy: 'THADS_CANTHO',
  },
  {
    code: 'KHOI_BO_1',
    name: 'Khối thi đua số 1 – các đơn vị sự nghiệp thuộc Bộ',
    nameEn: 'Emulation group 1 – public-service units of the Ministry',
    members: ['DH_LUAT_HN', 'HV_TUPHAP', 'VIEN_CLKHPL', 'BAO_PLVN', 'TC_DCPL'],
    head: 'DH_LUAT_HN',
    deputy: 'HV_TUPHAP',
  },
];
