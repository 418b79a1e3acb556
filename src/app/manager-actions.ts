/**
 * Managers' actions in chat: a manual nudge to a unit (`/nhac`), locking a period (`/khoa`,
 * `/mokhoa`, Vụ TĐKT only), deciding a focal point's request for an exception to a lock, the
 * reminder history of a unit (`/danhac`), and the weekly digest. Every action checks the
 * manager's scope first: anything outside it is refused, never shown.
 *
 * Messages to other people (the nudge itself, the request reaching the managers, the decision
 * reaching the focal point, the digest) go through the reminder ledger and the delivery queue,
 * like reminders: paced by the same limiter, sent once per ledger row.
 */
import { addDays, firstWorkingDayOfWeek, localDateOf, localTimeOf, mondayOf } from '../domain/calendar.js';
import type { UnitRef } from '../ports/identities.js';
import type { ExceptionView, ManagerStore, UnitLedgerLine } from '../ports/manager-store.js';
import type { NewLedgerRow, ReminderLedger } from '../ports/reminder-ledger.js';
import type { ReminderQueue } from '../ports/reminder-queue.js';
import type { Recipient, ReminderRecipients } from '../ports/reminder-recipients.js';
import type { Scope, StatusStore } from '../ports/status-store.js';
import { resolveUnit, splitDutyCode, type UnitLookup } from './resolve-unit.js';
import { reportAsked } from './status.js';

export type { UnitLookup } from './resolve-unit.js';

/**
 * What `createManagerActions` needs: the managers' store, scope look-ups from the status store,
 * recipients and the ledger for messages to other people, the delivery queue, and the time zone
 * that decides "today" (one nudge a day, the digest's working hours).
 */
export interface ManagerActionsDeps {
  managers: ManagerStore;
  scopes: Pick<StatusStore, 'scopeOf' | 'nearestDuty' | 'periodFor'>;
  reminders: Pick<ReminderRecipients, 'focalRecipients' | 'escalationRecipients' | 'recipientsOf'> &
    Pick<ReminderLedger, 'insert'>;
  queue: ReminderQueue;
  timeZone: string;
  /** How long an allowed exception keeps the assignment open (default 48 hours). */
  exceptionHours?: number;
}

/**
 * What `nudge` did: ledger rows planned for `recipients` focal points about the assignment named;
 * or a unit look-up refusal (with the duty code that was split off, for a choice among units to
 * keep it); or, for a unit found, `nothing_open` (no incomplete, unlocked assignment open for
 * submission), `no_focal` (nobody to reach) or `already_today`.
 */
export type NudgeResult =
  | {
      ok: true;
      unit: UnitRef;
      dutyCode: string;
      dutyNameVi: string;
      dutyNameEn: string;
      periodCode: string;
      recipients: number;
    }
  | (Exclude<UnitLookup, { ok: true }> & { dutyCode?: string | undefined })
  | { ok: false; reason: 'nothing_open' | 'no_focal' | 'already_today'; unit: UnitRef };

/**
 * What `setLock` did: `count` assignments of the duty × period locked or unlocked; or
 * `not_allowed` (the manager's scope is not everything), `nothing_due` (no duty given and none
 * near in scope), `unknown_duty` (the duty or period does not exist; the codes tried echoed).
 */
export type LockResult =
  | { ok: true; dutyCode: string; dutyNameVi: string; dutyNameEn: string; periodCode: string; count: number }
  | {
      ok: false;
      reason: 'not_allowed' | 'nothing_due' | 'unknown_duty';
      dutyCode?: string;
      periodCode?: string;
    };

/**
 * What `decide` did: the request as now decided, with `openUntil` (null when refused); or
 * `not_found`, `no_scope` (the person manages nothing), `out_of_scope` (the request's unit is not
 * theirs) or `decided` (someone decided it first).
 */
export type DecideResult =
  | { ok: true; exception: ExceptionView; openUntil: Date | null }
  | { ok: false; reason: 'not_found' | 'out_of_scope' | 'no_scope' | 'decided' };

/** A unit's reminder history (newest first, at most `limit` lines), or a unit look-up refusal. */
export type LedgerResult =
  | { ok: true; unit: UnitRef; lines: UnitLedgerLine[] }
  | Exclude<UnitLookup, { ok: true }>;

/**
 * Managers' actions, called by the dialog (`DialogDeps.actions`) and, for `planDigests`, by the
 * plan job (src/wiring/reminder-runtime.ts). Refusals are `ok: false` results, never thrown;
 * messages to other people become ledger rows put on the delivery queue, never sent here.
 */
