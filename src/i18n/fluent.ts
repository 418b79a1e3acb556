/**
 * Fluent translations from `locales/<lang>/*.ftl` (one file per feature, same ids in every
 * language).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { LOCALES_DIR } from '../paths.js';
import { LOCALES, type Locale, type Translator } from '../ports/translator.js';

export { LOCALES_DIR };

/** Reads every `.ftl` file of each locale. Throws on a syntax error, naming the file. */
export function loadLocaleFiles(dir = LOCALES_DIR): Map<Locale, { file: string; source: string }[]> {
  return new Map(LOCALES.map((locale) => [locale, readLocale(dir, locale)]));
}

/** The `.ftl` files of one locale, in name order. */
function readLocale(dir: string, locale: Locale): { file: string; source: string }[] {
  const ldir = path.join(dir, locale);
  return readdirSync(ldir)
    .filter((f) => f.endsWith('.ftl'))
    .sort()
    .map((f) => ({ file: `${locale}/${f}`, source: readFileSync(path.join(ldir, f), 'utf8') }));
}

/** Translators already built, by folder: one is immutable, so a process parses its files once. */
const translators = new Map<string, Translator>();

/**
 * The translator of the `.ftl` files in `dir` (built on first use, then shared). Unicode
 * isolation marks are off: chat clients show them as boxes.
 */
export function createTranslator(dir = LOCALES_DIR): Translator {
  let translator = translators.get(dir);
  if (!translator) {
    translator = buildTranslator(dir);
    translators.set(dir, translator);
  }
  return translator;
}

function buildTranslator(dir: string): Translator {
  // Each language is read and parsed when first asked for: a CLI command printing JSON never
  // parses any, one in Vietnamese only Vietnamese (issue 24: every command's start counts).
  const bundles = new Map<Locale, FluentBundle>();
  const bundleOf = (locale: Locale): FluentBundle | undefined => {
    if (!LOCALES.includes(locale)) return undefined;
    let bundle = bundles.get(locale);
    if (!bundle) {
      bundle = new FluentBundle(locale === 'vi' ? 'vi-VN' : 'en-GB', { useIsolating: false });
      for (const { file, source } of readLocale(dir, locale)) {
        const errors = bundle.addResource(new FluentResource(source));
        if (errors.length > 0) throw new Error(`${file}: ${errors[0]!.message}`);
      }
      bundles.set(locale, bundle);
    }
    return bundle;
  };
  const format = (locale: Locale, id: string, args?: Record<string, string | number | Date>) => {
    const bundle = bundleOf(locale);
    const msg = bundle?.getMessage(id);
    if (!bundle || !msg?.value) return undefined;
    const errors: Error[] = [];
    const text = bundle.formatPattern(msg.value, args as Record<string, string | number>, errors);
    return text;
  };
  return {
    t(locale, id, args) {
      return format(locale, id, args) ?? format('vi', id, args) ?? id;
    },
    has(locale, id) {
      return bundleOf(locale)?.hasMessage(id) ?? false;
    },
  };
}

/** Message ids defined in each locale (for the test that both languages stay complete). */
export function messageIds(dir = LOCALES_DIR): Map<Locale, Set<string>> {
  const out = new Map<Locale, Set<string>>();
  for (const [locale, files] of loadLocaleFiles(dir)) {
    const ids = new Set<string>();
    for (const { source } of files) {
      for (const m of source.matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)) ids.add(m[1]!);
    }
    out.set(locale, ids);
  }
  return out;
}
