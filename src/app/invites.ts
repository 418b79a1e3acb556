import { createHash, randomInt } from 'node:crypto';
import { normalizeText } from '../domain/figures/index.js';
import type { Clock } from '../ports/clock.js';
import type { FocalPoint, InviteRole, InviteStore } from '../ports/invites.js';
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

/** The person a `--replace` names among a unit's focal points, or why none is chosen. */
export type FocalPointMatch =
  | { ok: true; focalPoint: FocalPoint }
  /** Nobody of that id or name holds the unit's focal role now: `focalPoints` are those who do. */
  | { ok: false; reason: 'not_focal'; focalPoints: FocalPoint[] }
  /** Several of the unit's focal points bear that name: `matches` (pick one by id). */
  | { ok: false; reason: 'ambiguous_person'; matches: FocalPoint[] };

/** A name compared as typed: NFC, spaces collapsed, lower case. */
const asTyped = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

/**
 * The focal point `query` names among `focalPoints`: a person id (`12` or `#12`), else the full
 * name as `units:list` and the status show it — exact (any case) first, then without accents. A
 * name two of them share is ambiguous, never guessed.
 */
export function findFocalPoint(focalPoints: readonly FocalPoint[], query: string): FocalPointMatch {
  const all = [...focalPoints];
  const q = query.trim().slice(0, 200);
  const id = /^#?(\d{1,9})$/.exec(q);
  if (id) {
    const found = all.find((f) => f.personId === Number(id[1]));
    return found ? { ok: true, focalPoint: found } : { ok: false, reason: 'not_focal', focalPoints: all };
  }
  const tiers: ((f: FocalPoint) => boolean)[] = [
    (f) => asTyped(f.fullName) === asTyped(q),
    (f) => normalizeText(f.fullName) === normalizeText(q),
  ];
  if (normalizeText(q) === '') return { ok: false, reason: 'not_focal', focalPoints: all };
  for (const matches of tiers) {
    const found = all.filter(matches);
    if (found.length === 1) return { ok: true, focalPoint: found[0]! };
    if (found.length > 1) return { ok: false, reason: 'ambiguous_person', matches: found };
  }
  return { ok: false, reason: 'not_focal', focalPoints: all };
}

/**
 * An invite created: its code in clear (shown once, never stored), expiry, unit and — for a
 * handover — the focal point it replaces; or why not: no unit has that code (`unknown_unit`), the
 * unit is retired (`retired_unit`), a replacement asked of a manager's invite
 * (`replace_needs_focal`), or the person to replace is not one of the unit's focal points now or
 * is named ambiguously (see {@link FocalPointMatch}).
 */
export type CreateInviteResult =
  | {
      ok: true;
      code: string;
      expiresAt: Date;
      unit: { id: number; code: string; name: string };
      replaces: FocalPoint | null;
    }
  | { ok: false; error: 'unknown_unit' | 'retired_unit' | 'replace_needs_focal' }
  | { ok: false; error: 'not_focal'; focalPoints: FocalPoint[] }
  | { ok: false; error: 'ambiguous_person'; matches: FocalPoint[] };

/**
 * Issues a one-time invite for a unit and role. The code is returned once; only its hash is kept.
 * A focal invite adds a focal point beside the unit's others; with `replace` (a person id or full
 * name, see {@link findFocalPoint}) it is a handover: redeeming it ends that person's focal role,
 * and the decision is audited now (by the store) and at redemption.
 */
export async function createInvite(
  deps: { units: Pick<UnitStore, 'find'>; invites: InviteStore; clock: Clock },
  input: {
    unitCode: string;
    role: InviteRole;
    ttlMs: number;
    createdBy: string;
    replace?: string | undefined;
  },
): Promise<CreateInviteResult> {
  const unit = await deps.units.find(input.unitCode);
  if (!unit) return { ok: false, error: 'unknown_unit' };
  if (!unit.active) return { ok: false, error: 'retired_unit' };
  return issueInvite(deps.invites, unit, { ...input, now: deps.clock.now() });
}

/**
 * Issues an invite for a unit already found (and active): as {@link createInvite} after its unit
 * look-up, valid `ttlMs` from `now`. The managers' `/bangiao` (src/app/handover.ts) issues its
 * successor's code here, naming the person to replace by id (`#12`).
 */
export async function issueInvite(
  invites: InviteStore,
  unit: { id: number; code: string; name: string },
  input: { role: InviteRole; ttlMs: number; createdBy: string; now: Date; replace?: string | undefined },
): Promise<CreateInviteResult> {
  let replaces: FocalPoint | null = null;
  if (input.replace !== undefined) {
    if (input.role !== 'focal') return { ok: false, error: 'replace_needs_focal' };
    const match = findFocalPoint(await invites.focalPoints(unit.id), input.replace);
    if (!match.ok) {
      return match.reason === 'not_focal'
        ? { ok: false, error: 'not_focal', focalPoints: match.focalPoints }
        : { ok: false, error: 'ambiguous_person', matches: match.matches };
    }
    replaces = match.focalPoint;
  }
  const code = generateInviteCode();
  const expiresAt = new Date(input.now.getTime() + input.ttlMs);
  await invites.create({
    codeHash: hashInviteCode(code),
    unitId: unit.id,
    role: input.role,
    expiresAt,
    createdBy: input.createdBy,
    replacesPersonId: replaces?.personId ?? null,
  });
  return { ok: true, code, expiresAt, unit: { id: unit.id, code: unit.code, name: unit.name }, replaces };
}
