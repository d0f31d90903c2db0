import { createHash } from 'node:crypto';
import { t } from '../i18n/index.js';
import type { Finding, Lang, Report, Severity } from '../model/types.js';
import { ciInertJson, safeText } from './safe-text.js';
import { evidenceLines, isWaived, judgedEntries } from './shared.js';
import type { Formatter } from './types.js';

/**
 * GitLab Code Quality report: the JSON array the merge request's Code Quality widget and diff
 * annotations read (artifacts:reports:codequality). GitLab requires, per issue, description,
 * check_name, fingerprint, severity (info | minor | major | critical | blocker) and location.path with
 * location.lines.begin; type and categories are the Code Climate spec's, which GitLab's subset
 * leaves optional. The description carries the rule, the message and the system; the clauses and
 * the fix are in the other formats (GitLab shows no more than the description), made safe (safe-text.ts). Waived findings are accepted debt, not open issues: they are
 * left out, as from the GitHub annotations.
 */
export interface CodeQualityIssue {
  type: 'issue';
  check_name: string;
  description: string;
  categories: string[];
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number } };
}

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

const SEVERITY: Record<Severity, CodeQualitySeverity> = {
  critical: 'blocker',
  high: 'critical',
  medium: 'major',
  low: 'minor',
  info: 'info',
};

/** The severity GitLab shows: a finding only due later, or unknown until apply, informs; a violation keeps its rule's weight. */
export function codeQualitySeverity(f: Pick<Finding, 'status' | 'severity'>): CodeQualitySeverity {
  return f.status === 'violation' ? SEVERITY[f.severity] : 'info';
}

/** A path as GitLab matches it against the repository: forward slashes, no leading "./". */
function repoPath(file: string): string {
  return file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

function sha256(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex');
}

export const gitlab: Formatter = {
  description: 'GitLab Code Quality report (merge request widget, artifacts:reports:codequality)',
  extension: 'json',
  render(report: Report, ctx) {
    const lang = ctx.lang;
    const issues: CodeQualityIssue[] = [];
    for (const e of report.errors) {
      const path = repoPath(e.file);
      issues.push({
        type: 'issue',
        check_name: `tuanthu/input/${e.code}`,
        description: safeText(`${t('report.input_errors', lang)}: ${e.message}`),
        categories: ['Bug Risk'],
        fingerprint: sha256('input', e.code, path, String(e.line ?? 0), String(e.column ?? 0), e.message),
        severity: 'blocker',
        location: { path, lines: { begin: e.line ?? 1 } },
      });
    }
    for (const s of judgedEntries(report)) {
      // Infrastructure code not (all) evaluated: the system did not pass, whatever its findings.
      for (const e of s.iac ?? []) {
        if (!e.incomplete) continue;
        const path = repoPath(e.file);
        issues.push({
          type: 'issue',
          check_name: `tuanthu/iac-${e.incomplete}`,
          description: safeText(`[${s.id}] ${evidenceLines({ iac: [e] }, lang).join(' · ')}`),
          categories: ['Bug Risk'],
          fingerprint: sha256('iac', e.incomplete, s.id, path),
          severity: 'major',
          location: { path, lines: { begin: 1 } },
        });
      }
      for (const f of s.findings) {
        if (isWaived(f)) continue;
        const path = repoPath(f.location.file);
        issues.push({
          type: 'issue',
          check_name: f.rule,
          description: safeText(
            `${f.rule} ${f.recommendation ? `${t('report.recommendation', lang)}: ` : ''}${f.message}${due(f, lang)} [${s.id}]`,
          ),
          categories: ['Security'],
          // Rule, file and JSON pointer, with the finding's own identity (system, message key, key
          // params; never the line): the widget compares fingerprints with the target branch's report.
          fingerprint: sha256(f.rule, path, f.path, f.fingerprint),
          severity: codeQualitySeverity(f),
          location: { path, lines: { begin: f.location.line } },
        });
      }
    }
    // GitLab shows only the first issue of a fingerprint: make repeats (the same finding reported
    // twice for one file) distinct, in report order, so none is hidden.
    const seen = new Map<string, number>();
    for (const i of issues) {
      const n = seen.get(i.fingerprint) ?? 0;
      seen.set(i.fingerprint, n + 1);
      if (n > 0) i.fingerprint = sha256(i.fingerprint, String(n));
    }
    return ciInertJson(JSON.stringify(issues, null, 2)) + '\n';
  },
};

function due(f: Finding, lang: Lang): string {
  return f.status === 'due' ? ` (${t('report.due_by', lang)} ${String(f.params.due)})` : '';
}
