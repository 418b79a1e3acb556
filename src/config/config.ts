/**
 * The service's configuration: one zod schema, parsed by a pure function from an environment
 * record. Nothing else in the code base reads `process.env`.
 */
import { z } from 'zod';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const booleanish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const secret = (min: number) =>
  z
    .string()
    .min(min, `must be at least ${min} characters`)
    .max(256, 'must be at most 256 characters')
    .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, "_" and "-"');

const httpsUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** Every environment variable the service reads, with its meaning (the README table is built from it). */
export const envSchema = z.object({
  DATABASE_URL: opt(
    z
      .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql:// URL' })
      .describe('PostgreSQL connection URL. Unset: embedded PGlite database under DATA_DIR.'),
  ),
  DATA_DIR: z.preprocess(
    emptyToUndefined,
    z.string().default('./data').describe('Directory for the embedded database and local Redis data.'),
  ),
  REDIS_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' })
      .default('redis://127.0.0.1:6379')
      .describe(
        'Redis for the job queues. If the default is not answering, a local redis-server is started.',
      ),
  ),
  REDIS_PREFIX: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, 'may contain only letters, digits, "_" and "-"')
      .default('dondoc')
      .describe('Key prefix of the job queues in Redis (several installs can share one Redis).'),
  ),
  PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'must be a port number' })
      .int('must be a port number')
      .min(0)
      .max(65535, 'must be a port number')
      .default(3000)
      .describe('HTTP port: /healthz, webhooks, web chat, dashboard.'),
  ),
  TELEGRAM_BOT_TOKEN: opt(
    z
      .string()
      .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'does not look like a Telegram bot token (digits:letters)')
      .describe('Telegram bot token from @BotFather. Unset: Telegram is off.'),
  ),
  TELEGRAM_API_ROOT: z.preprocess(
    emptyToUndefined,
    httpsUrl
      .default('https://api.telegram.org')
      .describe('Telegram Bot API root (tests point it at a fake).'),
  ),
  TELEGRAM_WEBHOOK_URL: opt(httpsUrl.describe('Public URL Telegram posts updates to. Unset: long polling.')),
  TELEGRAM_WEBHOOK_SECRET: opt(
    secret(1).describe(
      'Secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (required with the webhook).',
    ),
  ),
  ZALO_BOT_TOKEN: opt(
    z
      .string()
      .min(10, 'does not look like a Zalo bot token')
      .regex(/^\S+$/, 'must not contain spaces')
      .describe('Zalo Bot Platform token. Unset: Zalo is off.'),
  ),
  ZALO_API_ROOT: z.preprocess(
    emptyToUndefined,
    httpsUrl
      .default('https://bot-api.zaloplatforms.com')
      .describe('Zalo Bot API root (tests point it at a fake).'),
  ),
  ZALO_WEBHOOK_URL: opt(httpsUrl.describe('Public URL Zalo posts events to. Unset: long polling.')),
  ZALO_WEBHOOK_SECRET: opt(
    secret(8).describe(
      'Secret Zalo sends in X-Bot-Api-Secret-Token, 8–256 characters (required with the webhook).',
    ),
  ),
  PUBLIC_BASE_URL: opt(
    httpsUrl.describe(
      "Public address of this service: the file links sent on Zalo (Zalo fetches charts from it) and the dashboard's sign-in links (`/web`); with `https://` the dashboard's cookies are `Secure` and HSTS is sent. Default: the origin of ZALO_WEBHOOK_URL, else http://localhost:PORT.",
    ),
  ),
  TRUST_PROXY: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'must be a number of proxies (0–10)' })
      .int('must be a number of proxies (0–10)')
      .min(0, 'must be a number of proxies (0–10)')
      .max(10, 'must be a number of proxies (0–10)')
      .default(0)
      .describe(
        'How many reverse proxies (TLS terminator, load balancer) stand in front of the service: their X-Forwarded-For hops are trusted, so the sign-in rate limit counts each client, not the proxy. 0: none.',
      ),
  ),
  TELEGRAM_RATE_PER_SECOND: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'must be a number of messages per second' })
      .positive('must be a number of messages per second')
      .max(10_000, 'must be a number of messages per second')
      .default(25)
      .describe(
        'Messages sent on Telegram per second: reminders of all instances together, and in each instance every request that sends, replies included (Telegram allows about 30).',
      ),
  ),
  ZALO_RATE_PER_SECOND: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'must be a number of messages per second' })
      .positive('must be a number of messages per second')
      .max(10_000, 'must be a number of messages per second')
      .default(20)
      .describe(
        'Messages sent on Zalo per second: reminders of all instances together, and in each instance every request that sends, replies included.',
      ),
  ),
  DELIVERY_CONCURRENCY: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'must be a whole number from 1 to 512' })
      .int('must be a whole number from 1 to 512')
      .min(1, 'must be a whole number from 1 to 512')
      .max(512, 'must be a whole number from 1 to 512')
      .default(10)
      .describe('Reminders in flight at once per channel in this instance.'),
  ),
  POLLING_LEASE_SECONDS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'must be a number of seconds from 1 to 300' })
      .min(1, 'must be a number of seconds from 1 to 300')
      .max(300, 'must be a number of seconds from 1 to 300')
      .default(15)
      .describe(
        'Polling mode with several instances: only the holder of this Redis lease polls a bot; another takes over within this time when it stops or dies.',
      ),
  ),
  WEB_CHAT: opt(
    booleanish.describe('Local web chat for trying the bot. Default: on only on embedded defaults.'),
  ),
  APP_TIMEZONE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine(isTimeZone, 'is not a known IANA time zone')
      .default('Asia/Ho_Chi_Minh')
      .describe('Time zone of deadlines and sending windows.'),
  ),
  DEFAULT_LOCALE: z.preprocess(
    emptyToUndefined,
    z.enum(['vi', 'en'], { error: 'must be vi or en' }).default('vi').describe('Language for new users.'),
  ),
  APP_NOW: opt(
    z.iso
      .datetime({ offset: true, error: 'must be an ISO-8601 date-time, e.g. 2027-07-08T09:00:00+07:00' })
      .describe('Start the service clock at this instant (demos, training, end-to-end tests).'),
  ),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info')
      .describe('Log level (pino).'),
  ),
});

