import { createHash, randomInt } from 'node:crypto';
import type { Clock } from '../ports/clock.js';
import type { InviteRole, InviteStore } from '../ports/invites.js';
import type { UnitStore } from '../ports/unit-store.js';

/** Letters and digits that cannot be confused when read aloud or typed (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A fresh one-time code, e.g. `K7PM-Q2XD-9RWA` (≈ 59 bits). */
export function generateInviteCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

/** Canonical form of a typed code: upper case, no spaces or dashes. */
export function normalizeInviteCode(code: string): string {
  return code
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]+/g, '');
}

/** The only form of a code that is stored: SHA-256 of the canonical code. */
export function hashInviteCode(code: string): string {
  return createHash('sha256')
    .update(`dondoc-invite:${normalizeInviteCode(code)}`)
    .digest('hex');
}

/**
 * An invite created: its code in clear (shown once, never stored), expiry and unit; or why not:
 * no unit has that code (`unknown_unit`) or the unit is retired (`retired_unit`).
 */
export type CreateInviteResult =
  | { ok: true; code: string; expiresAt: Date; unit: { code: string; name: string } }
  | { ok: false; error: 'unknown_unit' | 'retired_unit' };

/** Issues a one-time invite for a unit and role. The code is returned once; only its hash is kept. */
export async function createInvite(
  deps: { units: UnitStore; invites: InviteStore; clock: Clock },
  input: { unitCode: string; role: InviteRole; ttlMs: number; createdBy: string },
): Promise<CreateInviteResult> {
  const unit = await deps.units.find(input.unitCode);
  if (!unit) return { ok: false, error: 'unknown_unit' };
  if (!unit.active) return { ok: false, error: 'retired_unit' };
  const code = generateInviteCode();
  const expiresAt = new Date(deps.clock.now().getTime() + input.ttlMs);
  await deps.invites.create({
    codeHash: hashInviteCode(code),
    unitId: unit.id,
    role: input.role,
    expiresAt,
    createdBy: input.createdBy,
  });
  return { ok: true, code, expiresAt, unit: { code: unit.code, name: unit.name } };
}
