import { type Logger, pino } from 'pino';

export type { Logger };

/**
 * Paths never written to logs: tokens, secrets, invite codes and personal data. Bot tokens
 * also hide inside Bot API URLs; `redactSecrets` scrubs those from free text.
 */
const REDACT = [
  'token',
  '*.token',
  'secret',
  '*.secret',
  'code',
  '*.code',
  'inviteCode',
  '*.inviteCode',
  'text',
  '*.text',
  'phone',
  '*.phone',
  'fullName',
  '*.fullName',
  'headers.authorization',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'req.headers["x-bot-api-secret-token"]',
];

/** Creates the service logger (JSON lines on stdout, or on `destination` in tests). */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === 'string' ? redactSecrets(a) : a));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    destination as pino.DestinationStream | undefined,
  );
}

/** Removes bot tokens (`/bot123:ABC…/`, `123456:ABC-…`) from a string. */
export function redactSecrets(s: string): string {
  return s.replace(/bot[^/\s]+\//g, 'bot[redacted]/').replace(/\b\d{6,}:[A-Za-z0-9_-]{20,}\b/g, '[redacted]');
}
