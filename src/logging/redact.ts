/** Scrubbing secrets out of free text (log lines, error messages stored in the ledger). */

/** Removes bot tokens (`/bot123:ABC…/`, `123456:ABC-…`) from a string. */
export function redactSecrets(s: string): string {
  return s.replace(/bot[^/\s]+\//g, 'bot[redacted]/').replace(/\b\d{6,}:[A-Za-z0-9_-]{20,}\b/g, '[redacted]');
}
