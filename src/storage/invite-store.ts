/** Invites on Prisma: created by operators (hash only), redeemed from a chat (port: ports/invites.ts). */
import type { InviteRedeemer, InviteStore, RedeemResult } from '../ports/invites.js';
import type { PrismaClient } from './database.js';

/** InviteStore on Prisma. */
export function createPrismaInviteStore(prisma: PrismaClient): InviteStore {
  return {
    async create(invite) {
      return prisma.invite.create({ data: invite, select: { id: true } });
    },
  };
}

/**
 * InviteRedeemer on Prisma, one interactive transaction: claims the invite, creates the person
 * and identity when new (named after the chat's display name, else a placeholder), ends another
 * focal point's role of the unit (with an audit row) and grants the role unless already held.
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
        if (role === 'focal') {
          const previous = await tx.role.findMany({
            where: { unitId: invite.unitId, role: 'focal', endedAt: null, personId: { not: personId } },
            include: { person: true },
          });
          if (previous.length > 0) {
            await tx.role.updateMany({
              where: { id: { in: previous.map((r) => r.id) } },
              data: { endedAt: input.now, endReason: 'handover' },
            });
            handedOverFrom = previous.map((r) => r.person.fullName).join(', ');
            await tx.auditLog.create({
              data: {
                actor: `person:${personId}`,
                action: 'focal.handover',
                entity: `Unit:${invite.unit.code}`,
                data: { from: previous.map((r) => r.personId), to: personId, at: input.now.toISOString() },
              },
            });
          }
        }
        const has = await tx.role.findFirst({
          where: { personId, unitId: invite.unitId, role, endedAt: null },
        });
        if (!has) await tx.role.create({ data: { personId, unitId: invite.unitId, role, since: input.now } });
        await tx.invite.update({ where: { id: invite.id }, data: { usedById: personId } });
        return {
          ok: true,
          role,
          personId,
          handedOverFrom,
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