export interface ManagerActions {
  /**
   * A manual nudge to a unit's focal points, at most one per unit per day. `text` names the
   * unit (code, name or part of it) and may end with a duty code (`… BC6T`).
   */
  nudge(personId: number, text: string, now: Date): Promise<NudgeResult>;
  /**
   * The same nudge to a unit known by id (the dashboard), about the report given when given
   * (its duty, its period). A unit outside the manager's scope, or none of that id, is
   * `out_of_scope` alike.
   */
  nudgeUnit(
    personId: number,
    unitId: number,
    now: Date,
    report?: { dutyCode?: string | undefined; periodCode?: string | undefined },
  ): Promise<NudgeResult>;
  /** Locks (or unlocks) a duty × period for edits; only a manager whose scope is everything. */
  setLock(
    personId: number,
    q: { dutyCode?: string | undefined; periodCode?: string | undefined },
    locked: boolean,
    now: Date,
  ): Promise<LockResult>;
  /** Records a focal point's request and sends it to the managers of the unit. */
  requestException(
    input: { assignmentId: number; personId: number; reason: string | null },
    now: Date,
  ): Promise<{ managers: number; created: boolean }>;
  /** Allows (opens the one assignment for a while) or refuses a request, and tells the focal point. */
  decide(personId: number, exceptionId: number, allow: boolean, now: Date): Promise<DecideResult>;
  /** The reminder history of a unit in scope (named as for `nudge`), newest first. */
  ledger(personId: number, unitQuery: string, limit?: number): Promise<LedgerResult>;
  /**
   * The weekly digest: on the first working day of the week (Monday, or later when it is a
   * holiday), within working hours, one row per manager whose nearest deadline in scope is within
   * 14 days (dedupe per week). Returns the rows created.
   */
  planDigests(now: Date): Promise<number>;
}

const inScope = (scope: Scope, unitId: number) => scope.kind === 'all' || scope.unitIds.includes(unitId);

/**
 * Builds the managers' actions on their store, scopes, recipients, ledger and queue. It keeps one
 * piece of state: the day digests were last planned, so `planDigests` works them out once a day
 * per process (the ledger's dedupe keys keep several processes from doubling them). An allowed
 * exception stays open `exceptionHours` (48 by default).
 */
