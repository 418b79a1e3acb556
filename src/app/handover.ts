/**
 * A focal point's handover, decided by a manager in chat (`/bangiao <unit>`): the unit's focal
 * points are listed, the manager chooses the one leaving and confirms, and a one-time invite code
 * for the successor is issued — redeeming it ends the leaving person's focal role (endReason
 * `handover`) and binds the successor. Both the decision and the redemption are audited
 * (`focal.handover.invite`, `focal.handover`). Everything is checked against the manager's scope,
 * with the one unit resolver (src/app/resolve-unit.ts); the code is returned once, never stored
 * or logged (only its hash is kept).
 */
import type { UnitRef } from '../ports/identities.js';
import type { FocalPoint, InviteStore } from '../ports/invites.js';
import type { ManagerStore } from '../ports/manager-store.js';
import type { Scope, StatusStore } from '../ports/status-store.js';
import { issueInvite } from './invites.js';
import { resolveUnit, type UnitLookup } from './resolve-unit.js';

/** How long a successor's code stays valid unless configured: 7 days, as the CLI's default. */
const DEFAULT_TTL_MS = 7 * 86_400_000;

/**
 * What `createHandover` needs: active units (for the resolver), the manager's scope, the invites
 * (focal points of a unit, and issuing a code), and how long a code stays valid.
 */
export interface HandoverDeps {
  units: Pick<ManagerStore, 'units'>;
  scopes: Pick<StatusStore, 'scopeOf'>;
  invites: InviteStore;
  /** Validity of a successor's code (default 7 days). */
  ttlMs?: number;
}

/** A unit in scope with its focal points now (possibly none), or a unit look-up refusal. */
export type FocalPointsResult =
  | { ok: true; unit: UnitRef; focalPoints: FocalPoint[] }
  | Exclude<UnitLookup, { ok: true }>;

/**
 * A successor's code issued (in clear, to be shown once) with its expiry and the focal point it
 * replaces; or why not: the manager manages nothing (`no_scope`), the unit is not theirs
 * (`out_of_scope`) or no longer active (`unknown_unit`), or the person is not its focal point now
 * (`not_focal`: someone handed over first).
 */
export type SuccessorInviteResult =
  | { ok: true; unit: UnitRef; replaces: FocalPoint; code: string; expiresAt: Date }
  | { ok: false; reason: 'no_scope' | 'out_of_scope' | 'unknown_unit' | 'not_focal' };

/** A manager's handover of a unit's focal point (the dialog's `/bangiao`, `DialogDeps.handover`). */
export interface Handover {
  /** The unit `unitQuery` names within the manager's scope (code, name or part of it), with its focal points. */
  focalPoints(managerId: number, unitQuery: string): Promise<FocalPointsResult>;
  /**
   * Issues the one-time code of the successor of focal point `personId` of unit `unitId`,
   * checked again against the manager's scope and the unit's focal points now; audited.
   */
  inviteSuccessor(
    managerId: number,
    unitId: number,
    personId: number,
    now: Date,
  ): Promise<SuccessorInviteResult>;
}

const inScope = (scope: Scope, unitId: number) => scope.kind === 'all' || scope.unitIds.includes(unitId);

/** Builds the handover use case on its ports. */
export function createHandover(deps: HandoverDeps): Handover {
  const ttlMs = deps.ttlMs ?? DEFAULT_TTL_MS;
  return {
    async focalPoints(managerId, unitQuery) {
      const scope = await deps.scopes.scopeOf(managerId);
      if (!scope) return { ok: false, reason: 'no_scope' };
      const found = resolveUnit(await deps.units.units(), unitQuery, (id) => inScope(scope, id));
      if (!found.ok) return found;
      return { ok: true, unit: found.unit, focalPoints: await deps.invites.focalPoints(found.unit.id) };
    },

    async inviteSuccessor(managerId, unitId, personId, now) {
      const scope = await deps.scopes.scopeOf(managerId);
      if (!scope) return { ok: false, reason: 'no_scope' };
      if (!inScope(scope, unitId)) return { ok: false, reason: 'out_of_scope' };
      const unit = (await deps.units.units()).find((u) => u.id === unitId);
      if (!unit) return { ok: false, reason: 'unknown_unit' };
      const r = await issueInvite(deps.invites, unit, {
        role: 'focal',
        ttlMs,
        createdBy: `person:${managerId}`,
        now,
        replace: `#${personId}`,
      });
      if (!r.ok || !r.replaces) return { ok: false, reason: 'not_focal' };
      return { ok: true, unit, replaces: r.replaces, code: r.code, expiresAt: r.expiresAt };
    },
  };
}
