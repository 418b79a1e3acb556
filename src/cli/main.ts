/**
 * Operators' command line: `npm run cli -- <command> [options]`. Messages in DEFAULT_LOCALE
 * (Vietnamese unless set; `--lang en` overrides). Exit code 0 on success, 1 on a refusal or
 * error, 2 on bad usage or configuration.
 */
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import type { Locale } from '../ports/translator.js';
import type { CommandContext } from './commands.js';

// A command lives for a second, and optimising compilers pay off in the long-running service,
// not here (issue 24, `npm run bench:cli`): WebAssembly (Prisma's query compiler, PGlite, the
// schema engine) is compiled by V8's baseline compiler only, each function when first called
// (TurboFan took 35–45 % of a command's CPU); JavaScript is optimised only after 32 times the
// usual work, so a short command never waits for TurboFan while a long one (an import, a tick
// over thousands of assignments) still gets it (−15 % more). Set before the modules below load.
v8.setFlagsFromString('--liftoff-only');
v8.setFlagsFromString('--wasm-lazy-compilation');
v8.setFlagsFromString('--interrupt-budget=2097152');

/**
 * `--stages -7,-3,0` as an operator types it: node's parser takes a value starting with `-` for
 * an option and refuses it, so a string option followed by a negative number gets it joined
 * (`--stages=-7,-3,0`).
 */
function joinNegativeValues(args: string[], options: Record<string, { type: string }>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

async function main(argv: string[]): Promise<number> {
  const [{ parseConfig }, { createTranslator }, { createSystemClock }, { commands }] = await Promise.all([
    import('../config/config.js'),
    import('../i18n/fluent.js'),
    import('../wiring/system-clock.js'),
    import('./commands.js'),
  ]);
  const [name, ...rest] = argv;
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n`);
    return 2;
  }
  const langIdx = rest.indexOf('--lang');
  let locale: Locale = parsed.config.defaultLocale;
  if (langIdx >= 0) {
    locale = rest[langIdx + 1] === 'en' ? 'en' : 'vi';
    rest.splice(langIdx, 2);
  }
  const i18n = createTranslator();
  const t = (id: string, args?: Record<string, string | number>) => i18n.t(locale, id, args);
  const command = name ? commands[name] : undefined;
  if (!command) {
    if (name) process.stderr.write(`${t('cli-unknown-command', { command: name })}\n`);
    process.stderr.write(`${t('cli-usage', { commands: Object.keys(commands).join(', ') })}\n`);
    return 2;
  }
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs({
      args: joinNegativeValues(rest, command.options ?? {}),
      options: command.options ?? {},
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  const ctx: CommandContext = {
    config: parsed.config,
    clock: createSystemClock(parsed.config.startAt),
    t,
    locale,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
  return command.run(ctx, args.values as Record<string, string | boolean | undefined>, args.positionals);
}

/**
 * Exits with `code` once everything written to stdout and stderr has left the process: to a pipe
 * the writes are asynchronous, and `process.exit` at once would cut a long JSON report short.
 */
function exitWhenFlushed(code: number): void {
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

main(process.argv.slice(2)).then(exitWhenFlushed, (err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  exitWhenFlushed(1);
});
