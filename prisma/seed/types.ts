/**
 * Shapes of the default-install seed data (the plans in shared/seeds, see domain.md).
 * Seed data is data: an administrator can change every row afterwards.
 * Dates are ISO calendar dates `YYYY-MM-DD` in APP_TIMEZONE.
 */

export interface SeedUnitType {
  code: string;
  nameVi: string;
  nameEn: string;
  /** Plural used in sentences such as "51/63 Sở Tư pháp đã gửi". */
  pluralVi: string;
  pluralEn: string;
}

/** A name a unit had before its current one, and its last day in use (`validTo`, inclusive). */
export interface SeedFormerName {
  name: string;
  /** First day in use, when known. */
  validFrom?: string;
  validTo: string;
  /** Why it changed, e.g. the decision "QĐ 1898/QĐ-BTP". */
  source: string;
}

export interface SeedUnit {
  /** Stable ASCII code, unique, e.g. `STP_HANOI`, `THADS_HANOI`, `VU_TDKT`. No spaces or colons. */
  code: string;
  /** The current name (what a fresh install shows). */
  name: string;
  nameEn?: string;
  type: string;
  /** Code of the parent unit, if any. */
  parent?: string;
  /** Earlier names, oldest first: earlier reports read with the name of their time. */
  formerNames?: SeedFormerName[];
}

/** An emulation cluster is a unit of type CLUSTER with member units and a head and a deputy. */
export interface SeedCluster {
  code: string;
  name: string;
  nameEn?: string;
  members: string[];
  head: string;
  deputy: string;
  /** Earlier names, oldest first. */
  formerNames?: SeedFormerName[];
}

export interface SeedMovement {
  code: string;
  decisionNo: string;
  decisionDate: string;
  title: string;
  startDate: string;
  endDate?: string;
  phases: { name: string; from: string; to: string }[];
}

export type IndicatorKind = 'percent' | 'count' | 'money' | 'boolean' | 'text';

export interface SeedIndicator {
  code: string;
  labelVi: string;
  labelEn: string;
  /** Other ways people write the label: unaccented, abbreviated, short forms. Lower or any case. */
  synonyms: string[];
  kind: IndicatorKind;
  min?: number;
  max?: number;
  /** Unit shown after a value, e.g. "%", "hộ", "xã", "đồng". */
  unitVi?: string;
  unitEn?: string;
  /** How the scope aggregates it: mean of rates, sum of counts/money. */
  aggregate: 'mean' | 'sum';
}

export interface SeedDeadline {
  /** Unit type this date applies to, or '*' for every other type. */
  unitType: string;
  /** false: units of that type do not carry the duty. Default true. */
  applies?: boolean;
  /** null = not announced yet (a higher body sets it later). */
  month: number | null;
  day: number | null;
  /** Only for one-off duties: the year of the single deadline. */
  year?: number;
}

export interface SeedDuty {
  code: string;
  nameVi: string;
  nameEn: string;
  movement?: string;
  /** Code of the receiving unit (e.g. VU_TDKT). */
  recipient: string;
  recurrence: 'yearly' | 'one_off';
  periodPattern: 'YYYY' | 'YYYY-H1';
  fromYear?: number;
  toYear?: number;
  /** Days relative to the deadline, e.g. [-7, -3, -1, 0, 1, 3]. */
  reminderStages: number[];
  deadlines: SeedDeadline[];
  /** Indicators asked of each unit type (in order). */
  indicators: { unitType: string; codes: string[] }[];
}

export interface SeedTarget {
  indicator: string;
  year: number;
  /** 'ALL', a unit type code, a cluster code or a unit code. */
  scope: string;
  kind: 'floor' | 'ceiling' | 'range' | 'sum';
  min?: number;
  max?: number;
  /** Whether reaching the bound itself meets the target (≥ rather than >). Default true. */
  inclusive?: boolean;
  note?: string;
}

export interface SeedHoliday {
  date: string;
  name: string;
  /** 'workday' marks a make-up working Saturday. */
  kind: 'holiday' | 'workday';
}
