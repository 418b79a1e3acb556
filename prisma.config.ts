import { defineConfig } from 'prisma/config';

// Prisma 7 does not load `.env`; `env()` would throw when DATABASE_URL is unset (CI, generate).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/dondoc' },
});
