import { validateAgainst } from '../descriptor/schema.js';
import { loadSource, DEFAULT_LIMITS, type Limits } from '../descriptor/source.js';
import { localized } from '../../i18n/index.js';
import type { InputProblem, Report } from '../../model/types.js';
import { baselineFromReport, type Baseline } from '../../model/baseline.js';

export type BaselineLoad = { ok: true; baseline: Baseline; sha256: string } | { ok: false; errors: InputProblem[] };

/**
 * Reads a baseline written by `tuanthu baseline create` (schemas/baseline.schema.json) or an earlier
 * JSON report (schemas/report.schema.json), validated before use; problems come with file:line:col.
 */
export async function loadBaseline(
  file: string,
  display: string,
  limits: Limits = DEFAULT_LIMITS,
): Promise<BaselineLoad> {
  const loaded = await loadSource(file, display, limits);
  if (!loaded.ok) return loaded;
  const v = loaded.source.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    return {
      ok: false,
      errors: [{ file: display, line: 1, column: 1, code: 'not-baseline', message: localized('input.not-baseline') }],
    };
  }
  const isReport = 'reportVersion' in v;
  const errors = validateAgainst(isReport ? 'report.schema.json' : 'baseline.schema.json', loaded.source);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    baseline: isReport ? baselineFromReport(v as Report) : (v as Baseline),
    sha256: loaded.source.sha256,
  };
}
