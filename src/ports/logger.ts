/**
 * The structured logger every layer writes to (pino, built in src/logging/logger.ts). Log what
 * an operator needs to follow the service — never a token, an invite code, a figure a person
 * typed or a message's text: the implementation redacts known fields, callers must not add others.
 */

/** Logs a message, optionally with a structured object first (`logger.warn({ err }, 'failed')`). */
export interface LogFn {
  (obj: object, msg?: string): void;
  (msg: string): void;
}

/**
 * The logger each layer receives through its dependencies: pino's level methods and `child`.
 * Implementation: `createLogger` (src/logging/logger.ts), JSON lines with known secret and
 * personal fields redacted and bot tokens scrubbed from free text; tests pass a silent or
 * capturing one. Calls return nothing: logging is never awaited and never decides behaviour.
 */
export interface Logger {
  trace: LogFn;
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  fatal: LogFn;
  /** A logger that adds `bindings` to every line. */
  child(bindings: Record<string, unknown>): Logger;
}
