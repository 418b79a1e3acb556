/**
 * The managers' web dashboard as use cases: signing in from the chat with a one-time link
 * (`/web`), sessions, the overview of a duty and period, a unit's record and the actions —
 * each within exactly the person's chat scope (StatusStore.scopeOf), with the chat's rules
 * (the nudge, lock and exception use cases of src/app/manager-actions.ts).
 *
 * Tokens are random (256 bits), given out once and stored only as SHA-256 hashes. The form
 * token (CSRF) is derived from the session token, so it needs no storage and dies with it.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { localDateOf } from '../domain/calendar.js';
import type { StatusIndicator, StatusReport, UnitStatus } from '../domain/status.js';
import type { Clock } from '../ports/clock.js';
import type { ChangeMark, DashboardSessionStore, DashboardStore, UnitRecord } from '../ports/dashboard.js';
import type { ManagerStore, UnitLedgerLine } from '../ports/manager-store.js';
import type { Scope, StatusStore } from '../ports/status-store.js';
import type { DecideResult, LockResult, ManagerActions, NudgeResult } from './manager-actions.js';
import { reportAsked, type StatusService } from './status.js';

/** How long a sign-in link from `/web` stays valid. */
export const LINK_TTL_MS = 10 * 60_000;
/** How long a dashboard session lasts. */
export const SESSION_TTL_MS = 8 * 3_600_000;

/** A signed-in manager. */
export interface DashboardSession {
  personId: number;
  name: string;
  locale: string;
  scope: Scope;
  /** The token every form posts back. */
  csrfToken: string;
  expiresAt: Date;
}

/** Which report a page shows (absent: the nearest due, as in the chat). */
export interface ReportChoice {
  dutyCode?: string | undefined;
  periodCode?: string | undefined;
}

export type OverviewResult =
  | {
      ok: true;
      report: StatusReport;
      indicators: StatusIndicator[];
      scope: Scope;
      duties: { code: string; nameVi: string; nameEn: string; periods: string[] }[];
      unitTypes: { code: string; nameVi: string; nameEn: string }[];
    }
  | { ok: false; reason: 'no_scope' | 'unknown_duty' | 'nothing_due' | 'empty' };

export type UnitPageResult =
  | {
      ok: true;
      record: UnitRecord;
      status: UnitStatus | null;
      indicators: StatusIndicator[];
      ledger: UnitLedgerLine[];
      periodCode: string;
      canNudge: boolean;
    }
  /** Out of scope and unknown alike: the page says nothing of a unit it does not show. */
  | { ok: false; reason: 'forbidden' | 'nothing_due' | 'unknown_duty' };

export interface Dashboard {
  /** A sign-in link for a manager (`/web`): the URL to open, valid {@link LINK_TTL_MS}. */
  issueLink(
    personId: number,
  ): Promise<{ ok: true; url: string; expiresAt: Date } | { ok: false; reason: 'no_scope' }>;
  /** Uses a link's token once: a new session's token, or null (unknown, used, expired, scope gone). */
  signIn(linkToken: string): Promise<{ sessionToken: string; expiresAt: Date } | null>;
  /** The session of a cookie's token while valid, with the person's current scope. */
  session(sessionToken: string): Promise<DashboardSession | null>;
  /** Whether a posted form token belongs to the session. */
  checkCsrf(session: DashboardSession, posted: string | undefined): boolean;
  signOut(sessionToken: string): Promise<void>;
  /** `/dangxuat`: every session and unused link of the person ends; how many sessions did. */
  signOutEverywhere(personId: number): Promise<number>;
  overview(session: DashboardSession, q: ReportChoice): Promise<OverviewResult>;
  unitPage(session: DashboardSession, unitId: number, q: ReportChoice): Promise<UnitPageResult>;
  /** The chat's nudge about the report on screen (its duty and period when given). */
  nudge(session: DashboardSession, unitId: number, q: ReportChoice): Promise<NudgeResult>;
  setLock(session: DashboardSession, q: ReportChoice, locked: boolean): Promise<LockResult>;
  decide(session: DashboardSession, exceptionId: number, allow: boolean): Promise<DecideResult>;
  /** The units whose figures, document, state or lock were stored since `since` (see the port). */
  changes(since: ChangeMark | null): Promise<{ mark: ChangeMark; unitIds: number[] }>;
}

