/**
 * The managers' dashboard in process, as the service wires it (src/wiring/service.ts): the
 * Fastify server with the dashboard plugin, its use cases on the run's PostgreSQL, the managers'
 * actions on a real BullMQ queue in Redis (a prefix of the test's own, nothing consumes it).
 * The cookie-keeping HTTP client that signs in with a one-time link is ./cookie-client.ts.
 */
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { registerDashboard } from '../../src/dashboard/plugin.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import { createLogger } from '../../src/logging/logger.js';
import { DASHBOARD_ASSETS_DIR } from '../../src/paths.js';
import type { Clock } from '../../src/ports/clock.js';
import type { PrismaClient } from '../../src/storage/database.js';
import { createDashboardOnPrisma } from '../../src/wiring/dashboard.js';
import { createReminderRuntime } from '../../src/wiring/reminder-runtime.js';

export interface DashboardServer {
  base: string;
  http: HttpServer;
  dashboard: ReturnType<typeof createDashboardOnPrisma>['dashboard'];
  /** Every log line written, as text. */
  logs(): string;
  close(): Promise<void>;
}

export async function startDashboard(
  prisma: PrismaClient,
  clock: Clock,
  opts: {
    secureCookies?: boolean;
    signInPerMinute?: number;
    pollMs?: number;
    sessionCheckMs?: number;
    baseUrl?: string;
  } = {},
): Promise<DashboardServer> {
  let logText = '';
  const logger = createLogger('debug', {
    write(chunk: string | Uint8Array) {
      logText += chunk.toString();
      return true;
    },
  } as NodeJS.WritableStream);
  const translator = createTranslator();
  const redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
  const prefix = `dash-test-${process.pid}-${Date.now()}`;
  const runtime = createReminderRuntime({
    prisma,
    redis,
    prefix,
    channels: new Map(),
    translator,
    clock,
    timeZone: 'Asia/Ho_Chi_Minh',
    logger,
  });
  const http = createHttpServer({ logger, health: async () => ({ ok: true, checks: {} }) });
  const wired = createDashboardOnPrisma(prisma, {
    translator,
    clock,
    timeZone: 'Asia/Ho_Chi_Minh',
    actions: runtime.managerActions,
    // Links carry this origin; the tests open their path on the server's real port.
    baseUrl: opts.baseUrl ?? 'http://127.0.0.1',
  });
  await registerDashboard(http.app, {
    dashboard: wired.dashboard,
    files: wired.status,
    translator,
    logger,
    timeZone: 'Asia/Ho_Chi_Minh',
    now: () => clock.now(),
    secureCookies: opts.secureCookies ?? false,
    assetsDir: DASHBOARD_ASSETS_DIR,
    signInPerMinute: opts.signInPerMinute,
    pollMs: opts.pollMs ?? 200,
    sessionCheckMs: opts.sessionCheckMs ?? 300,
  });
  const port = await http.listen(0, '127.0.0.1');
  return {
    base: `http://127.0.0.1:${port}`,
    http,
    dashboard: wired.dashboard,
    logs: () => logText,
    async close() {
      await http.close();
      await runtime.queues.close();
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    },
  };
}

export { CookieClient } from './cookie-client.js';
