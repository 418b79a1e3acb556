import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/domain/duration.js';

describe('parseDuration', () => {
  it.each([
    ['7d', 7 * 86_400_000],
    ['12h', 12 * 3_600_000],
    ['30m', 1_800_000],
    ['2w', 14 * 86_400_000],
    [' 1D ', 86_400_000],
  ])('%s', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it.each(['', '7', 'd7', '0m', '-1d', '400d', '1.5d', '7 days'])('refuses %j', (text) =>
    expect(parseDuration(text)).toBeNull(),
  );
});
