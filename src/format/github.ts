import { t } from '../i18n/index.js';
import type { Finding, Report } from '../model/types.js';
import { severityRank } from '../model/severity.js';
import { presentable } from './safe-text.js';
import { evidenceLines, findingBasisParts, isWaived, judgedEntries } from './shared.js';
import type { Formatter } from './types.js';

/**
 * GitHub Actions workflow commands: one annotation per finding, shown on the line in the pull request.
 * Escaping follows the runner's rules: the message escapes % CR LF; property values also : and ,.
 */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(
  kind: 'error' | 'warning' | 'notice',
  props: Record<string, string | number | undefined>,
  message: string,
): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${kind}${p ? ' ' + p : ''}::${escapeData(message)}`;
}

function kindOf(f: Finding): 'error' | 'warning' | 'notice' {
  // Due findings and violations already in the baseline inform; they do not fail the run.
  if (f.status !== 'violation' || f.baseline === 'existing') return 'notice';
  return f.severity === 'critical' || f.severity === 'high' ? 'error' : f.severity === 'medium' ? 'warning' : 'notice';
}

/**
 * GitHub shows at most this many annotations of each kind per step (and 50 per job); the rest stay
 * in the log only (actions/toolkit, docs/problem-matchers.md, "Limitations").
 */
export const ANNOTATIONS_SHOWN_PER_KIND = 10;

const KINDS = ['error', 'warning', 'notice'] as const;

export const github: Formatter = {
  description: 'GitHub Actions annotations (workflow commands)',
  extension: 'txt',
  render(untrusted: Report, ctx) {
    const report = presentable(untrusted);
    const lang = ctx.lang;
    const out: string[] = [];
    const printed = { error: 0, warning: 0, notice: 0 };
    for (const e of report.errors) {
      out.push(command('error', { file: e.file, line: e.line, col: e.column, title: `tuanthu: ${e.code}` }, e.message));
      printed.error++;
    }
    // A system whose infrastructure code was not (all) evaluated did not pass: say so first.
    for (const s of report.systems) {
      for (const e of s.iac ?? []) {
        if (!e.incomplete) continue;
        const lines = evidenceLines({ iac: [e] }, lang);
        out.push(
          command(
            'error',
            { file: e.file, title: `tuanthu: ${t('report.incomplete', lang)} [${s.id}]` },
            lines.join('\n'),
          ),
        );
        printed.error++;
      }
    }
    // Across the whole portfolio, most severe first: the annotations GitHub shows are the first of
    // each kind printed, so a run's worst findings must not wait behind another system's minor ones.
    const stable = judgedEntries(report)
      .flatMap((s) => s.findings.filter((f) => !isWaived(f)).map((f) => ({ f, s, kind: kindOf(f) })))
      .map((x, i) => ({ ...x, i }));
    stable.sort(
      (a, b) =>
        KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) ||
        severityRank(b.f.severity) - severityRank(a.f.severity) ||
        a.i - b.i,
    );
    for (const { f, s, kind } of stable) {
      const due = f.status === 'due' ? ` (${t('report.due_by', lang)} ${String(f.params.due)})` : '';
      const basis = findingBasisParts(f, ctx.catalogue, lang).map((p) => `${t(`report.${p.kind}`, lang)}: ${p.text}\n`);
      const body = `${f.message}${due}\n${basis.join('')}${t('report.remediation', lang)}: ${f.remediation}`;
      out.push(
        command(
          kind,
          {
            file: f.location.file,
            line: f.location.line,
            col: f.location.column,
            title: `${f.rule} ${f.title} [${s.id}]`,
          },
          body,
        ),
      );
      printed[kind]++;
    }
    const over = KINDS.filter((k) => printed[k] > ANNOTATIONS_SHOWN_PER_KIND);
    if (over.length > 0) {
      const counts = over.map((k) => `${printed[k]} ${t(`report.annotations_${k}`, lang)}`).join(', ');
      out.push(
        `tuanthu: ${counts}: ${t('report.annotations_beyond_limit', { limit: String(ANNOTATIONS_SHOWN_PER_KIND) }, lang)}`,
      );
    }
    const sum = report.summary;
    const total = Object.values(sum.findings).reduce((a, b) => a + b, 0);
    out.push(
      `tuanthu: ${sum.systems} ${t('report.systems', lang).toLowerCase()}, ${sum.passed} ${t('report.passed', lang).toLowerCase()}, ${sum.failed} ${t('report.failed', lang).toLowerCase()}, ${sum.incomplete > 0 ? `${sum.incomplete} ${t('report.incomplete_count', lang)}, ` : ''}${total} ${t('report.total_findings', lang)}, as of ${report.asOf}`,
    );
    return out.join('\n') + '\n';
  },
};
