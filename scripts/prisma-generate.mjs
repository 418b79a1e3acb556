// Runs `prisma generate` without Prisma's native schema engine, which cannot be downloaded
// on machines without internet access. `generate` only checks that the engine file exists,
// so we point it at a stub that refuses every other command with a clear message.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
if (r.status !== 0) process.exit(r.status ?? 1);

// The generated client imports Prisma's runtime as `@prisma/client/runtime/client`, which Node
// resolves to its CommonJS build ("node" export condition) even from our ES modules: Node then
// scans that 200 kB file for its exports and loads it as CommonJS, 20 ms of every CLI command's
// start (issue 24). The package ships the same runtime as an ES module beside it, with its own
// types (client.d.mts): import that one. Every import of the runtime goes through these files,
// so there is still one copy of it (and of its error classes) in a process.
const generated = path.join(root, 'src', 'generated', 'prisma');
const CJS_RUNTIME = '"@prisma/client/runtime/client"';
const ESM_RUNTIME = '"@prisma/client/runtime/client.mjs"';
if (existsSync(path.join(root, 'node_modules', '@prisma', 'client', 'runtime', 'client.mjs'))) {
  for (const entry of readdirSync(generated, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    if (text.includes(CJS_RUNTIME)) writeFileSync(file, text.replaceAll(CJS_RUNTIME, ESM_RUNTIME));
  }
}
