import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/cli.js';

// No Docker engine on this machine: check the files as far as we can without one.
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as {
    services: Record<
      string,
      {
        healthcheck?: { test: unknown };
        depends_on?: Record<string, { condition: string }>;
        environment?: Record<string, string>;
        command?: string[];
      }
    >;
  };
  it('names the service, PostgreSQL and Redis, each with a health check', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'postgres', 'redis']);
    for (const s of Object.values(compose.services)) expect(s.healthcheck?.test).toBeTruthy();
  });
  it('starts the app after healthy databases, on PostgreSQL and Redis with noeviction', () => {
    const app = compose.services.app!;
    expect(app.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(app.environment?.DATABASE_URL).toMatch(/^postgresql:\/\/.*@postgres:5432\//);
    expect(app.environment?.REDIS_URL).toBe('redis://redis:6379');
    expect(compose.services.redis!.command).toEqual(
      expect.arrayContaining(['--maxmemory-policy', 'noeviction']),
    );
  });
});

describe('Dockerfile', () => {
  const text = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  const stages = text.split(/^FROM /m).slice(1);
  it('has two stages: type-check and build, then production dependencies as a non-root user', () => {
    expect(stages).toHaveLength(2);
    expect(stages[0]).toMatch(/RUN npm ci\n/);
    expect(stages[0]).toContain('npx tsc -p tsconfig.json');
    expect(stages[1]).toContain('npm ci --omit=dev');
    expect(stages[1]).toMatch(/^USER node$/m);
    expect(stages[1]).toMatch(/^CMD \["node", "dist\/src\/main\.js"\]$/m);
  });
  it('copies only files that exist', () => {
    const sources = [...text.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    expect(sources.length).toBeGreaterThan(5);
    for (const s of sources) expect(existsSync(path.join(ROOT, s)), s).toBe(true);
  });
  it('the build output it runs is what tsconfig.build.json emits', () => {
    const build = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.build.json'), 'utf8')) as {
      compilerOptions: { outDir: string };
      include: string[];
    };
    expect(build.compilerOptions.outDir).toBe('dist');
    expect(build.include).toContain('src');
  });
});
