/**
 * The one font of every chart, DejaVu Sans, which covers every Vietnamese letter and tone mark:
 * where its files are, and its real advance widths, which Vega is told to lay text out with
 * (instead of its canvas-less guess of 0.8 em a character) so labels are neither cut early nor
 * overlapping.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as vega from 'vega';
import { ChartError } from '../ports/status-exporter.js';

/** The family name the charts ask for; resvg is given exactly these files for it. */
export const FONT_FAMILY = 'DejaVu Sans';
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];
const DEBIAN_FONT_DIR = '/usr/share/fonts/truetype/dejavu';

let fontFilesCache: string[] | null = null;

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package (installed by `npm ci` everywhere, the Docker
 * image included), else Debian's `fonts-dejavu-core`.
 * @throws ChartError `font_missing` when neither is there.
 */
export function chartFontFiles(): string[] {
  if (fontFilesCache) return fontFilesCache;
  const dirs: string[] = [];
  try {
    const pkg = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json');
    dirs.push(path.join(path.dirname(pkg), 'ttf'));
  } catch {
    // not installed: try the system copy below
  }
  dirs.push(DEBIAN_FONT_DIR);
  for (const dir of dirs) {
    const files = FONT_FILES.map((f) => path.join(dir, f));
    if (files.every((f) => existsSync(f))) {
      fontFilesCache = files;
      return files;
    }
  }
  throw new ChartError(
    'font_missing',
    `No font covering Vietnamese for charts: install the npm package dejavu-fonts-ttf (npm ci) or Debian's fonts-dejavu-core (looked in ${dirs.join(', ')})`,
  );
}

/** Advance widths of a TrueType font, from its `cmap` (format 4) and `hmtx` tables. */
export interface FontMetrics {
  /** Width of `text` at `size` px, without kerning (which only narrows it). */
  width(text: string, size: number): number;
}

function readMetrics(file: string): FontMetrics {
  const buf = readFileSync(file);
  const tables = new Map<string, number>();
  for (let i = 0, n = buf.readUInt16BE(4); i < n; i++) {
    const rec = 12 + 16 * i;
    tables.set(buf.toString('latin1', rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  const table = (tag: string): number => {
    const at = tables.get(tag);
    if (at === undefined) throw new ChartError('font_missing', `${file} has no ${tag} table`);
    return at;
  };
  const unitsPerEm = buf.readUInt16BE(table('head') + 18);
  const hMetrics = buf.readUInt16BE(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advance = (glyph: number) => buf.readUInt16BE(hmtx + 4 * Math.min(glyph, hMetrics - 1));

  const cmap = table('cmap');
  let sub = -1;
  for (let i = 0, n = buf.readUInt16BE(cmap + 2); i < n; i++) {
    const rec = cmap + 4 + 8 * i;
    const offset = cmap + buf.readUInt32BE(rec + 4);
    if (buf.readUInt16BE(rec) === 3 && buf.readUInt16BE(rec + 2) === 1 && buf.readUInt16BE(offset) === 4)
      sub = offset;
  }
  if (sub < 0) throw new ChartError('font_missing', `${file} has no Unicode BMP cmap`);
  const segs = buf.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segs + 2;
  const deltas = starts + 2 * segs;
  const rangeOffsets = deltas + 2 * segs;
  const glyphOf = (cp: number): number => {
    for (let i = 0; i < segs; i++) {
      if (buf.readUInt16BE(ends + 2 * i) < cp) continue;
      const start = buf.readUInt16BE(starts + 2 * i);
      if (start > cp) return 0;
      const delta = buf.readInt16BE(deltas + 2 * i);
      const ro = buf.readUInt16BE(rangeOffsets + 2 * i);
      if (ro === 0) return (cp + delta) & 0xffff;
      const g = buf.readUInt16BE(rangeOffsets + 2 * i + ro + 2 * (cp - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  const cache = new Map<number, number>();
  const fallback = 0.6 * unitsPerEm;
  return {
    width(text, size) {
      let units = 0;
      for (const ch of text) {
        const cp = ch.codePointAt(0) ?? 0;
        let w = cache.get(cp);
        if (w === undefined) {
          const g = cp > 0xffff ? 0 : glyphOf(cp);
          w = g === 0 ? fallback : advance(g);
          cache.set(cp, w);
        }
        units += w;
      }
      return (units * size) / unitsPerEm;
    },
  };
}

let metricsCache: { regular: FontMetrics; bold: FontMetrics } | null = null;

/** Widths of the regular and bold faces, read once per process. */
export function chartMetrics(): { regular: FontMetrics; bold: FontMetrics } {
  if (!metricsCache) {
    const [regular = '', bold = ''] = chartFontFiles();
    metricsCache = { regular: readMetrics(regular), bold: readMetrics(bold) };
  }
  return metricsCache;
}

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

/**
 * Tells Vega to size text with DejaVu Sans' real widths (Vega's documented hook for renderers
 * without a canvas). Every chart here uses that one font, so the hook is global and idempotent.
 */
export function useChartFontMetrics(): void {
  const m = chartMetrics();
  const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } })
    .textMetrics;
  metrics.width = (item, text) => {
    const t = text == null ? '' : String(text).trim();
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const weight = item.fontWeight;
    const bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
    const w = (bold ? m.bold : m.regular).width(t, size);
    return item.limit && item.limit > 0 ? Math.min(w, item.limit) : w;
  };
}
