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
  const out = new Map<Locale, { file: string; source: string }[]>();
  for (const locale of LOCALES) {
    const ldir = path.join(dir, locale);
    const files = readdirSync(ldir)
      .filter((f) => f.endsWith('.ftl'))
      .sort();
    out.set(
      locale,
      files.map((f) => ({ file: `${locale}/${f}`, source: readFileSync(path.join(ldir, f), 'utf8') })),
    );
  }
  return out;
}

/** Creates the translator. Unicode isolation marks are off: chat clients show them as boxes. */
export function createTranslator(dir = LOCALES_DIR): Translator {
  const bundles = new Map<Locale, FluentBundle>();
  for (const [locale, files] of loadLocaleFiles(dir)) {
    const bundle = new FluentBundle(locale === 'vi' ? 'vi-VN' : 'en-GB', { useIsolating: false });
    for (const { file, source } of files) {
      const errors = bundle.addResource(new FluentResource(source));
      if (errors.length > 0) throw new Error(`${file}: ${errors[0]!.message}`);
    }
    bundles.set(locale, bundle);
  }
  const format = (locale: Locale, id: string, args?: Record<string, string | number | Date>) => {
    const bundle = bundles.get(locale);
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
      return bundles.get(locale)?.hasMessage(id) ?? false;
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