export function createManagerActions(deps: ManagerActionsDeps): ManagerActions {
  const exceptionMs = (deps.exceptionHours ?? 48) * 3_600_000;
  // The plan job runs every minute: the digests of a Monday are worked out once per process.
  let digestsPlannedOn: string | null = null;

  /** The unit a manager named, within their scope (src/app/resolve-unit.ts). */
  async function findUnit(personId: number, query: string): Promise<UnitLookup> {
    const scope = await deps.scopes.scopeOf(personId);
    if (!scope) return { ok: false, reason: 'no_scope' };
    return resolveUnit(await deps.managers.units(), query, (id) => inScope(scope, id));
  }

  async function notify(rows: NewLedgerRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const created = await deps.reminders.insert(rows);
    await deps.queue.enqueueDelivery(created.map((r) => ({ id: r.id, channel: r.channel })));
    return created.length;
  }

  /** A nudge to a unit in the manager's scope: once a day, through the ledger and the queue. */
  async function nudgeFound(
    personId: number,
    unit: UnitRef,
    now: Date,
    dutyCode?: string,
    periodCode?: string,
  ): Promise<NudgeResult> {
    const today = localDateOf(now, deps.timeZone);
    const stage = `nudge-${today}`;
    if (await deps.managers.nudged(unit.id, stage)) return { ok: false, reason: 'already_today', unit };
    const target = await deps.managers.nudgeTarget(unit.id, today, dutyCode, periodCode);
    if (!target) return { ok: false, reason: 'nothing_open', unit };
    const recipients = (await deps.reminders.focalRecipients([unit.id])).get(unit.id) ?? [];
    if (recipients.length === 0) return { ok: false, reason: 'no_focal', unit };
    const planned = await notify(
      recipients.map((recipient) => ({
        kind: 'nudge',
        dedupeKey: `n:${unit.id}:${today}:${recipient.personId}`,
        assignmentId: target.assignmentId,
        dutyId: target.dutyId,
        periodCode: target.periodCode,
        stage,
        recipient,
        plannedFor: now,
        unitIds: [unit.id],
      })),
    );
    await deps.managers.audit({
      actorPersonId: personId,
      action: 'unit.nudge',
      entity: `Unit:${unit.code}`,
      data: { assignmentId: target.assignmentId, recipients: planned, at: now.toISOString() },
    });
    return {
      ok: true,
      unit,
      dutyCode: target.dutyCode,
      dutyNameVi: target.dutyNameVi,
      dutyNameEn: target.dutyNameEn,
      periodCode: target.periodCode,
      recipients: recipients.length,
    };
  }

  return {
    async nudge(personId, text, now) {
      const { unitQuery, dutyCode } = splitDutyCode(text, await deps.managers.dutyCodes());
      const found = await findUnit(personId, unitQuery);
      if (!found.ok) return { ...found, dutyCode };
      return nudgeFound(personId, found.unit, now, dutyCode);
    },

    async nudgeUnit(personId, unitId, now, report) {
      const scope = await deps.scopes.scopeOf(personId);
      if (!scope) return { ok: false, reason: 'no_scope' };
      const unit = inScope(scope, unitId)
        ? (await deps.managers.units()).find((u) => u.id === unitId)
        : undefined;
      if (!unit) return { ok: false, reason: 'out_of_scope' };
      return nudgeFound(personId, unit, now, report?.dutyCode, report?.periodCode);
    },

    async setLock(personId, q, locked, now) {
      const scope = await deps.scopes.scopeOf(personId);
      if (scope?.kind !== 'all') return { ok: false, reason: 'not_allowed' };
      const today = localDateOf(now, deps.timeZone);
      const which = await reportAsked(
        deps.scopes,
        scope,
        { ...q, periodCode: q.periodCode?.toUpperCase() },
        today,
      );
      if (!which) return { ok: false, reason: 'nothing_due' };
      const { dutyCode, periodCode } = which;
      const res = await deps.managers.setLock({ dutyCode, periodCode, locked, actorPersonId: personId, now });
      if (!res) return { ok: false, reason: 'unknown_duty', dutyCode, periodCode };
      return {
        ok: true,
        dutyCode,
        dutyNameVi: res.dutyNameVi,
        dutyNameEn: res.dutyNameEn,
        periodCode,
        count: res.count,
      };
    },

    async requestException(input, now) {
      const req = await deps.managers.createException(input);
      if (!req.created) return { managers: 0, created: false };
      const managers =
        (await deps.reminders.escalationRecipients([req.unitId], req.dutyId)).get(req.unitId) ?? [];
      const sent = await notify(
        managers.map((recipient) => ({
          kind: 'exception',
          dedupeKey: `x:${req.id}:${recipient.personId}`,
          assignmentId: input.assignmentId,
          dutyId: null,
          periodCode: null,
          stage: `exception-${req.id}`,
          recipient,
          plannedFor: now,
          unitIds: [req.unitId],
        })),
      );
      return { managers: sent, created: true };
    },

    async decide(personId, exceptionId, allow, now) {
      const scope = await deps.scopes.scopeOf(personId);
      if (!scope) return { ok: false, reason: 'no_scope' };
      const ex = await deps.managers.exception(exceptionId);
      if (!ex) return { ok: false, reason: 'not_found' };
      if (!inScope(scope, ex.unit.id)) return { ok: false, reason: 'out_of_scope' };
      const openUntil = allow ? new Date(now.getTime() + exceptionMs) : null;
      const done = await deps.managers.decideException({
        id: exceptionId,
        deciderId: personId,
        allow,
        openUntil,
        now,
      });
      if (!done) return { ok: false, reason: 'decided' };
      // Tell the focal point who asked, on the channel they are reached on.
      const focal = (await deps.reminders.focalRecipients([ex.unit.id])).get(ex.unit.id) ?? [];
      const requester: Recipient | undefined = focal.find((r) => r.personId === ex.requestedById);
      if (requester) {
        await notify([
          {
            kind: 'exception',
            dedupeKey: `xd:${exceptionId}`,
            assignmentId: ex.assignmentId,
            dutyId: null,
            periodCode: null,
            stage: `decision-${exceptionId}`,
            recipient: requester,
            plannedFor: now,
            unitIds: [ex.unit.id],
          },
        ]);
      }
      return { ok: true, exception: { ...ex, status: allow ? 'allowed' : 'refused', openUntil }, openUntil };
    },

    async ledger(personId, unitQuery, limit = 30) {
      const found = await findUnit(personId, unitQuery);
      if (!found.ok) return found;
      return { ok: true, unit: found.unit, lines: await deps.managers.unitLedger(found.unit.id, limit) };
    },

    async planDigests(now) {
      const today = localDateOf(now, deps.timeZone);
      const time = localTimeOf(now, deps.timeZone);
      const hhmm = time.hour * 100 + time.minute;
      if (hhmm < 800 || hhmm >= 1700 || digestsPlannedOn === today) return 0;
      // The first working day of the week: Monday, or the next day when Monday is a holiday.
      if (firstWorkingDayOfWeek(today, await deps.managers.holidays()) !== today) return 0;
      const monday = mondayOf(today);
      const horizon = addDays(today, 14);
      const rows: NewLedgerRow[] = [];
      const ids = await deps.managers.managerIds();
      const reach = await deps.reminders.recipientsOf(ids);
      for (const personId of ids) {
        const recipient = reach.get(personId);
        if (!recipient) continue;
        const scope = await deps.scopes.scopeOf(personId);
        if (!scope) continue;
        const nearest = await deps.scopes.nearestDuty(scope, today);
        if (!nearest) continue;
        // The next deadline of that report in scope (a duty may fall due on several days).
        const due = await deps.managers.dueDate(nearest.dutyCode, nearest.periodCode, scope, today);
        if (!due?.dueDate || due.dueDate < today || due.dueDate > horizon) continue;
        rows.push({
          kind: 'digest',
          dedupeKey: `d:${monday}:${personId}`,
          assignmentId: null,
          dutyId: due.dutyId,
          periodCode: nearest.periodCode,
          // The deadline is named in the stage: the digest counts and lists that group only.
          stage: `digest-${today}-due-${due.dueDate}`,
          recipient,
          plannedFor: now,
        });
      }
      const created = await notify(rows);
      digestsPlannedOn = today;
      return created;
    },
  };
}
