import { createHash } from 'node:crypto';
import { sep } from 'node:path';
import { messageKey, t } from '../i18n/index.js';
import { safeText } from './safe-text.js';
import { type Catalogue, type RuleBasis, type RuleMeta, ruleBasis } from '../engine/catalogue.js';
import { citation } from '../engine/clauses.js';
import type {
  Finding,
  IacEvidence,
  InputError,
  Lang,
  Report,
  RuleResult,
  Severity,
  SystemReport,
} from '../model/types.js';

/**
 * Helpers the formatters share. They only present what lint() decided: no finding is computed here.
 */

/**
 * What a format lists findings of: the systems, then the agencies judged over them (Report.agencies,
 * shaped as systems; their name says the verdict covers the agency's systems in this run).
 */
export function judgedEntries(report: Pick<Report, 'systems' | 'agencies'>): SystemReport[] {
  const agencies = report.agencies;
  return agencies && agencies.length > 0 ? [...report.systems, ...agencies] : report.systems;
}

/** The area of a rule is its id prefix: LVL-02 → LVL, SBD-01 → SBD. */
export function areaOf(ruleId: string): string {
  return ruleId.split('-')[0] ?? ruleId;
}

/** Waived findings are compliance debt: an active waiver accepted them (see src/waivers/). */
export function isWaived(f: Pick<Finding, 'waiver'>): boolean {
  return f.waiver !== undefined;
}

export type ShownOutcome = RuleResult['outcome'] | 'waived';

/**
 * A rule's outcome as reports show it: a failing rule whose every violation is waived is shown as
 * waived (debt), not as a failure. lint() keeps it 'fail'; this is presentation only.
 */
export function shownOutcome(s: SystemReport, r: RuleResult): ShownOutcome {
  if (r.outcome !== 'fail') return r.outcome;
  const violations = findingsOf(s, r.rule).filter((f) => f.status === 'violation');
  return violations.length > 0 && violations.every(isWaived) ? 'waived' : 'fail';
}

/** Violations of a rule that no waiver accepts. */
export function openViolations(s: SystemReport, ruleId: string): Finding[] {
  return findingsOf(s, ruleId).filter((f) => f.status === 'violation' && !isWaived(f));
}

/** GitHub code scanning's numeric severity ("security-severity"), by our severity. */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0',
};

const UUID_NAMESPACE = 'c0f2d0a4-4b54-5b8e-9d1c-7475616e7468'; // fixed namespace of tuanthu's UUIDv5s

