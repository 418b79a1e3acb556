/**
 * What the dashboard's pages show, as the routes (src/dashboard/plugin.ts) hand it to the views
 * (src/dashboard/views/). The views only render: every permission and scope check happened
 * before, and everything in here is the signed-in manager's to see.
 */
import type { StatusIndicator, StatusReport, StatusState, UnitStatus } from '../domain/status.js';
import type { RevisionRow, UnitRecord } from '../ports/dashboard.js';
import type { UnitLedgerLine } from '../ports/manager-store.js';
import type { Locale } from '../ports/translator.js';

/** Translates a message id of `locales/<lang>/*.ftl`. */
export type Translate = (id: string, args?: Record<string, string | number>) => string;

/** Where the dashboard lives (its routes are under it). */
export const DASHBOARD_PATH = '/dashboard';

/** What every page needs: language, clock, who is signed in, the form token. */
export interface PageContext {
  locale: Locale;
  t: Translate;
  timeZone: string;
  /** Now (rendering times "x minutes ago", the footer's "as of"). */
  now: Date;
  /** The signed-in manager; absent on the pages shown without a session (sign-in refusals). */
  person?: { name: string; scopeLabel: string } | undefined;
  /** The CSRF token every form posts as `_csrf` (absent without a session). */
  csrfToken?: string | undefined;
  /** A message after an action (already translated): shown once at the top. */
  notice?: { kind: 'ok' | 'error'; text: string } | undefined;
  /** The current URL path + query (for the language switch, which keeps it). */
  currentUrl: string;
}

/** The overview's filters and sort, read from the query string (all optional). */
export interface OverviewFilters {
  /** A cluster code; `-` means units in no cluster. */
  cluster?: string | undefined;
  state?: StatusState | undefined;
  /** A unit type code (the sector). */
  sector?: string | undefined;
  /** Text search over unit code and name, with or without accents. */
  q?: string | undefined;
  /** `name` (default), `state`, `submitted`, `due` or `ind:<indicator code>`. */
  sort?: string | undefined;
  dir?: 'asc' | 'desc' | undefined;
}

/** A duty the manager may pick, with its periods (newest first). */
export interface DutyChoice {
  code: string;
  nameVi: string;
  nameEn: string;
  periods: string[];
}

/** A sector (unit type) that has units in the report. */
export interface SectorChoice {
  code: string;
  nameVi: string;
  nameEn: string;
}

/** The overview page of one duty and period. */
export interface OverviewData {
  report: StatusReport;
  indicators: StatusIndicator[];
  duties: DutyChoice[];
  sectors: SectorChoice[];
  filters: OverviewFilters;
  /** Vụ TĐKT (scope everything): may lock and unlock the duty × period. */
  canLock: boolean;
  /** Every assignment of the report is locked. */
  locked: boolean;
  /** Links to the same Excel and chart as the chat's (query string included). */
  exportUrl: string;
  chartUrl: string;
  /** Event stream that says "a figure was stored" (the page refetches itself). */
  eventsUrl: string;
  /** What the live refresh fetches: this report, these filters (never "the nearest due"). */
  fragmentUrl: string;
}

/** One change of a value, as the unit page lists it (as the store reads it). */
export type RevisionLine = RevisionRow;

/** One indicator of the unit's report: its value now and every change, newest first. */
export interface FigureLine {
  code: string;
  labelVi: string;
  labelEn: string;
  kind: StatusIndicator['kind'];
  /** Null with `stored`: declared "không có số liệu"; not `stored`: not given yet. */
  value: number | null;
  textValue: string | null;
  stored: boolean;
  revisions: RevisionLine[];
}

/** A focal point of the unit, now or before (a handover ends a role). */
export interface FocalPointLine extends FocalPointRow {
  /** Where reminders reach them now (absent: nowhere usable). */
  channel?: 'telegram' | 'zalo' | 'web' | undefined;
}

/** A focal point's role as stored ("handover", "left"… as `endReason`). */
type FocalPointRow = UnitRecord['focalPoints'][number];

/** A focal point's request to edit after the lock, and its decision. */
export type ExceptionLine = UnitRecord['exceptions'][number];

/** A unit's page for one duty and period. */
export interface UnitPageData {
  unit: {
    id: number;
    code: string;
    name: string;
    typeNameVi: string;
    typeNameEn: string;
    clusters: string[];
  };
  dutyCode: string;
  dutyNameVi: string;
  dutyNameEn: string;
  periodCode: string;
  /** The unit in the status report (state, due date, missing indicators, targets); null: no assignment. */
  status: UnitStatus | null;
  indicators: StatusIndicator[];
  /** The assignment's lock and exception window. */
  locked: boolean;
  openUntil: Date | null;
  documentRef: string | null;
  documentSentAt: Date | null;
  figures: FigureLine[];
  /** Reminder ledger, newest first. */
  ledger: UnitLedgerLine[];
  focalPoints: FocalPointLine[];
  exceptions: ExceptionLine[];
  /** The unit may be nudged now (something open, someone to reach, not nudged today). */
  canNudge: boolean;
  /** Back to the overview of the same duty and period. */
  overviewUrl: string;
}

/** A page without data: a refusal or a confirmation (signed out, link expired, 403, 404). */
export interface MessagePageData {
  title: string;
  text: string;
  /** HTTP status the page goes out with. */
  status: number;
  /**
   * The sign-in page's form (a one-time link opens it): posts the link's token to `action`;
   * the page's script submits it at once (`id="signin-form"`), the button is the fallback.
   */
  signIn?: { action: string; token: string; button: string } | undefined;
}
