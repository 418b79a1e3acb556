/**
 * A reminder's example is built from the unit's own missing indicators, in full words, and its
 * values keep within the unit's targets for the period (issue: examples that fail for the reader).
 */
import { describe, expect, it } from 'vitest';
import { indicators } from '../../prisma/seed/indicators.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import { reminderMessage } from '../../src/messages/reminders.js';
import type { ReminderView } from '../../src/ports/reminder-views.js';

const spec = (code: string) => {
  const i = indicators.find((x) => x.code === code)!;
  return {
    code: i.code,
    labelVi: i.labelVi,
    labelEn: i.labelEn,
    synonyms: [...i.synonyms],
    kind: i.kind,
    min: i.min ?? null,
    max: i.max ?? null,
  };
};

const view = (missing: ReminderView['missing']): ReminderView => ({
  assignmentId: 1,
  dutyNameVi: 'Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm',
  dutyNameEn: 'Six-month emulation report',
  periodCode: '2027-H1',
  unitId: 1,
  unitName: 'Cục THADS thử',
  dutyId: 1,
  typeCode: 'CUC_THADS',
  clusterId: null,
  dueDate: '2027-07-15',
  complete: false,
  documentSent: false,
  missing,
});
const peers = {
  typeCode: 'CUC_THADS',
  pluralVi: 'Cục THADS',
  pluralEn: 'Cục THADS',
  done: 0,
  total: 1,
  clusterLeft: null,
};

describe('a reminder’s example', () => {
  const translator = createTranslator();

  it('keeps a reduction within its 8–10 % target and tells the web chat what to type', () => {
    const range = { scope: 'CUC_THADS', kind: 'range' as const, min: 8, max: 10, inclusive: true };
    const message = reminderMessage(translator, 'vi', {
      view: view([{ ...spec('thads_giam_viec'), target: range }]),
      peers,
      nudge: false,
      today: '2027-07-08',
    });
    expect(message.text).toMatch(/ví dụ: giảm[^\n]* 9%/);
    expect(message.text).not.toMatch(/90%/);
    expect(message.inputHint).toMatch(/giảm[^\n]* 9%/);
  });

  it('writes a Sở Tư pháp’s indicators in words, never their abbreviations', () => {
    const message = reminderMessage(translator, 'vi', {
      view: view(
        ['hoa_giai_thanh', 'hoa_giai_vien', 'to_hoa_giai'].map((c) => ({ ...spec(c), target: null })),
      ),
      peers,
      nudge: false,
      today: '2027-07-08',
    });
    expect(message.text).toContain('hòa giải thành');
    expect(message.text).not.toMatch(/\bHGT\b|\bHGV\b|\bTHG\b/);
  });
});
