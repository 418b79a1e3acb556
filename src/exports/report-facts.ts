/**
 * What the workbook and the chart both read off a status report: indicator names and targets,
 * target scopes' names, and the instant a file was made (the order of states is the domain's
 * `STATUS_STATES`).
 */
import { localDateOf, localTimeOf } from '../domain/calendar.js';
import type { IndicatorKind } from '../domain/figures/index.js';
import type { IndicatorSummary, StatusReport, UnitStatus } from '../domain/status.js';
import { resolveTarget, type ScopedTarget } from '../domain/submission.js';
import { formatDate, formatTarget, type Translate } from '../messages/format.js';
import type { IndicatorMeta } from '../ports/status-exporter.js';
import type { Locale } from '../ports/translator.js';

/**
 * The indicator's names, kind and targets: taken from the summary when the report carries them,
 * else from `given` (the `indicators` of the `StatusInput`), else the code, a plain number and no
 * target — the file is still right, only less informative.
 */
export function indicatorMeta(summary: IndicatorSummary, given?: readonly IndicatorMeta[]): IndicatorMeta {
  const s: IndicatorSummary & Partial<IndicatorMeta> = summary;
  const g = given?.find((m) => m.code === summary.code);
  return {
    code: summary.code,
    labelVi: s.labelVi ?? g?.labelVi ?? summary.code,
    labelEn: s.labelEn ?? g?.labelEn ?? summary.code,
    kind: s.kind ?? g?.kind ?? 'text',
    targets: s.targets ?? g?.targets ?? [],
  };
}

/**
 * The targets that matter for this report: each per-unit target that applies to at least one of
 * its units (the most specific scope wins, as in the report), and the system-wide sums.
 */
export function relevantTargets(
  targets: readonly ScopedTarget[],
  units: readonly UnitStatus[],
): ScopedTarget[] {
  const perUnit = targets.filter((t) => t.kind !== 'sum');
  const used = new Set<ScopedTarget>();
  for (const u of units) {
    const t = resolveTarget(perUnit, {
      code: u.code,
      typeCode: u.typeCode,
      clusterCodes: u.clusters.map((c) => c.code),
    });
    if (t) used.add(t);
  }
  return targets.filter((t) => t.kind === 'sum' || used.has(t));
}

/** Names for target scopes: the report's clusters and units by code; other scopes (unit types) as they are. */
export function scopeNamer(report: StatusReport): (scope: string) => string {
  const names = new Map<string, string>();
  for (const u of report.units) {
    names.set(u.code, u.name);
    for (const c of u.clusters) names.set(c.code, c.name);
  }
  return (scope) => names.get(scope) ?? scope;
}

/**
 * The year's targets of an indicator in a few characters, each as {@link formatTarget} writes it;
 * when several apply, those for a narrower scope than `ALL` are prefixed by the scope's name
 * (`Cụm …: ≥ 80 %`); `—` when there is none.
 */
export function targetText(
  targets: readonly ScopedTarget[],
  kind: IndicatorKind,
  locale: Locale,
  t: Translate,
  scopeName: (scope: string) => string = (s) => s,
): string {
  const parts = targets
    .map((target) => ({ target, text: formatTarget(target, kind, locale, t) }))
    .filter((p) => p.text !== '');
  const many = parts.length > 1;
  const out = parts.map(({ target, text }) =>
    target.scope === 'ALL' || !many ? text : `${scopeName(target.scope)}: ${text}`,
  );
  return out.length === 0 ? '—' : out.join('; ');
}

/**
 * A wall-clock instant in `timeZone` as `dd/mm/yyyy HH:MM` in both languages (a file's title:
 * the date first, unlike chat messages).
 */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  const { hour, minute } = localTimeOf(instant, timeZone);
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return `${formatDate(localDateOf(instant, timeZone))} ${time}`;
}