/** RFC 4122 name-based UUID (version 5, SHA-1): the same content gives the same id, run after run. */
export function uuidV5(name: string, namespace: string = UUID_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1')
    .update(Buffer.concat([ns, Buffer.from(name, 'utf8')]))
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** One line of a rule's basis: what requires it (`required_by`), or what it cites only as context. */
export interface BasisPart {
  kind: 'required_by' | 'context';
  /** The clauses' citations joined with "; ", or the source outside the seeds. */
  text: string;
  clauses: string[];
}

/**
 * The basis every format prints, "Required by: …" then "Context (not a requirement of): …", each only
 * when it has something: the clauses seeds/coverage.yaml decides require the rule, then those it cites
 * only as context (a national body's duty; every clause of a recommendation). A rule that no cited
 * clause requires names, as what requires it, its source outside the seeds (METADATA outside_seeds).
 */
export function basisParts(basis: RuleBasis, outsideSeeds: string | undefined, lang: Lang): BasisPart[] {
  const cite = (cs: string[]) => cs.map((c) => citation(c, lang)).join('; ');
  const parts: BasisPart[] = [];
  if (basis.required.length > 0)
    parts.push({ kind: 'required_by', text: cite(basis.required), clauses: basis.required });
  else if (outsideSeeds) parts.push({ kind: 'required_by', text: outsideSeeds, clauses: [] });
  if (basis.context.length > 0) parts.push({ kind: 'context', text: cite(basis.context), clauses: basis.context });
  return parts;
}

/** A rule's basis parts in one language (the rule-level views: SARIF rules, OSCAL, explain). */
export function ruleBasisParts(meta: RuleMeta, lang: Lang): BasisPart[] {
  const basis = ruleBasis(meta);
  return basisParts(basis, basis.required.length === 0 && !meta.kind ? meta.outside_seeds?.[lang] : undefined, lang);
}

/** A finding's basis parts: its record splits its clauses (Finding.contextClauses); its rule's METADATA names a source outside the seeds. */
export function findingBasisParts(
  f: Pick<Finding, 'rule' | 'clauses' | 'contextClauses' | 'recommendation'>,
  catalogue: Catalogue,
  lang: Lang,
): BasisPart[] {
  const context = f.contextClauses ?? [];
  const required = context.length === 0 ? f.clauses : f.clauses.filter((c) => !context.includes(c));
  const outside =
    required.length === 0 && !f.recommendation ? catalogue.byId.get(f.rule)?.outside_seeds?.[lang] : undefined;
  return basisParts({ required, context }, outside, lang);
}

/** Findings of one rule in one system. */
export function findingsOf(s: SystemReport, ruleId: string): Finding[] {
  return s.findings.filter((f) => f.rule === ruleId);
}

/**
 * A report file name as a URI reference (RFC 3986): forward slashes, each segment percent-encoded.
 * A backslash separates only where it is the platform's separator; in a POSIX name it is a
 * character of the name and is encoded (%5C), like every other reserved character.
 */
export function toUriReference(file: string, separator: string = sep): string {
  return (
    file
      .split(separator === '\\' ? /[\\/]/ : '/')
      // encodeURIComponent throws on a lone surrogate; U+FFFD is what the name is written as anyway.
      .map((seg) => encodeURIComponent(seg.replace(/\p{Cs}/gu, '\uFFFD')))
      .join('/')
  );
}

/**
 * An input error as one terminal line, `file:line:col: error message`. The word "error" stays the
 * same in both languages: editors and CI problem matchers look for it. The file name and message are
 * made safe (safe-text.ts): one line, no control sequence, no CI command.
 */
export function inputErrorLine(e: InputError, word: (s: string) => string = (s) => s): string {
  return `${safeText(e.file)}${e.line ? `:${e.line}:${e.column ?? 1}` : ''}: ${word('error')} ${safeText(e.message)}`;
}

/** The run's rule settings, one line each (no markup): every report shows them beside its verdict. */
export function ruleSettingsLines(report: Pick<Report, 'ruleSettings'>, lang: Lang): string[] {
  const r = report.ruleSettings;
  if (!r) return [];
  const sev = (x: Severity) => t(`severity.${x}`, lang);
  return [
    ...(r.only ? [t('report.rule_only', { rules: r.only.join(', ') }, lang)] : []),
    ...(r.skip ?? []).map((x) => t('report.rule_skipped', { rule: x.rule, reason: x.reason }, lang)),
    ...(r.severity ?? []).map((x) =>
      t(
        'report.rule_severity',
        { rule: x.rule, from: x.from ? sev(x.from) : '—', to: sev(x.severity), reason: x.reason },
        lang,
      ),
    ),
  ];
}

/**
 * Where a system's infrastructure evidence came from, in the order of trust, and what was not
 * evaluated, as plain lines every format shows (SystemReport.iac). Nothing for a system without IaC.
 */
export function evidenceLines(s: Pick<SystemReport, 'iac'>, lang: Lang): string[] {
  const out: string[] = [];
  for (const e of s.iac ?? []) {
    out.push(
      `${t('iac.evidence', lang)}: ${safeText(e.file)} — ${t(`iac.trust.${e.trust}`, lang)}; ${t('iac.resources_judged', { judged: e.judged, resources: e.resources }, lang)} (${t('iac.trust_order', lang)})`,
    );
    if (e.incomplete) out.push(`${t('report.incomplete', lang)}: ${t(`iac.incomplete.${e.incomplete}`, lang)}`);
    for (const u of e.unevaluated) out.push(unevaluatedLine(u, lang));
  }
  return out;
}

export function unevaluatedLine(u: IacEvidence['unevaluated'][number], lang: Lang): string {
  const reason = messageKey('iac.reason', u.reason);
  // Addresses, module sources and file names come from the user's code: no control sequence passes.
  const where = u.location ? ` — ${safeText(u.location.file)}:${u.location.line}:${u.location.column}` : '';
  return `${t('iac.not_evaluated', lang)}: ${safeText(u.address)} — ${reason ? t(reason, lang) : safeText(u.reason)}${u.detail ? ` (${safeText(u.detail)})` : ''}${where}`;
}

/** One run's point of the trend: its date and totals; the current run is the last point. */
export interface ShownTrendPoint {
  asOf: string;
  systems: number;
  passed: number;
  failed: number;
  findings: number;
  current: boolean;
}

/** The earlier runs (--previous) and this one, oldest first; empty without earlier runs. */
export function trendPoints(report: Report): ShownTrendPoint[] {
  if (!report.trend?.length) return [];
  const total = (f: Record<Severity, number>) => Object.values(f).reduce((a, b) => a + b, 0);
  return [
    ...report.trend.map((p) => ({
      asOf: p.asOf,
      systems: p.systems,
      passed: p.passed,
      failed: p.failed,
      findings: total(p.findings),
      current: false,
    })),
    {
      asOf: report.asOf,
      systems: report.summary.systems,
      passed: report.summary.passed,
      failed: report.summary.failed,
      findings: total(report.summary.findings),
      current: true,
    },
  ];
}

/** "2026-10-01: 1/3 passed, 40 findings → 2026-11-23 (this run): 2/3 passed, 12 findings". */
export function trendLine(points: ShownTrendPoint[], lang: Lang): string {
  return points
    .map((p) =>
      t(
        'report.trend_point',
        {
          as_of: p.asOf,
          passed: p.passed,
          systems: p.systems,
          findings: p.findings,
          now: p.current ? t('report.trend_now', lang) : '',
        },
        lang,
      ),
    )
    .join(' → ');
}
