/**
 * Every message id the code names literally exists in the locales: a renamed or mistyped id
 * would otherwise reach a person as the bare id (the translator's last fallback).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageIds } from '../../src/i18n/fluent.js';
import { ROOT } from '../support/cli.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'generated' ? [] : sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** `tr(turn, 'id'`, `t(locale, 'id'`, `translator.t(x, 'id'`, `ctx.t('id'`, `t('id'` … */
const CALL =
  /\b(?:tr\(\s*\w+,\s*|\.t\(\s*[\w.]+,\s*|\bt\(\s*[\w.]+,\s*|ctx\.t\(\s*|\bt\(\s*)'([a-z][a-z0-9]*(?:-[a-z0-9_]+)+)'/g;

describe('message ids named in the code', () => {
  it('each exists in the Vietnamese locale (and so, by the locales test, in English)', () => {
    const vi = messageIds().get('vi')!;
    const missing: string[] = [];
    let seen = 0;
    for (const file of [...sourceFiles(path.join(ROOT, 'src')), ...sourceFiles(path.join(ROOT, 'jobs'))]) {
      for (const m of readFileSync(file, 'utf8').matchAll(CALL)) {
        seen += 1;
        if (!vi.has(m[1]!)) missing.push(`${path.relative(ROOT, file)}: ${m[1]}`);
      }
    }
    expect(seen).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});
