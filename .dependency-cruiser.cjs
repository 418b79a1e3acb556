/**
 * Dependency rules of STYLE.md: the domain core imports only itself; each library is imported
 * in one folder only.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain imports nothing outside itself: no node:*, no packages, no other layer.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'ports-are-interfaces',
      comment: 'src/ports depends only on the domain and other ports.',
      severity: 'error',
      from: { path: '^src/ports/' },
      to: { pathNot: '^src/(domain|ports)/' },
    },
    {
      name: 'prisma-only-in-storage',
      severity: 'error',
      from: { pathNot: '^(src/storage/|src/generated/|test/)' },
      to: { path: '(^|/)node_modules/(@prisma/|pglite-prisma-adapter|@electric-sql/pglite)|^src/generated/' },
    },
    {
      name: 'bullmq-cron-ioredis-only-in-jobs',
      severity: 'error',
      from: { pathNot: '^(jobs/|test/)' },
      to: { path: '(^|/)node_modules/(bullmq|node-cron|ioredis)/' },
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
