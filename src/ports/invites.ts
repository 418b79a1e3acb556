/**
 * One-time invites: an operator creates one for a unit and role (only its code's hash is
 * stored; the code is shown once), and a person redeems it from a chat to bind their identity.
 * Implementation: src/storage/invite-store.ts.
 */
import type { ChannelName } from './channel.js';
import type { UnitRef } from './identities.js';
import type { Locale } from './translator.js';

/** The role an invite grants. */
export type InviteRole = 'focal' | 'manager';

/**
 * A person holding a unit's focal role now: who (id and full name, as `units:list` and the
 * status show it), since when, and the channel reminders reach them on (null: none usable).
 */
export interface FocalPoint {
  personId: number;
  fullName: string;
  since: Date;
  channel: ChannelName | null;
}

/**
 * Invites are stored by the hash of their code only; the code itself is shown once and never
 * stored or logged. Implementation: `createPrismaInviteStore` (src/storage/invite-store.ts).
 *
 * Contract: `create` with `replacesPersonId` is a handover decided now — the invite row and an
 * AuditLog row (`focal.handover.invite`: who decided, the unit, the person to be replaced, the
 * invite's id and expiry; never the code) are written in one transaction. It checks nothing: the
 * use case has checked that the person is a focal point of the unit (`focalPoints`).
 */
export interface InviteStore {
  create(invite: {
    codeHash: string;
    unitId: number;
    role: InviteRole;
    expiresAt: Date;
    createdBy: string;
    /** The focal point the newcomer replaces on redemption (absent or null: the newcomer is added). */
    replacesPersonId?: number | null;
  }): Promise<{ id: number }>;
  /** The unit's focal points now (roles not ended), oldest first. */
  focalPoints(unitId: number): Promise<FocalPoint[]>;
}

/**
 * What redeeming an invite did: bound, or why not. `handedOverFrom` names the focal point whose
 * role this redemption ended (a handover invite); null when the newcomer was added beside the
 * unit's other focal points — also when the person to replace had stopped being one meanwhile.
 * `alongside` names the unit's other focal points now (a focal invite; empty for a manager's).
 */
export type RedeemResult =
  | {
      ok: true;
      unit: UnitRef;
      role: 'focal' | 'manager';
      handedOverFrom: string | null;
      alongside: string[];
      personId: number;
    }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'retired_unit' };

/**
 * The chat side of invites, for the dialog's binding flow (`DialogDeps.invites`); issuing them is
 * `InviteStore`, the operators' side (the CLI). Implementation: `createPrismaInviteRedeemer`
 * (src/storage/invite-store.ts).
 *
 * Contract: one transaction. The invite is claimed by a conditional update, so of two concurrent
 * redemptions exactly one succeeds and the other reads `used`; a refusal (`unknown`, `used`,
 * `expired`, `retired_unit`) writes nothing. An identity already bound keeps its person (its chat
 * id is updated). It limits nothing: throttling failed codes is the dialog's (`bindFailures`).
 */
export interface InviteRedeemer {
  /**
   * Binds the identity to the invite's unit and role, atomically and once: the invite is marked
   * used, the person and identity created if new, the role granted. A focal invite adds a focal
   * point: the unit's others keep theirs. Only a handover invite (`replacesPersonId`) ends a
   * role — that person's focal role of the unit (endReason `handover`, an AuditLog row
   * `focal.handover`) — unless the newcomer is that very person.
   */
  redeem(input: {
    codeHash: string;
    channel: ChannelName;
    externalId: string;
    chatId: string;
    displayName: string | null;
    locale: Locale;
    now: Date;
  }): Promise<RedeemResult>;
}
