/**
 * The project's layering (docs/architecture.md), checked by `npm run check`:
 *
 *   domain ◀─ ports ◀─ messages ◀─ app (use cases) ◀─ dialog, dashboard (web pages)
 *                 ▲         ▲
 *   adapters: channels · storage · redis · http · exports · jobs · i18n (each sees only ports,
 *   the pure domain, and for jobs the use cases they run)
 *   entry points: src/main.ts, src/cli, src/wiring (the composition root) see everything.
 *
 * Each library is imported in one folder only (Prisma in storage, BullMQ and node-cron in jobs,
 * ioredis in redis and jobs, grammY in the Telegram adapter).
 */
const SRC_LAYERS =
  '^src/(domain|ports|messages|app|dialog|dashboard|channels|storage|redis|http|exports|i18n|logging|config|wiring|cli|generated)/|^jobs/|^src/[^/]+[.]ts$';

/** A rule: files under `from` may import, of the project's own files, only those under `allowed`. */
function layer(name, from, allowed, comment) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: from },
    to: { path: SRC_LAYERS, pathNot: allowed },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain imports nothing outside itself: no node:*, no packages, no other layer.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    layer(
      'ports-see-domain',
      '^src/ports/',
      '^src/(domain|ports)/',
      'Ports are contracts: they name domain types and each other.',
    ),
    layer(
      'messages-see-ports',
      '^src/messages/',
      '^src/(domain|ports|messages)/',
      'What people read is formatted from domain values and port views only.',
    ),
    layer(
      'app-sees-ports',
      '^src/app/',
      '^src/(domain|ports|messages|app)/',
      'Use cases depend on ports, never on an adapter.',
    ),
    layer(
      'dialog-sees-app',
      '^src/dialog/',
      '^src/(domain|ports|messages|app|dialog)/',
      'The dialog drives use cases and ports; it never sees an adapter.',
    ),
    layer(
      'dashboard-sees-app',
      '^src/dashboard/',
      '^src/(domain|ports|messages|app|dashboard|logging)/',
      'The web dashboard, like the dialog, drives use cases; it renders pages and never sees storage.',
    ),
    layer(
      'channels-see-ports',
      '^src/channels/',
      '^src/(domain|ports|channels|logging)/',
      'Channel adapters only translate: ports in, ports out.',
    ),
    layer(
      'storage-sees-ports',
      '^src/storage/',
      '^src/(domain|ports|storage|generated)/|^src/paths[.]ts$|^prisma/',
      'Stores implement ports on Prisma.',
    ),
    layer(
      'redis-sees-ports',
      '^src/redis/',
      '^src/(ports|redis|logging)/',
      'Redis helpers (connection, lease, file blobs) implement ports.',
    ),
    layer(
      'http-sees-ports',
      '^src/http/',
      '^src/(ports|http|logging)/',
      'The HTTP server hands routes out; it knows no channel.',
    ),
    layer(
      'exports-see-ports',
      '^src/exports/',
      '^src/(domain|ports|messages|exports)/|^src/paths[.]ts$',
      'Excel and chart renderers implement the exporter port.',
    ),
    layer(
      'jobs-see-app',
      '^jobs/',
      '^jobs/|^src/(ports|app|logging)/',
      'Jobs run use cases over ports; they never reach an adapter.',
    ),
    layer(
      'i18n-sees-ports',
      '^src/i18n/',
      '^src/(ports|i18n)/|^src/paths[.]ts$',
      'The translator implements its port.',
    ),
    layer('logging-is-a-leaf', '^src/logging/', '^src/logging/', 'The logger depends on nothing of ours.'),
    layer(
      'config-is-a-leaf',
      '^src/config/',
      '^src/(config|domain|ports)/',
      'Config is parsed by a pure function.',
    ),
    {
      name: 'prisma-only-in-storage',
      severity: 'error',
      from: { pathNot: '^(src/storage/|src/generated/|test/)' },
      to: { path: '(^|/)node_modules/(@prisma/|pglite-prisma-adapter|@electric-sql/pglite)|^src/generated/' },
    },
    {
      name: 'bullmq-cron-only-in-jobs',
      severity: 'error',
      from: { pathNot: '^(jobs/|test/)' },
      to: { path: '(^|/)node_modules/(bullmq|node-cron)/' },
    },
    {
      name: 'ioredis-only-in-redis-and-jobs',
      severity: 'error',
      from: { pathNot: '^(jobs/|src/redis/|test/)' },
      to: { path: '(^|/)node_modules/ioredis/' },
    },
    {
      name: 'fastify-only-in-http-and-dashboard',
      severity: 'error',
      from: { pathNot: '^(src/http/|src/dashboard/|test/)' },
      to: { path: '(^|/)node_modules/(fastify|@fastify/)' },
    },
    {
      name: 'grammy-only-in-telegram-adapter',
      severity: 'error',
      from: { pathNot: '^(src/channels/telegram/|test/)' },
      to: { path: '(^|/)node_modules/(grammy|@grammyjs/)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    builtInModules: { add: [] },
  },
};
