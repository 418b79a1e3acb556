import type { InviteStore } from '../ports/invite-store.js';
import type { PrismaClient } from './database.js';

/** InviteStore on Prisma. */
export function createPrismaInviteStore(prisma: PrismaClient): InviteStore {
  return {
    async create(invite) {
      return prisma.invite.create({ data: invite, select: { id: true } });
    },
  };
}