export interface DashboardDeps {
  sessions: DashboardSessionStore;
  store: DashboardStore;
  status: StatusService;
  scopes: Pick<StatusStore, 'scopeOf' | 'nearestDuty' | 'periodFor'>;
  managers: Pick<ManagerStore, 'unitLedger' | 'nudged'>;
  actions: ManagerActions;
  clock: Clock;
  timeZone: string;
  /** Where people reach the service (`PUBLIC_BASE_URL`), e.g. `https://dondoc.example.gov.vn`. */
  baseUrl: string;
  /** The path the sign-in page is served on. */
  signInPath: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hashLink = (t: string) => sha256(`dondoc-dashboard-link:${t}`);
const hashSession = (t: string) => sha256(`dondoc-dashboard-session:${t}`);
const newToken = () => randomBytes(32).toString('base64url');
/** Tokens are base64url of 32 bytes: anything else is refused before a query. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const inScope = (scope: Scope, unitId: number) => scope.kind === 'all' || scope.unitIds.includes(unitId);

export function createDashboard(deps: DashboardDeps): Dashboard {
  const csrfOf = (sessionToken: string) =>
    createHmac('sha256', sessionToken).update('dondoc-dashboard-csrf').digest('base64url');

  return {
    async issueLink(personId) {
      const scope = await deps.scopes.scopeOf(personId);
      if (!scope) return { ok: false, reason: 'no_scope' };
      const token = newToken();
      const expiresAt = new Date(deps.clock.now().getTime() + LINK_TTL_MS);
      await deps.sessions.createLink(personId, hashLink(token), expiresAt);
      const base = deps.baseUrl.replace(/\/+$/, '');
      return { ok: true, url: `${base}${deps.signInPath}?t=${token}`, expiresAt };
    },

    async signIn(linkToken) {
      if (!TOKEN.test(linkToken)) return null;
      const now = deps.clock.now();
      const personId = await deps.sessions.useLink(hashLink(linkToken), now);
      if (personId === null) return null;
      // A manager who lost the role between `/web` and the click gets no session.
      if (!(await deps.scopes.scopeOf(personId))) return null;
      const sessionToken = newToken();
      const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
      await deps.sessions.createSession(personId, hashSession(sessionToken), expiresAt);
      return { sessionToken, expiresAt };
    },

    async session(sessionToken) {
      if (!TOKEN.test(sessionToken)) return null;
      const row = await deps.sessions.session(hashSession(sessionToken), deps.clock.now());
      if (!row) return null;
      const scope = await deps.scopes.scopeOf(row.personId);
      if (!scope) return null;
      return { ...row, scope, csrfToken: csrfOf(sessionToken) };
    },

    checkCsrf(session, posted) {
      if (!posted) return false;
      const a = Buffer.from(session.csrfToken);
      const b = Buffer.from(posted);
      return a.length === b.length && timingSafeEqual(a, b);
    },

    async signOut(sessionToken) {
      if (!TOKEN.test(sessionToken)) return;
      await deps.sessions.revoke(hashSession(sessionToken), deps.clock.now());
    },

    signOutEverywhere(personId) {
      return deps.sessions.revokeAll(personId, deps.clock.now());
    },

    async overview(session, q) {
      const [duties, unitTypes] = await Promise.all([
        deps.store.duties(session.scope),
        deps.store.unitTypes(),
      ]);
      // A duty picked with the period of the one shown before: that duty's latest period.
      const duty = q.dutyCode ? duties.find((d) => d.code === q.dutyCode) : undefined;
      const asked =
        duty && q.periodCode && !duty.periods.includes(q.periodCode)
          ? { ...q, periodCode: duty.periods[0] }
          : q;
      const r = await deps.status.forScope(session.scope, asked);
      if (!r.ok) return { ok: false, reason: r.reason };
      return { ok: true, report: r.report, indicators: r.indicators, scope: r.scope, duties, unitTypes };
    },

    async unitPage(session, unitId, q) {
      if (!inScope(session.scope, unitId)) return { ok: false, reason: 'forbidden' };
      const today = localDateOf(deps.clock.now(), deps.timeZone);
      const which = await reportAsked(deps.scopes, session.scope, q, today);
      if (!which) return { ok: false, reason: 'nothing_due' };
      const record = await deps.store.unitRecord(unitId, which.dutyCode, which.periodCode);
      // The unit is in scope (checked above): only the report asked for does not exist.
      if (!record) return { ok: false, reason: 'unknown_duty' };
      const [status, ledger, nudgedToday] = await Promise.all([
        deps.status.forScope({ kind: 'units', unitIds: [unitId] }, which),
        deps.managers.unitLedger(unitId, 50),
        deps.managers.nudged(unitId, `nudge-${today}`),
      ]);
      const unitStatus = status.ok ? (status.report.units.find((u) => u.unitId === unitId) ?? null) : null;
      const incomplete = unitStatus !== null && ['partial', 'pending', 'missing'].includes(unitStatus.state);
      const reachable = (unitStatus?.focalPoints ?? []).some((f) => f.channel !== undefined);
      return {
        ok: true,
        record,
        status: unitStatus,
        indicators: status.ok ? status.indicators : [],
        ledger,
        periodCode: which.periodCode,
        canNudge: incomplete && reachable && !unitStatus.locked && !nudgedToday,
      };
    },

    nudge(session, unitId, q) {
      // The chat's nudge (the same once-a-day rule, ledger and queue), to the unit by id and
      // about the report on screen; the use case checks the scope again.
      return deps.actions.nudgeUnit(session.personId, unitId, deps.clock.now(), q);
    },

    setLock(session, q, locked) {
      return deps.actions.setLock(session.personId, q, locked, deps.clock.now());
    },

    decide(session, exceptionId, allow) {
      return deps.actions.decide(session.personId, exceptionId, allow, deps.clock.now());
    },

    changes: (since) => deps.store.changes(since),
  };
}
