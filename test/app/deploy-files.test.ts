import { spawnSync } from 'node:child_process';
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
    expect(stages[0]).toMatch(/^RUN npm ci( |$)/m);
    expect(stages[0]).toContain('npx tsc -p tsconfig.json');
    expect(stages[1]).toContain('npm ci --omit=dev');
    expect(stages[1]).toMatch(/^USER node$/m);
  });
  it('runs the compiled service with node as PID 1 (exec form: no shell, no npm, no tsx)', () => {
    const cmd = [...text.matchAll(/^CMD (.+)$/gm)].map((m) => m[1]!);
    expect(cmd).toHaveLength(1);
    expect(JSON.parse(cmd[0]!)).toEqual(['node', 'dist/src/main.js']);
    expect(text).not.toMatch(/^ENTRYPOINT/m);
    expect(text.replace(/^#.*$/gm, '')).not.toContain('tsx');
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
    // What the image runs is what the build writes (dist/ is built before the suite runs).
    expect(existsSync(path.join(ROOT, 'dist', 'src', 'main.js'))).toBe(true);
    expect(existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'main.js'))).toBe(true);
  });
  it('keeps the build context small: local data, builds and modules stay out of it', () => {
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const p of ['node_modules', 'dist', 'data', '.git', 'src/generated']) expect(ignored).toContain(p);
  });
});

/** Why no image can be built here, or null when a Docker daemon answers. */
function dockerUnavailable(): string | null {
  const r = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (r.error) return `no docker client (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})`;
  if (r.status !== 0 || !r.stdout.trim()) {
    const why = (r.stderr || r.stdout).trim().split('\n').pop();
    return `the Docker daemon does not answer (${why || `docker info exit ${r.status}`})`;
  }
  return null;
}

/** Lines of a failed `docker build` that say the network (npm registry, base image) is out of reach. */
const OFFLINE =
  /ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ECONNRESET|network is unreachable|failed to resolve source metadata|failed to do request|TLS handshake timeout|i\/o timeout|registry\.npmjs\.org/i;

describe('Docker image', () => {
  it('builds from the Dockerfile and its command is node (the compiled service), not tsx', (ctx) => {
    const unavailable = dockerUnavailable();
    if (unavailable) {
      console.log(`Docker image test skipped: ${unavailable}.`);
      ctx.skip(unavailable);
    }
    const tag = `dondoc-test:${process.pid}`;
    // The layer cache keeps a rebuild short when only the sources changed (dependencies first).
    const build = spawnSync('docker', ['build', '--quiet', '-t', tag, '.'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 900_000,
    });
    if (build.status !== 0) {
      const out = `${build.stdout}${build.stderr}`;
      if (OFFLINE.test(out)) {
        const reason = `the Docker build cannot reach the network (${OFFLINE.exec(out)![0]})`;
        console.log(`Docker image test skipped: ${reason}.`);
        ctx.skip(reason);
      }
      expect.fail(`docker build failed:\n${out.slice(-4000)}`);
    }
    try {
      const inspect = spawnSync(
        'docker',
        ['image', 'inspect', '--format', '{{json .Config.Cmd}} {{json .Config.User}}', tag],
        { encoding: 'utf8' },
      );
      const [cmd, user] = inspect.stdout.trim().split(' ');
      expect(JSON.parse(cmd!)).toEqual(['node', 'dist/src/main.js']);
      expect(JSON.parse(user!)).toBe('node');
      // The compiled CLI starts inside the image and finds its messages (locales beside dist/).
      const usage = spawnSync('docker', ['run', '--rm', tag, 'node', 'dist/src/cli/main.js'], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(usage.status).toBe(2);
      expect(usage.stderr).toContain('npm run cli -- <lệnh>');
      // No TypeScript runner at run time: the production install leaves it out or unused.
      const ps = spawnSync(
        'docker',
        ['run', '--rm', tag, 'sh', '-c', 'ls dist/src/main.js && test ! -e src'],
        {
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(ps.status).toBe(0);
    } finally {
      spawnSync('docker', ['image', 'rm', '-f', tag], { encoding: 'utf8' });
    }
  }, 960_000);
});
