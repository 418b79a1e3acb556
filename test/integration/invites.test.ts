import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashInviteCode, normalizeInviteCode } from '../../src/app/invites.js';
import type { Database } from '../../src/storage/database.js';
import { runCli } from '../support/cli.js';
import { openTestDatabase } from '../support/db.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const CODE_RE = /^[A-HJ-KMNP-Z2-9]{4}-[A-HJ-KMNP-Z2-9]{4}-[A-HJ-KMNP-Z2-9]{4}$/m;

describe('invite', () => {
  it('prints a one-time code once and stores only its hash', async () => {
    const r = await runCli(['invite', '--unit', 'stp_hanoi', '--role', 'manager', '--ttl', '2d'], {
      DATABASE_URL: inject('databaseUrl'),
      APP_NOW: '2027-07-01T08:00:00+07:00',
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(STP_HANOI) (vai trò: quản lý)');
    const code = CODE_RE.exec(r.stdout)?.[0];
    expect(code).toBeDefined();
    const invite = await db.prisma.invite.findUniqueOrThrow({
      where: { codeHash: hashInviteCode(code!) },
      include: { unit: true },
    });
    expect(invite.unit.code).toBe('STP_HANOI');
    expect(invite.role).toBe('manager');
    expect(invite.usedAt).toBeNull();
    // Two days from the APP_NOW clock (tolerating the seconds the CLI took to start).
    const expected = new Date('2027-07-03T01:00:00Z').getTime();
    expect(Math.abs(invite.expiresAt.getTime() - expected)).toBeLessThan(120_000);
    // Nothing in the row reveals the code.
    const raw = JSON.stringify(
      await db.prisma.$queryRawUnsafe('SELECT * FROM "Invite" WHERE id = $1', invite.id),
    );
    expect(raw).not.toContain(code!);
    expect(raw).not.toContain(normalizeInviteCode(code!));
    expect(invite.codeHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads a code typed in lower case or with spaces as the same code', () => {
    expect(hashInviteCode('k7pm q2xd 9rwa')).toBe(hashInviteCode('K7PM-Q2XD-9RWA'));
    expect(hashInviteCode('K7PM-Q2XD-9RWB')).not.toBe(hashInviteCode('K7PM-Q2XD-9RWA'));
  });

  it.each([
    [['--unit', 'NO_SUCH_UNIT'], 1, 'Không có đơn vị mã "NO_SUCH_UNIT".'],
    [['--unit', 'STP_HANOI', '--ttl', 'forever'], 2, 'Thời hạn "forever" không hợp lệ'],
    [['--unit', 'STP_HANOI', '--role', 'boss'], 2, 'Vai trò "boss" không hợp lệ'],
    [[], 2, 'Thiếu --unit <code>.'],
  ])('refuses %j', async (args, exit, message) => {
    // Only invites the CLI issued for the unit tried (other test files issue theirs, for their
    // own units, in parallel).
    const mine = { createdBy: 'cli', unit: { code: 'STP_HANOI' } };
    const before = await db.prisma.invite.count({ where: mine });
    const r = await runCli(['invite', ...args], { DATABASE_URL: inject('databaseUrl') });
    expect(r.code).toBe(exit);
    expect(r.stderr).toContain(message);
    expect(await db.prisma.invite.count({ where: mine })).toBe(before);
  });
});

describe('invite with Telegram configured', () => {
  it('also prints the one-tap deep link t.me/<bot>?start=<code>', async () => {
    const { createFakeTelegram } = await import('../fakes/telegram-api.js');
    const tg = createFakeTelegram({ username: 'dondoc_btp_bot' });
    await tg.start();
    try {
      const r = await runCli(['invite', '--unit', 'THADS_HANOI'], {
        DATABASE_URL: inject('databaseUrl'),
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
      });
      expect(r.code).toBe(0);
      const code = CODE_RE.exec(r.stdout)?.[0];
      expect(r.stdout).toContain(
        `Liên kết Telegram (bấm là kết nối): https://t.me/dondoc_btp_bot?start=${code}`,
      );
      expect(r.stdout + r.stderr).not.toContain(tg.token);
    } finally {
      await tg.stop();
    }
  });
});
