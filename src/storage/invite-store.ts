/** Invites on Prisma: created by operators (hash only), redeemed from a chat (port: ports/invites.ts). */
import type { InviteRedeemer, InviteStore, RedeemResult } from '../ports/invites.js';
import type { PrismaClient } from './database.js';
import { preferred, reachSelect } from './reminder-recipient-store.js';

/**
 * InviteStore on Prisma. A handover invite is written with its AuditLog row in one transaction;
 * neither holds the code (only its hash is stored, and the audit names the invite by id).
 */
export function createPrismaInviteStore(prisma: PrismaClient): InviteStore {
  return {
    async create(invite) {
      const replaces = invite.replacesPersonId ?? null;
      if (replaces === null) {
        return prisma.invite.create({ data: { ...invite, replacesPersonId: null }, select: { id: true } });
      }
      return prisma.$transaction(async (tx) => {
        const row = await tx.invite.create({
          data: { ...invite, replacesPersonId: replaces },
          select: { id: true, unit: { select: { code: true } } },
        });
        await tx.auditLog.create({
          data: {
            actor: invite.createdBy,
            action: 'focal.handover.invite',
            entity: `Unit:${row.unit.code}`,
            data: { replaces, inviteId: row.id, expiresAt: invite.expiresAt.toISOString() },
          },
        });
        return { id: row.id };
      });
    },

    async focalPoints(unitId) {
      const roles = await prisma.role.findMany({
        where: { unitId, role: 'focal', endedAt: null },
        select: { personId: true, since: true, person: { select: { fullName: true, ...reachSelect } } },
        orderBy: [{ since: 'asc' }, { id: 'asc' }],
      });
      const seen = new Set<number>();
      return roles.flatMap((r) => {
        if (seen.has(r.personId)) return [];
        seen.add(r.personId);
        const reach = preferred(r.personId, r.person.identities, r.person.preferredChannel);
        return [
          {
            personId: r.personId,
            fullName: r.person.fullName,
            since: r.since,
            channel: reach?.channel ?? null,
          },
        ];
      });
    },
  };
}

/**
 * InviteRedeemer on Prisma, one interactive transaction: claims the invite, creates the person
 * and identity when new (named after the chat's display name, else a placeholder), grants the
 * role unless already held, and — for a handover invite only — ends the replaced person's focal
 * role of the unit, with an audit row. A plain focal invite ends nobody's role.
 */
export function createPrismaInviteRedeemer(prisma: PrismaClient): InviteRedeemer {
  return {
    async redeem(input): Promise<RedeemResult> {
      return prisma.$transaction(async (tx) => {
        const invite = await tx.invite.findUnique({
          where: { codeHash: input.codeHash },
          include: { unit: true },
        });
        if (!invite) return { ok: false, reason: 'unknown' };
        if (invite.usedAt) return { ok: false, reason: 'used' };
        if (invite.expiresAt.getTime() <= input.now.getTime()) return { ok: false, reason: 'expired' };
        if (!invite.unit.active) return { ok: false, reason: 'retired_unit' };
        const claimed = await tx.invite.updateMany({
          where: { id: invite.id, usedAt: null },
          data: { usedAt: input.now },
        });
        if (claimed.count !== 1) return { ok: false, reason: 'used' };

        let identity = await tx.identity.findUnique({
          where: { channel_externalId: { channel: input.channel, externalId: input.externalId } },
        });
        if (!identity) {
          const person = await tx.person.create({
            data: { fullName: input.displayName?.slice(0, 200) || 'Đầu mối', locale: input.locale },
          });
          identity = await tx.identity.create({
            data: {
              personId: person.id,
              channel: input.channel,
              externalId: input.externalId,
              chatId: input.chatId,
              displayName: input.displayName?.slice(0, 200) ?? null,
              verified: true,
            },
          });
        } else if (identity.chatId !== input.chatId) {
          await tx.identity.update({ where: { id: identity.id }, data: { chatId: input.chatId } });
        }
        const personId = identity.personId;
        const role = invite.role === 'manager' ? 'manager' : 'focal';
        let handedOverFrom: string | null = null;
        const replaces = invite.replacesPersonId;
        if (role === 'focal' && replaces !== null && replaces !== personId) {
          const previous = await tx.role.findMany({
            where: { unitId: invite.unitId, role: 'focal', endedAt: null, personId: replaces },
            include: { person: { select: { fullName: true } } },
          });
          if (previous.length > 0) {
            await tx.role.updateMany({
              where: { id: { in: previous.map((r) => r.id) } },
              data: { endedAt: input.now, endReason: 'handover' },
            });
            handedOverFrom = previous[0]!.person.fullName;
            await tx.auditLog.create({
              data: {
                actor: `person:${personId}`,
                action: 'focal.handover',
                entity: `Unit:${invite.unit.code}`,
                data: { from: replaces, to: personId, inviteId: invite.id, at: input.now.toISOString() },
              },
            });
          }
        }
        const has = await tx.role.findFirst({
          where: { personId, unitId: invite.unitId, role, endedAt: null },
        });
        if (!has) await tx.role.create({ data: { personId, unitId: invite.unitId, role, since: input.now } });
        await tx.invite.update({ where: { id: invite.id }, data: { usedById: personId } });
        const others =
          role === 'focal'
            ? await tx.role.findMany({
                where: { unitId: invite.unitId, role: 'focal', endedAt: null, personId: { not: personId } },
                select: { personId: true, person: { select: { fullName: true } } },
                orderBy: [{ since: 'asc' }, { id: 'asc' }],
              })
            : [];
        const alongside = [...new Map(others.map((r) => [r.personId, r.person.fullName])).values()];
        return {
          ok: true,
          role,
          personId,
          handedOverFrom,
          alongside,
          unit: {
            id: invite.unit.id,
            code: invite.unit.code,
            name: invite.unit.name,
            typeCode: invite.unit.typeCode,
          },
        };
      });
    },
  };
}
