/** Who hears about an assignment, and where each person is reached, on Prisma. */
import type { ChannelName } from '../ports/channel.js';
import type { Recipient, ReminderRecipients } from '../ports/reminder-recipients.js';
import type { PrismaClient } from './database.js';

const CHANNEL_PREFERENCE: ChannelName[] = ['telegram', 'zalo', 'web'];

/** An identity's columns that choose where a person is reached. */
type ReachableIdentity = {
  channel: ChannelName;
  chatId: string;
  blockedAt: Date | null;
  lastSeenAt?: Date | null;
};

/**
 * The identity a person is reached on: the channel they chose (`Person.preferredChannel`) if
 * they have a usable identity there; else the identity they wrote from last (`lastSeenAt`,
 * never-seen identities after); ties and never-seen identities in the order Telegram, Zalo,
 * web. Blocked identities are never used.
 */
export function preferred(
  personId: number,
  identities: ReachableIdentity[],
  preferredChannel?: ChannelName | null,
): Recipient | null {
  const usable = identities.filter((i) => i.blockedAt === null);
  const rank = (c: ChannelName) => CHANNEL_PREFERENCE.indexOf(c);
  const seen = (i: { lastSeenAt?: Date | null }) => i.lastSeenAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const ordered = [...usable].sort((a, b) => {
    const chosen = Number(b.channel === preferredChannel) - Number(a.channel === preferredChannel);
    if (chosen !== 0) return chosen;
    const last = seen(b) - seen(a);
    if (last !== 0 && !Number.isNaN(last)) return last;
    return rank(a.channel) - rank(b.channel);
  });
  const i = ordered[0];
  return i ? { personId, channel: i.channel, chatId: i.chatId } : null;
}

/** What `preferred` needs of a person, as a Prisma select. */
export const reachSelect = {
  preferredChannel: true,
  identities: { select: { channel: true, chatId: true, blockedAt: true, lastSeenAt: true } },
} as const;

/** Adds `r` to `list` unless the person is in it already. */
function addOnce(list: Recipient[], r: Recipient): void {
  if (!list.some((x) => x.personId === r.personId)) list.push(r);
}

/** The `ReminderRecipients` port on Prisma. */
export function createPrismaReminderRecipients(prisma: PrismaClient): ReminderRecipients {
  /** The people holding `role` in these units now, with where each is reached. */
  const holders = (unitIds: readonly number[], role: 'manager' | 'focal') =>
    prisma.role.findMany({
      where: { unitId: { in: [...unitIds] }, role, endedAt: null },
      select: { unitId: true, personId: true, person: { select: reachSelect } },
    });
  const reach = (r: {
    personId: number;
    person: { preferredChannel: ChannelName | null; identities: ReachableIdentity[] };
  }) => preferred(r.personId, r.person.identities, r.person.preferredChannel);

  return {
    async focalRecipients(unitIds) {
      const out = new Map<number, Recipient[]>();
      for (const r of await holders(unitIds, 'focal')) {
        const rec = reach(r);
        if (!rec) continue;
        const list = out.get(r.unitId) ?? [];
        addOnce(list, rec);
        out.set(r.unitId, list);
      }
      return out;
    },

    async recipientsOf(personIds) {
      const people = await prisma.person.findMany({
        where: { id: { in: [...personIds] } },
        select: { id: true, ...reachSelect },
      });
      const out = new Map<number, Recipient>();
      for (const p of people) {
        const rec = preferred(p.id, p.identities, p.preferredChannel);
        if (rec) out.set(p.id, rec);
      }
      return out;
    },

    async escalationRecipients(unitIds, dutyId, opts = {}) {
      const units = await prisma.unit.findMany({
        where: { id: { in: [...unitIds] } },
        select: {
          id: true,
          parentId: true,
          memberships: {
            where: { until: null },
            select: {
              clusterId: true,
              cluster: {
                select: {
                  members: {
                    where: { until: null, role: { in: ['head', 'deputy'] } },
                    select: { unitId: true },
                  },
                },
              },
            },
          },
        },
      });
      const duty = await prisma.duty.findUnique({ where: { id: dutyId }, select: { recipientUnitId: true } });
      // Managers of: the unit the duty reports to (Vụ TĐKT), the unit's ancestors (Tổng cục for a Cục
      // THADS), its clusters; and the focal points of its clusters' head and deputy units.
      const out = new Map<number, Recipient[]>();
      const peopleCache = new Map<number, Recipient[]>();
      const people = async (unitId: number, role: 'manager' | 'focal') => {
        const key = role === 'manager' ? unitId : -unitId;
        const hit = peopleCache.get(key);
        if (hit) return hit;
        const recs = (await holders([unitId], role)).map(reach).filter((r): r is Recipient => r !== null);
        peopleCache.set(key, recs);
        return recs;
      };
      const parents = new Map(
        (await prisma.unit.findMany({ select: { id: true, parentId: true } })).map((u) => [u.id, u.parentId]),
      );
      for (const u of units) {
        const recs: Recipient[] = [];
        const add = (list: Recipient[]) => {
          for (const r of list) addOnce(recs, r);
        };
        if (duty?.recipientUnitId != null) add(await people(duty.recipientUnitId, 'manager'));
        for (
          let p = u.parentId, guard = 0;
          p !== null && p !== undefined && guard < 10;
          p = parents.get(p) ?? null, guard++
        ) {
          add(await people(p, 'manager'));
        }
        for (const m of u.memberships) {
          add(await people(m.clusterId, 'manager'));
          if (opts.clusterLeads === false) continue;
          for (const lead of m.cluster.members)
            if (lead.unitId !== u.id) add(await people(lead.unitId, 'focal'));
        }
        out.set(u.id, recs);
      }
      return out;
    },

    async goneNotice(personId, unitId) {
      const [person, unit] = await Promise.all([
        prisma.person.findUnique({ where: { id: personId }, select: { fullName: true, ...reachSelect } }),
        prisma.unit.findUnique({ where: { id: unitId }, select: { name: true } }),
      ]);
      if (!person || !unit) return null;
      const still = preferred(personId, person.identities, person.preferredChannel);
      return { personName: person.fullName, unitName: unit.name, reachedOn: still?.channel ?? null };
    },
  };
}
