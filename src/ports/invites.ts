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

/** Invites are stored by the hash of their code only; the code itself is shown once. */
export interface InviteStore {
  create(invite: {
    codeHash: string;
    unitId: number;
    role: InviteRole;
    expiresAt: Date;
    createdBy: string;
  }): Promise<{ id: number }>;
}

/** What redeeming an invite did: bound (possibly handing a focal role over), or why not. */
export type RedeemResult =
  | { ok: true; unit: UnitRef; role: 'focal' | 'manager'; handedOverFrom: string | null; personId: number }
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
   * used, the person and identity created if new, the role granted. A focal invite for a unit
   * that already has a focal point hands the role over (the previous one's role ends, recorded).
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
