/**
 * The operator's reminder commands, as an operator runs them (the real CLI entry):
 * `reminders:tick --now … --send` on a test database (APP_NOW set) plans one pass for any
 * instant (materialising the year it needs) and enqueues it; `reminders:list` prints the ledger
 * for people — Vietnamese states, local times, digests named by their scope. BC6T 2028-H1, a
 * year no other test file plans: due Saturday 15 July 2028, so Monday 17 July; T-7 is Monday
 * 10 July, T+1 Tuesday 18 July.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import { runCli } from '../support/cli.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';
import { makeUnit } from '../support/org.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

describe('reminders:tick --send and reminders:list', () => {
  it('plans a far-ahead instant on a test database, and lists the ledger in Vietnamese with local times', async () => {
    const env = {
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL: inject('redisUrl'),
      // Jobs of a prefix no worker reads: this test checks planning, not sending.
      REDIS_PREFIX: uniqueCode('cli').toLowerCase(),
      // A test database: its clock is set, so --send may plan another instant.
      APP_NOW: '2028-07-10T09:00:00+07:00',
    };
    const unit = await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
    const chat = 980_000_000 + Math.floor(Math.random() * 1_000_000);
    await db.prisma.person.create({
      data: {
        fullName: `Đầu mối ${unit.code}`,
        identities: { create: { channel: 'telegram', externalId: String(chat), chatId: String(chat) } },
        roles: { create: { role: 'focal', unitId: unit.id } },
      },
    });
    const tc = await db.prisma.unit.findUniqueOrThrow({ where: { code: 'TCTHADS' } });
    const manager = await db.prisma.person.create({
      data: {
        fullName: `Quản lý ${unit.code}`,
        identities: {
          create: { channel: 'telegram', externalId: String(chat + 1), chatId: String(chat + 1) },
        },
        roles: { create: { role: 'manager', unitId: tc.id } },
      },
    });

    const t7 = await runCli(
      ['reminders:tick', '--now', '2028-07-10T02:00:00Z', '--send', '--format', 'json'],
      env,
    );
    // The counts in one sentence on stderr, for the person at the terminal; the JSON on stdout.
    expect(t7.stderr.trim()).toMatch(/^Đã lên lịch gửi \d{1,3}(\.\d{3})* tin nhắc hạn tới đầu mối/);
    expect(t7.code).toBe(0);
    const summary = JSON.parse(t7.stdout) as {
      mode: string;
      planned: number;
      escalations: number;
      groups: { stage: string; messages: { units: { code: string }[]; recipient: string }[] }[];
    };
    expect(summary.mode).toBe('send');
    expect(summary.planned).toBeGreaterThanOrEqual(1);
    expect(
      summary.groups
        .filter((g) => g.stage === 'T-7')
        .flatMap((g) => g.messages)
        .filter((m) => m.units[0]?.code === unit.code)
        .map((m) => m.recipient),
    ).toEqual([`Đầu mối ${unit.code}`]);
    const ourT7 = () =>
      db.prisma.reminderLedger.count({
        // This period only: other files' passes of 2027 remind every unit, this one too.
        where: {
          assignment: { unitId: unit.id, duty: { code: 'BC6T' }, periodCode: '2028-H1' },
          stage: 'T-7',
        },
      });
    expect(await ourT7()).toBe(1);
    // The same morning again, as text: the ledger dedupes (other files' new units may still get
    // theirs); the counts are explained in one line.
    const again = await runCli(
      ['reminders:tick', '--now', '2028-07-10T02:05:00Z', '--send', '--format', 'text'],
      env,
    );
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Lượt nhắc lúc 09:05 ngày 10/07/2028: đã ghi vào sổ nhắc');
    expect(again.stdout).not.toContain(`Đầu mối ${unit.code}`);
    expect(again.stdout.trim().split('\n').at(-1)).toMatch(
      /^Đã lên lịch gửi [\d.]+ tin nhắc hạn tới đầu mối, [\d.]+ tin báo đơn vị chậm nộp tới quản lý và cụm trưởng, [\d.]+ bản tin tuần tới quản lý; bỏ qua [\d.]+ mốc nhắc/,
    );
    expect(await ourT7()).toBe(1);
    // T+1: the unit is still missing; the Tổng cục's manager gets one digest.
    const t1 = JSON.parse(
      (await runCli(['reminders:tick', '--now', '2028-07-18T02:00:00Z', '--send', '--format', 'json'], env))
        .stdout,
    );
    expect(t1.escalations).toBeGreaterThanOrEqual(1);
    expect(
      await db.prisma.reminderLedger.count({
        where: {
          kind: 'escalation',
          recipientId: manager.id,
          periodCode: '2028-H1',
          unitIds: { has: unit.id },
        },
      }),
    ).toBe(1);

    const list = await runCli(
      ['reminders:list', '--duty', 'bc6t', '--period', '2028-H1', '--unit', unit.code, '--format', 'json'],
      env,
    );
    expect(list.code).toBe(0);
    const rows = JSON.parse(list.stdout) as { stage: string; status: string }[];
    expect(rows.map((r) => [r.stage, r.status]).sort()).toEqual([
      ['T+1', 'planned'],
      ['T-7', 'planned'],
    ]);
    const text = await runCli(['reminders:list', '--duty', 'BC6T', '--period', '2028-H1'], env);
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'Mã | Loại | Đơn vị | Báo cáo | Kỳ | Mốc | Người nhận | Kênh | Trạng thái | Số lần | Thời điểm | Lỗi',
    );
    // A reminder: its unit, a Vietnamese state, the local time with a four-digit year.
    expect(
      lines.filter((l) =>
        l.includes(
          ` | nhắc hạn | ${unit.code} | BC6T | 2028-H1 | T-7 | Đầu mối ${unit.code} | Telegram | đang chờ gửi | 0 | 09:00 ngày 10/07/2028 | `,
        ),
      ),
    ).toHaveLength(1);
    // The manager's digest names its scope: the Cục THADS still missing, counted — or, when only
    // this file's unit is missing (other files' units share the database), that unit.
    expect(
      lines.filter((l) =>
        new RegExp(
          ` \\| báo cáo chậm \\| ([\\d.]+ đơn vị|${unit.code}) \\| BC6T \\| 2028-H1 \\| T\\+1 \\| Quản lý ${unit.code} \\| Telegram \\| đang chờ gửi \\| 0 \\| 09:00 ngày 18/07/2028 \\| $`,
        ).test(l),
      ),
    ).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/^\d{1,3}(\.\d{3})* dòng nhắc\.$/);

    // A negative stage list after its option, as typed: read as the option's value (the duty is
    // unknown, so nothing changes), not refused as an unknown option.
    const stages = await runCli(['duties:set-reminders', '--duty', 'KHONGCO', '--stages', '-7,-3,0'], env);
    expect(stages.code).toBe(1);
    expect(stages.stderr).toContain('KHONGCO');

    const bad = await runCli(['reminders:tick', '--now', 'ngày mai'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('ngày mai');
  }, 120_000);
});
