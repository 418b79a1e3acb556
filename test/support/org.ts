import { createInvite } from '../../src/app/invites.js';
import type { Clock } from '../../src/ports/clock.js';
import type { PrismaClient } from '../../src/storage/database.js';
import { createPrismaInviteStore } from '../../src/storage/invite-store.js';
import { materialiseYears } from '../../src/storage/materialise-assignments.js';
import { createPrismaUnitStore } from '../../src/storage/unit-store.js';
import { uniqueCode } from './db.js';

/** A fresh unit of a type (in a cluster, under a parent), with its assignments for 2026–2027. */
export async function makeUnit(
  prisma: PrismaClient,
  type: string,
  opts: { cluster?: string; parent?: string; name?: string } = {},
): Promise<{ id: number; code: string; name: string }> {
  const code = uniqueCode(type === 'CUC_THADS' ? 'THADS_T' : type === 'SO_TU_PHAP' ? 'STP_T' : 'U_T');
  const name = opts.name ?? `${type === 'CUC_THADS' ? 'Cục THADS' : 'Sở Tư pháp'} thử ${code.slice(-5)}`;
  const unit = await prisma.unit.create({ data: { code, name, typeCode: type } });
  if (opts.parent) {
    const parent = await prisma.unit.findUniqueOrThrow({ where: { code: opts.parent } });
    await prisma.unit.update({ where: { id: unit.id }, data: { parentId: parent.id } });
  }
  if (opts.cluster) {
    const cluster = await prisma.unit.findUniqueOrThrow({ where: { code: opts.cluster } });
    await prisma.clusterMember.create({ data: { clusterId: cluster.id, unitId: unit.id } });
  }
  await materialiseYears(prisma, [2026, 2027]);
  return { id: unit.id, code, name };
}

/**
 * A one-time invite code for a unit: adding a focal point (or a manager), or, with `replace` (a
 * person id or full name), handing a focal point's role over on redemption.
 */
export async function inviteCode(
  prisma: PrismaClient,
  clock: Clock,
  unitCode: string,
  role: 'focal' | 'manager' = 'focal',
  replace?: string,
): Promise<string> {
  const r = await createInvite(
    { units: createPrismaUnitStore(prisma), invites: createPrismaInviteStore(prisma), clock },
    { unitCode, role, ttlMs: 7 * 86_400_000, createdBy: 'test', replace },
  );
  if (!r.ok) throw new Error(r.error);
  return r.code;
}

/**
 * `n` new Cục THADS under TCTHADS, each with one focal point bound on Telegram (chat ids from
 * `chatBase`), with their assignments. Fast: a few bulk statements.
 */
export async function bulkFocalPoints(
  prisma: PrismaClient,
  n: number,
  chatBase: number,
): Promise<{ unitIds: number[]; chats: number[] }> {
  const tag = uniqueCode('BULK');
  const tc = await prisma.unit.findUniqueOrThrow({ where: { code: 'TCTHADS' } });
  await prisma.unit.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      code: `${tag}_${i}`,
      name: `Cục THADS thử ${tag.slice(-6)} số ${i}`,
      typeCode: 'CUC_THADS',
      parentId: tc.id,
    })),
  });
  const units = await prisma.unit.findMany({
    where: { code: { startsWith: `${tag}_` } },
    orderBy: { id: 'asc' },
  });
  const people = await prisma.person.createManyAndReturn({
    data: units.map((u) => ({ fullName: `Đầu mối ${u.code}` })),
  });
  const chats = units.map((_, i) => chatBase + i);
  await prisma.identity.createMany({
    data: people.map((p, i) => ({
      personId: p.id,
      channel: 'telegram' as const,
      externalId: String(chats[i]),
      chatId: String(chats[i]),
      verified: true,
    })),
  });
  await prisma.role.createMany({
    data: people.map((p, i) => ({ personId: p.id, role: 'focal' as const, unitId: units[i]!.id })),
  });
  await materialiseYears(prisma, [2026, 2027]);
  return { unitIds: units.map((u) => u.id), chats };
}