/** The environment as `envSchema` reads it: every variable parsed, defaults applied. */
export type Env = z.infer<typeof envSchema>;

/**
 * How a bot platform (Telegram, Zalo) is reached: `off` without a token, `webhook` when a webhook
 * URL is set (its secret is then required), otherwise long `polling`. `apiRoot` has no trailing
 * slash.
 */
export type ChannelMode =
  | { mode: 'off' }
  | { mode: 'polling'; token: string; apiRoot: string }
  | { mode: 'webhook'; token: string; apiRoot: string; url: string; secret: string };

/**
 * The service's validated settings, built by `parseConfig` and read by the service wiring
 * (src/wiring/service.ts) and the CLI. The database is embedded PGlite under `dataDir` unless
 * DATABASE_URL is set; `redisUrlIsDefault` allows starting a local redis-server.
 */
export interface Config {
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  dataDir: string;
  redisUrl: string;
  redisUrlIsDefault: boolean;
  redisPrefix: string;
  port: number;
  /** Reverse proxies in front (X-Forwarded-For hops trusted). */
  trustProxy: number;
  telegram: ChannelMode;
  zalo: ChannelMode;
  webChat: boolean;
  /** Public origin of the service (file links), without a trailing slash. */
  publicBaseUrl: string;
  timeZone: string;
  defaultLocale: 'vi' | 'en';
  /** Where the service clock starts; undefined = real time. */
  startAt: Date | undefined;
  logLevel: Env['LOG_LEVEL'];
  delivery: { ratePerSecond: { telegram: number; zalo: number }; concurrency: number };
  /** Lease time of the single poller per bot token, in ms. */
  pollingLeaseMs: number;
}

/** The settings, or one line naming the first bad variable (never its value) for the operator. */
export type ConfigResult = { ok: true; config: Config } | { ok: false; error: string };

