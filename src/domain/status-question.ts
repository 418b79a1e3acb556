/**
 * Reads a manager's plain question about reporting status: "đơn vị nào chưa nộp báo cáo 6
 * tháng?", "tình hình báo cáo năm 2026", "ai chưa đăng ký thi đua". Pure; returns null when
 * the text is not a status question.
 */
import { foldForMatch } from './text.js';

/** What a status question asks about; a field is absent when the question does not say. */
export interface StatusQuestion {
  dutyCode?: string;
  year?: number;
}

const ASKS = [
  'chua nop',
  'chua gui',
  'chua bao cao',
  'tinh hinh',
  'da nop',
  'da gui',
  'nop muon',
  'qua han',
  'con thieu',
  'ai chua',
  'don vi nao',
  'bao nhieu don vi',
  'who has not',
  'status',
  'missing',
];

const DUTIES: [RegExp, string][] = [
  [/\b(6 thang|sau thang|6t|bc6t|nua nam)\b/, 'BC6T'],
  [/\b(so ket|dot 1|skd1)\b/, 'SKD1'],
  [/\b(dang ky|ke hoach|dktd|danh hieu)\b/, 'DKTD'],
  [/\b(bao cao nam|tong ket|ca nam|bcnam|hang nam|annual)\b/, 'BCNAM'],
];

/**
 * Reads a status question, compared without accents or case (at most 300 characters read):
 * `null` unless it asks who has or has not reported (`chưa nộp`, `tình hình`, `đơn vị nào`,
 * `status`…); then the duty its words name (`6 tháng` → `BC6T`, `sơ kết` → `SKD1`, `đăng ký` →
 * `DKTD`, `báo cáo năm` → `BCNAM`; the first match wins) and a year `20xx` when written.
 */
export function parseStatusQuestion(text: string): StatusQuestion | null {
  const t = foldForMatch(text.slice(0, 300)).replace(/\s+/g, ' ').trim();
  if (!ASKS.some((a) => t.includes(a))) return null;
  const q: StatusQuestion = {};
  for (const [re, code] of DUTIES) {
    if (re.test(t)) {
      q.dutyCode = code;
      break;
    }
  }
  const year = /\b(20\d{2})\b/.exec(t);
  if (year) q.year = Number(year[1]);
  return q;
}
