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