/**
 * Parses and validates the environment. Pure: same input, same output. On failure the error
 * is one line naming the first bad variable, never its value (it may be a secret).
 */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    return { ok: false, error: `Invalid configuration: ${name} ${issue.message}` };
  }
  const e = parsed.data;
  const channel = (
    prefix: 'TELEGRAM' | 'ZALO',
    token: string | undefined,
    apiRoot: string,
    url: string | undefined,
    secretValue: string | undefined,
  ): ChannelMode | string => {
    if (!token) {
      if (url) return `Invalid configuration: ${prefix}_WEBHOOK_URL is set but ${prefix}_BOT_TOKEN is not`;
      return { mode: 'off' };
    }
    if (url) {
      if (!secretValue)
        return `Invalid configuration: ${prefix}_WEBHOOK_SECRET is required when ${prefix}_WEBHOOK_URL is set`;
      return { mode: 'webhook', token, apiRoot: trimSlash(apiRoot), url, secret: secretValue };
    }
    return { mode: 'polling', token, apiRoot: trimSlash(apiRoot) };
  };
  const telegram = channel(
    'TELEGRAM',
    e.TELEGRAM_BOT_TOKEN,
    e.TELEGRAM_API_ROOT,
    e.TELEGRAM_WEBHOOK_URL,
    e.TELEGRAM_WEBHOOK_SECRET,
  );
  if (typeof telegram === 'string') return { ok: false, error: telegram };
  const zalo = channel('ZALO', e.ZALO_BOT_TOKEN, e.ZALO_API_ROOT, e.ZALO_WEBHOOK_URL, e.ZALO_WEBHOOK_SECRET);
  if (typeof zalo === 'string') return { ok: false, error: zalo };
  const embedded = e.DATABASE_URL === undefined;
  return {
    ok: true,
    config: {
      database: embedded
        ? { kind: 'pglite', dataDir: e.DATA_DIR }
        : { kind: 'postgres', url: e.DATABASE_URL as string },
      dataDir: e.DATA_DIR,
      redisUrl: e.REDIS_URL,
      redisUrlIsDefault: env.REDIS_URL === undefined || env.REDIS_URL.trim() === '',
      redisPrefix: e.REDIS_PREFIX,
      port: e.PORT,
      trustProxy: e.TRUST_PROXY,
      telegram,
      zalo,
      webChat: e.WEB_CHAT ?? embedded,
      publicBaseUrl: trimSlash(
        e.PUBLIC_BASE_URL ??
          (e.ZALO_WEBHOOK_URL ? new URL(e.ZALO_WEBHOOK_URL).origin : `http://localhost:${e.PORT}`),
      ),
      timeZone: e.APP_TIMEZONE,
      defaultLocale: e.DEFAULT_LOCALE,
      startAt: e.APP_NOW ? new Date(e.APP_NOW) : undefined,
      logLevel: e.LOG_LEVEL,
      delivery: {
        ratePerSecond: { telegram: e.TELEGRAM_RATE_PER_SECOND, zalo: e.ZALO_RATE_PER_SECOND },
        concurrency: e.DELIVERY_CONCURRENCY,
      },
      pollingLeaseMs: Math.round(e.POLLING_LEASE_SECONDS * 1000),
    },
  };
}

function trimSlash(s: string): string {
  return s.replace(/\/+$/, '');
}

/** Rows for the README and `.env.example`: variable, default, meaning. */
export function describeEnv(): { name: string; defaultValue: string; description: string }[] {
  const defaults: Record<string, string> = {
    DATA_DIR: './data',
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_PREFIX: 'dondoc',
    PORT: '3000',
    TRUST_PROXY: '0',
    TELEGRAM_API_ROOT: 'https://api.telegram.org',
    ZALO_API_ROOT: 'https://bot-api.zaloplatforms.com',
    APP_TIMEZONE: 'Asia/Ho_Chi_Minh',
    DEFAULT_LOCALE: 'vi',
    LOG_LEVEL: 'info',
    TELEGRAM_RATE_PER_SECOND: '25',
    ZALO_RATE_PER_SECOND: '20',
    DELIVERY_CONCURRENCY: '10',
    POLLING_LEASE_SECONDS: '15',
  };
  return Object.entries(envSchema.shape).map(([name, schema]) => ({
    name,
    defaultValue: defaults[name] ?? '',
    description: findDescription(schema) ?? '',
  }));
}

function findDescription(schema: z.ZodType): string | undefined {
  if (schema.description) return schema.description;
  const def = (schema as unknown as { _zod: { def: { out?: z.ZodType; innerType?: z.ZodType } } })._zod.def;
  const inner = def.out ?? def.innerType;
  return inner ? findDescription(inner) : undefined;
}
