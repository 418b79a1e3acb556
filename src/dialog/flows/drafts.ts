/** What a draft still lacks, read by the submission flow and the read-back alike. */
import type { AssignmentView } from '../../ports/submissions.js';
import type { Draft } from '../state.js';

/** Required figures a first submission still lacks (not given, not skipped), in the report's order. */
export function missingFigures(a: AssignmentView, draft: Draft): AssignmentView['indicators'] {
  if (Object.keys(a.values).length > 0) return [];
  return a.indicators.filter(
    (i) =>
      i.required &&
      draft.values[i.code] === undefined &&
      a.values[i.code] === undefined &&
      !draft.skipped.includes(i.code) &&
      !(draft.none ?? []).includes(i.code) &&
      !a.declaredNone.includes(i.code),
  );
}
