/**
 * Parses a duration such as `7d`, `12h`, `30m`, `2w` into milliseconds; null when malformed or
 * outside 1 minute … 366 days.
 */
export function parseDuration(text: string): number | null {
  const m = /^\s*(\d{1,4})\s*([mhdw])\s*$/i.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  const ms =
    n * ({ m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const)[unit as 'm' | 'h' | 'd' | 'w'];
  if (ms < 60_000 || ms > 366 * 86_400_000) return null;
  return ms;
}
