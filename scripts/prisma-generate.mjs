// Runs `prisma generate` without Prisma's native schema engine, which cannot be downloaded
// on machines without internet access. `generate` only checks that the engine file exists,
// so we point it at a stub that refuses every other command with a clear message.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prismaBin = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
if (!existsSync(prismaBin)) {
  // Production install (npm ci --omit=dev): the client was generated at build time.
  process.exit(0);
}
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY:
    process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(root, 'scripts', 'schema-engine-stub.sh'),
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};
const r = spawnSync(process.execPath, [prismaBin, 'generate'], { cwd: root, env, stdio: 'inherit' });
process.exit(r.status ?? 1);
