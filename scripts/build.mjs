// Builds the compiled runtime: `tsc -p tsconfig.build.json` into dist/, which `npm start`
// (dist/src/main.js) and `npm run cli` (dist/src/cli/main.js) run with plain node.
//
//   node scripts/build.mjs               build only when dist/ is missing or older than the sources
//   node scripts/build.mjs --force       build even when dist/ looks fresh
//   node scripts/build.mjs --check       type-check as well (`npm run build`); type errors fail it
//   node scripts/build.mjs --postinstall as `npm ci` runs it: a failed build is reported loudly
//                                        but does not fail the install (`npm start` tries again)
//
// Without --check the build only transpiles (`--noCheck`, ~4 s instead of ~12 s): running the
// service never waited for the type-checker (tsx did not check either); `npm run check`,
// `npm run build` and the Docker image do. The build is written to a sibling folder and swapped
// in whole, so a process starting meanwhile never reads half a build, and builds started at the
// same time (a test run beside `npm start`) wait for one another instead of colliding.
// Everything this script says goes to stderr: `npm run --silent cli -- parse …` keeps a clean
// stdout.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(root, 'dist');
/** Where a build is written before it replaces dist/; it doubles as the lock between builds. */
const STAGING = path.join(root, '.dist-build');
const STAMP = '.build-stamp.json';
/** Folders compiled by tsconfig.build.json, and the files whose change means a rebuild. */
const SOURCE_DIRS = ['src', 'jobs', path.join('prisma', 'seed')];
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json'];
/** The entry points a usable build must hold. */
const ENTRIES = [path.join('src', 'main.js'), path.join('src', 'cli', 'main.js')];

const args = new Set(process.argv.slice(2));
const force = args.has('--force');
const check = args.has('--check');
const postinstall = args.has('--postinstall');

const say = (line) => process.stderr.write(`${line}\n`);

/** Fails the way the caller asked: loudly; exit 1, or exit 0 during `npm ci`. */
function fail(lines) {
  say('');
  for (const l of lines) say(`✖ ${l}`);
  if (postinstall) {
    say('✖ The install itself went through; `npm start` and `npm run cli` will try the build again.');
  }
  say('');
  process.exit(postinstall ? 0 : 1);
}

/** Every source file tsconfig.build.json compiles, with the newest modification time. */
function sources() {
  const files = [];
  let newest = 0;
  for (const dir of SOURCE_DIRS) {
    const abs = path.join(root, dir);
    if (!existsSync(abs)) continue;
    for (const entry of readdirSync(abs, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ts|mts|cts|js|mjs|json)$/.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      // Served as they are (the dashboard's stylesheet and script), not compiled.
      if (file.split(path.sep).includes('assets')) continue;
      files.push(path.relative(root, file));
      newest = Math.max(newest, statSync(file).mtimeMs);
    }
  }
  for (const f of CONFIG_FILES) {
    const abs = path.join(root, f);
    if (existsSync(abs)) newest = Math.max(newest, statSync(abs).mtimeMs);
  }
  files.sort();
  return { newest, list: createHash('sha256').update(files.join('\n')).digest('hex') };
}

/** True when dist/ holds both entry points, built after the newest source from the same files. */
function fresh(src) {
  if (!ENTRIES.every((e) => existsSync(path.join(DIST, e)))) return false;
  try {
    const stamp = JSON.parse(readFileSync(path.join(DIST, STAMP), 'utf8'));
    return stamp.startedAt >= src.newest && stamp.files === src.list;
  } catch {
    return false;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** Removes the staging folder if this process holds it (an unfinished or failed build). */
function release() {
  try {
    if (Number.parseInt(readFileSync(path.join(STAGING, '.pid'), 'utf8'), 10) === process.pid) {
      rmSync(STAGING, { recursive: true, force: true });
    }
  } catch {
    /* not ours, or already gone */
  }
}

/** Takes the build lock (the staging folder); waits while another live build holds it. */
async function lock() {
  const deadline = Date.now() + 180_000;
  let told = false;
  for (;;) {
    try {
      mkdirSync(STAGING);
      writeFileSync(path.join(STAGING, '.pid'), String(process.pid));
      // Released however this process ends (process.exit skips `finally` blocks).
      process.on('exit', release);
      return true;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    let pid = Number.NaN;
    try {
      pid = Number.parseInt(readFileSync(path.join(STAGING, '.pid'), 'utf8'), 10);
    } catch {
      /* being created or removed right now */
    }
    if (Number.isFinite(pid) && !isAlive(pid)) {
      rmSync(STAGING, { recursive: true, force: true }); // left by a build that was killed
      continue;
    }
    if (Date.now() > deadline) return false;
    if (!told) say('Another build of dist/ is running: waiting for it…');
    told = true;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const hasSources =
  existsSync(path.join(root, 'tsconfig.build.json')) && existsSync(path.join(root, 'src', 'main.ts'));
if (!hasSources) {
  // A deployment (the Docker image) or the first stage of its build, before the sources are copied.
  if (ENTRIES.every((e) => existsSync(path.join(DIST, e))) || postinstall) process.exit(0);
  fail(['Neither the sources nor a build (dist/src/main.js) are here: nothing to run.']);
}

let src = sources();
if (!force && !check && fresh(src)) process.exit(0);

let tsc;
try {
  tsc = createRequire(path.join(root, 'package.json')).resolve('typescript/bin/tsc');
} catch {
  // `npm ci --omit=dev` leaves TypeScript out: fine when a build is already here.
  if (ENTRIES.every((e) => existsSync(path.join(DIST, e)))) {
    say('TypeScript is not installed (dev dependencies omitted): running the existing dist/.');
    process.exit(0);
  }
  fail([
    'Cannot build the service: TypeScript is not installed (dev dependencies were omitted).',
    'Run `npm ci` without --omit=dev, then `npm start`.',
  ]);
}

if (!(await lock())) fail(['Timed out waiting for another build of dist/ (folder .dist-build).']);
{
  // Someone else may have built while we waited.
  src = sources();
  if (!force && !check && fresh(src)) process.exit(0);
  const startedAt = Date.now();
  say(`Building the service: tsc -p tsconfig.build.json → dist/${check ? ' (with type-check)' : ''}…`);
  const r = spawnSync(
    process.execPath,
    [tsc, '-p', 'tsconfig.build.json', '--outDir', STAGING, ...(check ? [] : ['--noCheck'])],
    { cwd: root, encoding: 'utf8' },
  );
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.status !== 0 || r.error) {
    if (output) say(output);
    fail([
      `The build failed (tsc ${r.error ? r.error.message : `exit code ${r.status}`}); dist/ was left as it was.`,
      check
        ? 'Fix the errors above (`npm run typecheck` lists them), then `npm run build`.'
        : 'Fix the errors above, then run `npm run build`.',
    ]);
  }
  if (!ENTRIES.every((e) => existsSync(path.join(STAGING, e)))) {
    fail([`The build did not produce ${ENTRIES.map((e) => `dist/${e}`).join(' and ')}.`]);
  }
  writeFileSync(
    path.join(STAGING, STAMP),
    `${JSON.stringify({ startedAt, files: src.list, checked: check })}\n`,
  );
  // Swap the whole folder: the old one disappears for the instant between the two renames.
  const old = path.join(root, `.dist-old-${process.pid}`);
  if (existsSync(DIST)) renameSync(DIST, old);
  renameSync(STAGING, DIST);
  rmSync(path.join(DIST, '.pid'));
  rmSync(old, { recursive: true, force: true });
  say(`Built dist/ in ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
}
