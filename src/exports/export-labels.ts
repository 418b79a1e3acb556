/**
 * The words the workbook and the chart print, read once per export from `locales/<lang>/exports.ftl`
 * so the file and the picture say the same thing in the same words.
 */
import type { StatusState } from '../domain/status.js';
import { formatReport, type Translate } from '../messages/format.js';

/** Words the exports print, in the reader's locale (counts written whole, never `1.234`). */
export interface ExportLabels {
  /** The locale's messages themselves, for what the labels do not cover (targets). */
  t: Translate;
  sheetStatus: string;
  sheetFigures: string;
  title: (duty: string, period: string, generatedAt: string) => string;
  headers: {
    unit: string;
    code: string;
    cluster: string;
    state: string;
    submittedAt: string;
    sender: string;
    document: string;
    missingIndicators: string;
  };
  states: Record<StatusState, string>;
  documentSent: string;
  documentNotSent: string;
  /** What a unit that gave nothing still owes: every one of its `count` required indicators. */
  missingAll: (count: number) => string;
  noCluster: string;
  totalsTitle: string;
  totalsCount: string;
  totalsShare: string;
  totalUnits: string;
  submitted: string;
  target: string;
  aggregateHow: string;
  aggregateValue: string;
  targetMet: string;
  mean: string;
  sum: string;
  metOf: (met: number, evaluated: number) => string;
  sumTarget: (ok: boolean) => string;
  reached: (ok: boolean) => string;
  all: string;
  noUnitTarget: string;
  met: string;
  notMet: string;
  completionTitle: string;
  submittedOf: (done: number, total: number, percent: string) => string;
  axisShare: string;
  /** Suffixes of money on an axis, after the number of billions / millions (leading space included). */
  axisBillions: string;
  axisMillions: string;
  notReported: (n: number) => string;
  shownWorst: (shown: number, total: number) => string;
  targetLabel: (text: string) => string;
  /** What the per-unit target marks on an indicator chart are. */
  targetMarks: string;
  chartSubtitle: (duty: string, period: string) => string;
  /** The word after money amounts in a cell's number format (`đồng`, `VND`). */
  moneyUnit: string;
  yes: string;
  no: string;
  creator: string;
}

/** The exports' words from the locale's messages (`t` bound to the reader's locale). */
export function exportLabels(t: Translate): ExportLabels {
  return {
    t,
    sheetStatus: t('export-sheet-status'),
    sheetFigures: t('export-sheet-figures'),
    title: (duty, period, at) => t('export-title', { report: formatReport(duty, period, t), at }),
    headers: {
      unit: t('export-header-unit'),
      code: t('export-header-code'),
      cluster: t('export-header-cluster'),
      state: t('export-header-state'),
      submittedAt: t('export-header-submitted-at'),
      sender: t('export-header-sender'),
      document: t('export-header-document'),
      missingIndicators: t('export-header-missing-indicators'),
    },
    states: {
      on_time: t('export-state-on_time'),
      late: t('export-state-late'),
      partial: t('export-state-partial'),
      missing: t('export-state-missing'),
      pending: t('export-state-pending'),
    },
    documentSent: t('export-document-sent'),
    documentNotSent: t('export-document-not-sent'),
    missingAll: (count) => t('export-missing-all', { count }),
    noCluster: t('export-no-cluster'),
    totalsTitle: t('export-totals-title'),
    totalsCount: t('export-totals-count'),
    totalsShare: t('export-totals-share'),
    totalUnits: t('export-total-units'),
    submitted: t('export-submitted'),
    target: t('export-target'),
    aggregateHow: t('export-aggregate-how'),
    aggregateValue: t('export-aggregate-value'),
    targetMet: t('export-target-met'),
    mean: t('export-mean'),
    sum: t('export-sum'),
    metOf: (met, evaluated) => t('export-met-of', { met, evaluated }),
    sumTarget: (ok) => t(ok ? 'export-sum-target-met' : 'export-sum-target-not-met'),
    reached: (ok) => t(ok ? 'export-reached' : 'export-not-reached'),
    all: t('export-all'),
    noUnitTarget: t('export-no-unit-target'),
    met: t('export-met'),
    notMet: t('export-not-met'),
    completionTitle: t('export-completion-title'),
    submittedOf: (done, total, percent) => t('export-submitted-of', { done, total, percent }),
    axisShare: t('export-axis-share'),
    axisBillions: t('export-axis-billions'),
    axisMillions: t('export-axis-millions'),
    notReported: (n) => t('export-not-reported', { count: n }),
    shownWorst: (shown, total) => t('export-shown-worst', { shown, total }),
    targetLabel: (target) => t('export-target-label', { target }),
    targetMarks: t('export-target-marks'),
    chartSubtitle: (duty, period) => t('export-chart-subtitle', { report: formatReport(duty, period, t) }),
    moneyUnit: t('export-money-unit'),
    yes: t('export-yes'),
    no: t('export-no'),
    creator: t('export-creator'),
  };
}
