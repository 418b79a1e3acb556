/**
 * Operators' command line: `npm run cli -- <command> [options]`. Messages in DEFAULT_LOCALE
 * (Vietnamese unless set; `--lang en` overrides). Exit code 0 on success, 1 on a refusal or
 * error, 2 on bad usage or configuration.
 */
import { parseArgs } from 'node:util';
import { parseConfig } from '../config/config.js';
import { createTranslator } from '../i18n/fluent.js';
import type { Locale } from '../ports/translator.js';
import { createSystemClock } from '../wiring/system-clock.js';
import { type CommandContext, commands } from './commands.js';

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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
