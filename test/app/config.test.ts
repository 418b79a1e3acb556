import { describe, expect, it } from 'vitest';
import { describeEnv, parseConfig } from '../../src/config/config.js';
import { runNode } from '../support/cli.js';

describe('configuration', () => {
  it('runs on embedded defaults when nothing is set', () => {
    const r = parseConfig({});
    expect(r).toMatchObject({
      ok: true,
      config: {
        database: { kind: 'pglite', dataDir: './data' },
        redisUrl: 'redis://127.0.0.1:6379',
        port: 3000,
        telegram: { mode: 'off' },
        zalo: { mode: 'off' },
        webChat: true,
        timeZone: 'Asia/Ho_Chi_Minh',
        defaultLocale: 'vi',
        startAt: undefined,
      },
    });
  });

  it('uses PostgreSQL, webhooks and the test clock when configured', () => {
    const r = parseConfig({
      DATABASE_URL: 'postgresql://u@db:5432/dondoc',
      TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.vn/telegram',
      TELEGRAM_WEBHOOK_SECRET: 's3cret-value',
      ZALO_BOT_TOKEN: 'zalo-token-1234567890',
      APP_NOW: '2027-07-08T09:00:00+07:00',
      WEB_CHAT: '1',
    });
    expect(r).toMatchObject({
      ok: true,
      config: {
        database: { kind: 'postgres', url: 'postgresql://u@db:5432/dondoc' },
        telegram: {
          mode: 'webhook',
          url: 'https://bot.example.vn/telegram',
          apiRoot: 'https://api.telegram.org',
        },
        zalo: { mode: 'polling', apiRoot: 'https://bot-api.zaloplatforms.com' },
        webChat: true,
        startAt: new Date('2027-07-08T02:00:00Z'),
      },
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL'],
    [{ APP_TIMEZONE: 'Asia/Hanoi_Nope' }, 'APP_TIMEZONE'],
    [{ APP_NOW: '8/7/2027' }, 'APP_NOW'],
    [{ DEFAULT_LOCALE: 'fr' }, 'DEFAULT_LOCALE'],
    [{ TELEGRAM_BOT_TOKEN: 'not-a-token' }, 'TELEGRAM_BOT_TOKEN'],
    [{ TELEGRAM_API_ROOT: 'ftp://x' }, 'TELEGRAM_API_ROOT'],
    [{ ZALO_WEBHOOK_SECRET: 'short' }, 'ZALO_WEBHOOK_SECRET'],
    [{ WEB_CHAT: 'maybe' }, 'WEB_CHAT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [
      { TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', TELEGRAM_WEBHOOK_URL: 'https://x.vn/t' },
      'TELEGRAM_WEBHOOK_SECRET',
    ],
    [{ ZALO_WEBHOOK_URL: 'https://x.vn/z' }, 'ZALO_WEBHOOK_URL'],
  ])('refuses %j with one line naming %s', (env, name) => {
    const r = parseConfig(env);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.startsWith(`Invalid configuration: ${name} `)).toBe(true);
      expect(r.error).not.toContain('\n');
    }
  });

  it('never echoes a secret value in the error', () => {
    const r = parseConfig({ TELEGRAM_BOT_TOKEN: 'leaky-secret-token-value' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).not.toContain('leaky-secret');
  });

  it('describes every variable of DESIGN.md', () => {
    const names = describeEnv().map((v) => v.name);
    for (const n of [
      'DATABASE_URL',
      'DATA_DIR',
      'REDIS_URL',
      'PORT',
      'TELEGRAM_BOT_TOKEN',
      'TELEGRAM_API_ROOT',
      'TELEGRAM_WEBHOOK_URL',
      'TELEGRAM_WEBHOOK_SECRET',
      'ZALO_BOT_TOKEN',
      'ZALO_API_ROOT',
      'ZALO_WEBHOOK_URL',
      'ZALO_WEBHOOK_SECRET',
      'WEB_CHAT',
      'APP_TIMEZONE',
      'DEFAULT_LOCALE',
      'APP_NOW',
    ]) {
      expect(names).toContain(n);
    }
    expect(describeEnv().every((v) => v.description.length > 10)).toBe(true);
  });

  it('the service stops at start with one clear line naming the bad variable', async () => {
    const r = await runNode(['src/main.ts'], { APP_TIMEZONE: 'Nowhere/Else', PORT: '0' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('Invalid configuration: APP_TIMEZONE is not a known IANA time zone');
  });
});
