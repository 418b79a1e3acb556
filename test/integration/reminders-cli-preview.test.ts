/**
 * `reminders:tick` is safe by default, as an operator meets it through the real CLI entry: without
 * `--send` it is a preview — it lists who would be reminded, with an example text, and leaves the
 * ledger, the skipped stages, the assignments and the queue as they were; `--send` for an
 * instant far from the real clock is refused on a real database (no APP_NOW) and writes
 * nothing. BC6T 2039-H1, a year no other test file plans: due Friday 15 July 2039, T-7 Friday
 * 8 July.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRedis } from '../../src/redis/connection.js';
import type { Database } from '../../src/storage/database.js';
import { runCli } from '../support/cli.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';
import { makeUnit } from '../support/org.js';

const T7 = '2039-07-08T09:00:00+07:00';
let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

describe('reminders:tick without --send', () => {
  it('previews who would be reminded and keeps nothing; --send far from the real clock is refused', async () => {
    const prefix = uniqueCode('preview').toLowerCase();
    // A real database: no APP_NOW.
    const env = { DATABASE_URL: inject('databaseUrl'), REDIS_URL: inject('redisUrl'), REDIS_PREFIX: prefix };
    const unit = await makeUnit(db.prisma, 'SO_TU_PHAP', { cluster: 'CUM_STP_1' });
    const chat = 970_000_000 + Math.floor(Math.random() * 1_000_000);
    const focal = await db.prisma.person.create({
      data: {
        fullName: `Lê Thị Xem ${unit.code}`,
        identities: { create: { channel: 'zalo', externalId: String(chat), chatId: String(chat) } },
        roles: { create: { role: 'focal', unitId: unit.id } },
      },
    });
    // A unit with nobody to remind: named as such, not silently left out.
    const lonely = await makeUnit(db.prisma, 'SO_TU_PHAP', { cluster: 'CUM_STP_1' });
    const kept = async () => ({
      // Of 2039 only: another file's real pass (2028) may remind this unit of its 2028 reports.
      ledger: await db.prisma.reminderLedger.count({
        where: { recipientId: focal.id, assignment: { period: { year: 2039 } } },
      }),
      skipped: await db.prisma.skippedStage.count({
        where: { assignment: { unitId: unit.id, period: { year: 2039 } } },
      }),
      // Materialising 2039 is part of the pass: in a preview it is rolled back with the rest.
      assignments2039: await db.prisma.assignment.count({ where: { period: { year: 2039 } } }),
      periods2039: await db.prisma.period.count({ where: { year: 2039 } }),
    });
    const before = await kept();
    expect(before).toEqual({ ledger: 0, skipped: 0, assignments2039: 0, periods2039: 0 });

    const preview = await runCli(['reminders:tick', '--now', T7, '--format', 'text'], env);
    expect(preview.stderr).toBe('');
    expect(preview.code).toBe(0);
    const out = preview.stdout.trimEnd().split('\n');
    expect(out[0]).toBe(
      'Xem trước lượt nhắc lúc 09:00 ngày 08/07/2039: chưa gửi, chưa ghi gì (thêm --send để gửi thật).',
    );
    // Grouped by stage: our unit, its focal point and channel, and the text they would get.
    const group = out.findIndex((l) => l.startsWith('Nhắc hạn T-7 — BC6T, 6 tháng đầu năm 2039 ('));
    expect(group).toBeGreaterThan(0);
    // Each line a unit, its focal point and channel; ours among them unless other test files'
    // units (sharing the database) fill the group's first lines — the JSON below lists them all.
    expect(out[group + 1]).toMatch(/^ {2}• .+ \(.+\) → .+ qua (Telegram|Zalo|trang chat thử)/);
    const lines = out.slice(
      group + 1,
      out.findIndex((l, i) => i > group && !l.startsWith('  • ')),
    );
    if (!out.some((l, i) => i > group && /^ {2}… /.test(l)))
      expect(lines).toContain(`  • ${unit.name} (${unit.code}) → Lê Thị Xem ${unit.code} qua Zalo`);
    const example = out.findIndex((l, i) => i > group && l.startsWith('  Ví dụ, tin gửi '));
    expect(example).toBeGreaterThan(group);
    expect(out[example + 1]).toMatch(/^ {4}│ 📅 Nhắc hạn: .* — hạn 15\/07\/2039 \(còn 7 ngày\)\.$/);
    expect(out.at(-2)).toMatch(
      /^[\d.]+ đơn vị có mốc nhắc đến hạn nhưng chưa có đầu mối nào kết nối với bot, nên không ai nhận \(cấp mã mời: npm run cli -- invite --unit <mã>\): /,
    );
    expect(out.at(-1)).toMatch(
      /^Nếu chạy với --send: gửi [\d.]+ tin nhắc hạn tới đầu mối, [\d.]+ tin báo đơn vị chậm nộp tới quản lý và cụm trưởng, [\d.]+ bản tin tuần tới quản lý; bỏ qua [\d.]+ mốc nhắc/,
    );

    // By default a JSON summary for scripts (DESIGN.md's stable interface), its counts in one
    // sentence on stderr for the person at the terminal.
    const json = await runCli(['reminders:tick', '--now', T7], env);
    expect(json.code).toBe(0);
    expect(json.stderr.trim()).toMatch(
      /^Nếu chạy với --send: gửi \d{1,3}(\.\d{3})* tin nhắc hạn tới đầu mối, /,
    );
    const report = JSON.parse(json.stdout) as {
      mode: string;
      planned: number;
      unreached: { code: string }[];
      groups: {
        stage: string;
        duty: string;
        messages: { units: { code: string }[]; recipient: string; channel: string }[];
      }[];
    };
    expect(report.mode).toBe('preview');
    expect(report.planned).toBeGreaterThanOrEqual(1);
    expect(
      report.groups
        .filter((g) => g.stage === 'T-7' && g.duty === 'BC6T')
        .flatMap((g) => g.messages)
        .filter((m) => m.units.some((u) => u.code === unit.code)),
    ).toEqual([
      { units: [expect.objectContaining({ code: unit.code })], recipient: focal.fullName, channel: 'zalo' },
    ]);

    expect(report.unreached.map((u) => u.code)).toContain(lonely.code);
    expect(report.unreached.map((u) => u.code)).not.toContain(unit.code);

    // --send at an instant far from the real clock, on a real database: refused, in words.
    const refused = await runCli(['reminders:tick', '--now', T7, '--send'], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(
      'Không gửi: thời điểm --now (09:00 ngày 08/07/2039) cách giờ thực hiện tại',
    );
    expect(refused.stderr).toContain('hơn 10 phút');
    expect(refused.stderr).toContain('bỏ --send để xem trước');
    expect(refused.stderr).toContain('APP_NOW');
    const english = await runCli(['reminders:tick', '--now', T7, '--send', '--lang', 'en'], env);
    expect(english.code).toBe(1);
    expect(english.stderr).toContain(
      'Not sent: --now (09:00 on 08/07/2039) is more than 10 minutes from the real time',
    );

    // Nothing kept by any of them: no ledger row, no skipped stage, no assignment, no job.
    expect(await kept()).toEqual(before);
    const redis = createRedis(inject('redisUrl'));
    try {
      expect(await redis.keys(`${prefix}:*`)).toEqual([]);
    } finally {
      redis.disconnect();
    }
  }, 120_000);
});
