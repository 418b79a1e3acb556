import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envExample, readmeWithTable } from '../../scripts/env-docs.js';
import { ROOT } from '../support/cli.js';

describe('README and .env.example stay true to the config schema', () => {
  it('README configuration table is the generated one (npm run docs:env)', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toBe(readmeWithTable(readme));
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toMatch(/^npm test\b/m);
  });
  it('.env.example lists every variable', () => {
    expect(readFileSync(path.join(ROOT, '.env.example'), 'utf8')).toBe(envExample());
  });
});
