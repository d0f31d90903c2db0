import { localized } from '../../i18n/index.js';
import { SEVERITIES, type InputProblem, type Limits, type Severity, type TrendPoint } from '../../model/types.js';
import { isIsoDate } from '../../util/dates.js';
import { DEFAULT_LIMITS, loadSource, locate } from '../descriptor/source.js';

export type PreviousLoad = { ok: true; point: TrendPoint } | { ok: false; errors: InputProblem[] };

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * An earlier JSON report's totals. Only what the trend needs is checked (the report's version, date
 * and summary), so reports written by earlier versions of tuanthu still count.
 */
export async function loadPrevious(
  file: string,
  display: string,
  limits: Limits = DEFAULT_LIMITS,
): Promise<PreviousLoad> {
  const loaded = await loadSource(file, display, limits);
  if (!loaded.ok) return loaded;
  const v = loaded.source.value as {
    reportVersion?: unknown;
    asOf?: unknown;
    summary?: { systems?: unknown; passed?: unknown; failed?: unknown; findings?: Record<string, unknown> };
  } | null;
  const bad = (pointer: string) => {
    const { line, column } = locate(loaded.source, pointer);
    return {
      ok: false as const,
      errors: [
        {
          file: display,
          line,
          column,
          code: 'not-report',
          path: pointer || '/',
          message: localized('input.not-report'),
        },
      ],
    };
  };
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v.reportVersion !== '1')
    return bad(v && typeof v === 'object' ? '/reportVersion' : '');
  if (typeof v.asOf !== 'string' || !isIsoDate(v.asOf)) return bad('/asOf');
  const s = v.summary;
  if (
    !s ||
    !isCount(s.systems) ||
    !isCount(s.passed) ||
    !isCount(s.failed) ||
    typeof s.findings !== 'object' ||
    s.findings === null
  )
    return bad('/summary');
  const findings = {} as Record<Severity, number>;
  for (const k of SEVERITIES) {
    const n = s.findings[k] ?? 0;
    if (!isCount(n)) return bad(`/summary/findings/${k}`);
    findings[k] = n;
  }
  return {
    ok: true,
    point: { file: display, asOf: v.asOf, systems: s.systems, passed: s.passed, failed: s.failed, findings },
  };
}
