import { type Logger, pino } from 'pino';
import { redactSecrets } from './redact.js';

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
