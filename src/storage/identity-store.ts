import { isAllowedQuietHours, storedQuietHours } from '../domain/quiet-hours.js';
import type { ChannelName } from '../ports/channel.js';
import type { IdentityStore } from '../ports/identities.js';
import { createBatcher } from './batcher.js';
import type { PrismaClient } from './database.js';
import { asLocale } from './rows.js';
import { readIdentity } from './turn-reads.js';

/**
 * IdentityStore on Prisma. `find` and `touch` are group-committed (calls arriving together share
 * one statement — `find` with the turns' conversation loads, ./turn-reads.ts; `touch` one per
 * channel): a failure rejects every call of the batch. `touch` writes the batch's latest time and clears the blocked mark. Nothing
 * is cached.
 */
export function createPrismaIdentityStore(prisma: PrismaClient): IdentityStore {
  // Last-seen marks are advisory (which channel to remind on): batched too, never on the reply's path.
  const toucher = createBatcher<
    { channel: ChannelName; externalId: string; chatId: string; now: Date },
    void
  >(async (items) => {
    const latest = new Date(Math.max(...items.map((i) => i.now.getTime())));
    const byChannel = new Map<ChannelName, string[]>();
    for (const i of items) byChannel.set(i.channel, [...(byChannel.get(i.channel) ?? []), i.externalId]);
    for (const [channel, ids] of byChannel) {
      await prisma.identity.updateMany({
        where: { channel, externalId: { in: ids } },
        // Writing to the bot means it is not blocked (any more): reminders reach it again.
        data: { lastSeenAt: latest, blockedAt: null },
      });
    }
    return items.map(() => undefined);
  });
  return {
    async find(channel, externalId) {
      const r = await readIdentity(prisma, channel, externalId);
      if (!r) return null;
      return {
        personId: r.personId,
        fullName: r.fullName,
        locale: asLocale(r.locale),
        roles: r.roles.map((x) => ({
          role: x.role,
          unit: { id: x.id, code: x.code, name: x.name, typeCode: x.typeCode },
        })),
        lastSeenAt: r.lastSeenMs === null ? null : new Date(r.lastSeenMs),
        blocked: r.blocked,
      };
    },
    async setLocale(personId, locale) {
      await prisma.person.update({ where: { id: personId }, data: { locale } });
    },
    async setPreferredChannel(personId, channel) {
      if (channel !== null) {
        const bound = await prisma.identity.count({ where: { personId, channel, blockedAt: null } });
        if (bound === 0) return false;
      }
      await prisma.person.update({ where: { id: personId }, data: { preferredChannel: channel } });
      return true;
    },
    async channelsOf(personId) {
      const p = await prisma.person.findUnique({
        where: { id: personId },
        select: {
          preferredChannel: true,
          identities: { where: { blockedAt: null }, select: { channel: true } },
        },
      });
      return {
        channels: [...new Set((p?.identities ?? []).map((i) => i.channel))],
        preferred: p?.preferredChannel ?? null,
      };
    },
    async quietHoursOf(personId) {
      const p = await prisma.person.findUnique({
        where: { id: personId },
        select: { quietFrom: true, quietTo: true },
      });
      return p ? storedQuietHours(p.quietFrom, p.quietTo) : null;
    },
    async setQuietHours(personId, value) {
      if (value !== null && !isAllowedQuietHours(value)) {
        throw new RangeError(`Not an allowed quiet period: ${JSON.stringify(value)}`);
      }
      await prisma.person.update({
        where: { id: personId },
        data: { quietFrom: value?.from ?? null, quietTo: value?.to ?? null },
      });
    },
    async touch(channel, externalId, chatId, now) {
      await toucher.run({ channel, externalId, chatId, now });
    },
    async createLinkCode(personId, codeHash, expiresAt) {
      await prisma.linkCode.create({ data: { personId, codeHash, expiresAt } });
    },
    async redeemLinkCode(input) {
      return prisma.$transaction(async (tx) => {
        const link = await tx.linkCode.findUnique({
          where: { codeHash: input.codeHash },
          include: { person: { select: { fullName: true } } },
        });
        if (!link) return { ok: false, reason: 'unknown' };
        if (link.usedAt) return { ok: false, reason: 'used' };
        if (link.expiresAt.getTime() <= input.now.getTime()) return { ok: false, reason: 'expired' };
        const existing = await tx.identity.findUnique({
          where: { channel_externalId: { channel: input.channel, externalId: input.externalId } },
        });
        if (existing && existing.personId !== link.personId) return { ok: false, reason: 'already_bound' };
        // Claim the code first: of two concurrent redemptions, one wins.
        const claimed = await tx.linkCode.updateMany({
          where: { id: link.id, usedAt: null },
          data: { usedAt: input.now },
        });
        if (claimed.count === 0) return { ok: false, reason: 'used' };
        if (!existing) {
          await tx.identity.create({
            data: {
              personId: link.personId,
              channel: input.channel,
              externalId: input.externalId,
              chatId: input.chatId,
              displayName: input.displayName,
              verified: true,
              lastSeenAt: input.now,
            },
          });
        }
        await tx.auditLog.create({
          data: {
            actor: `person:${link.personId}`,
            action: 'identity.link',
            entity: `Person:${link.personId}`,
            data: { channel: input.channel, at: input.now.toISOString() },
          },
        });
        return { ok: true, personId: link.personId, fullName: link.person.fullName };
      });
    },
  };
}
