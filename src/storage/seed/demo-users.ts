/**
 * Demo identities for the local web chat: a focal point of a Sở Tư pháp and of a provincial
 * THADS, and managers of Vụ TĐKT and the Cục Quản lý THADS. Created only when the web chat is on.
 */
import type { DemoUser, WebChatUsers } from '../../ports/web-chat-users.js';
import type { PrismaClient } from '../database.js';

const DEMO: { id: string; name: string; role: 'focal' | 'manager'; unit: string }[] = [
  { id: 'demo-stp-hanoi', name: 'Nguyễn Thị Lan (đầu mối)', role: 'focal', unit: 'STP_HANOI' },
  { id: 'demo-thads-hanoi', name: 'Trần Văn Minh (đầu mối)', role: 'focal', unit: 'THADS_HANOI' },
  { id: 'demo-vu-tdkt', name: 'Lê Thu Hà (Vụ TĐKT)', role: 'manager', unit: 'VU_TDKT' },
  { id: 'demo-tcthads', name: 'Phạm Quốc Hưng (Cục Quản lý THADS)', role: 'manager', unit: 'TCTHADS' },
];

/** Creates the demo people, web identities and roles if missing (idempotent). */
export async function ensureDemoUsers(prisma: PrismaClient): Promise<DemoUser[]> {
  const out: DemoUser[] = [];
  for (const d of DEMO) {
    const unit = await prisma.unit.findUnique({ where: { code: d.unit } });
    if (!unit) continue;
    let identity = await prisma.identity.findUnique({
      where: { channel_externalId: { channel: 'web', externalId: d.id } },
    });
    if (!identity) {
      const person = await prisma.person.create({ data: { fullName: d.name, locale: 'vi' } });
      identity = await prisma.identity.create({
        data: {
          personId: person.id,
          channel: 'web',
          externalId: d.id,
          chatId: d.id,
          displayName: d.name,
          verified: true,
        },
      });
    }
    const has = await prisma.role.findFirst({
      where: { personId: identity.personId, unitId: unit.id, role: d.role, endedAt: null },
    });
    if (!has) {
      // A demo focal point takes over only a unit without a real one.
      const taken =
        d.role === 'focal' &&
        (await prisma.role.count({ where: { unitId: unit.id, role: 'focal', endedAt: null } })) > 0;
      if (!taken)
        await prisma.role.create({ data: { personId: identity.personId, unitId: unit.id, role: d.role } });
    }
    out.push({ id: d.id, name: d.name, role: d.role, unitCode: unit.code, unitName: unit.name });
  }
  return out;
}

/** The WebChatUsers port on Prisma: the demo web identities that exist, in creation order. */
export function createWebChatUsers(prisma: PrismaClient): WebChatUsers {
  return { list: () => listWebUsers(prisma) };
}

/** The web identities that exist (demo users), for the web chat's picker. */
export async function listWebUsers(prisma: PrismaClient): Promise<DemoUser[]> {
  const rows = await prisma.identity.findMany({
    where: { channel: 'web', externalId: { startsWith: 'demo-' } },
    include: { person: { include: { roles: { where: { endedAt: null }, include: { unit: true } } } } },
    orderBy: { id: 'asc' },
  });
  return rows.flatMap((r) => {
    const role = r.person.roles[0];
    if (!role) return [];
    return [
      {
        id: r.externalId,
        name: r.person.fullName,
        role: role.role === 'manager' ? ('manager' as const) : ('focal' as const),
        unitCode: role.unit.code,
        unitName: role.unit.name,
      },
    ];
  });
}
