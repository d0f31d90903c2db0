import { citation } from '../engine/clauses.js';
import { LABELS, STAGE_NAMES } from '../i18n/text.js';
import { SEVERITY_NAMES } from '../i18n/report-labels.js';
import { debtLabel } from '../i18n/debt.js';
import { baselineBlock, baselineMark, debtTag, waiverLine, waiverProblems, waiverRecordLine } from './debt-text.js';
import type { Finding, Lang, Report, Severity, SystemReport } from '../model/types.js';
import { metricsLines } from './metrics-text.js';
import { inputErrorLine } from './shared.js';
import type { FormatContext, Formatter } from './types.js';

const ANSI = { red: 31, yellow: 33, green: 32, cyan: 36, grey: 90, bold: 1, magenta: 35 } as const;
type Colour = keyof typeof ANSI;

const SEVERITY_COLOUR: Record<Severity, Colour> = { critical: 'magenta', high: 'red', medium: 'yellow', low: 'cyan', info: 'grey' };

/** Human-readable terminal output. */
export const text: Formatter = {
  description: 'readable terminal output (default)',
  extension: 'txt',
  render(report, ctx) {
    const paint = (c: Colour, s: string) => (ctx.color ? `\u001b[${ANSI[c]}m${s}\u001b[0m` : s);
    const L = (k: keyof typeof LABELS) => LABELS[k][ctx.lang];
    const out: string[] = [];

    for (const e of report.errors) out.push(inputErrorLine(e, (w) => paint('red', w)));
    if (report.errors.length > 0) out.push('');

    for (const s of report.systems) out.push(...systemBlock(s, report, ctx, paint, L), '');
    const problems = waiverProblems(report);
    if (problems.length > 0) out.push(...problems.map((w) => paint(w.status === 'expiring' ? 'yellow' : 'red', waiverRecordLine(w, ctx.lang))), '');
    const base = baselineBlock(report, ctx.lang);
    if (base.length > 0) out.push(...base, '');

    const c = report.summary.findings;
    const counts = (['critical', 'high', 'medium', 'low', 'info'] as Severity[]).filter((k) => c[k] > 0).map((k) => `${c[k]} ${SEVERITY_NAMES[k][ctx.lang]}`);
    const total = counts.length ? `${Object.values(c).reduce((a, b) => a + b, 0)} ${L('findings')} (${counts.join(', ')})` : L('no_findings');
    const parts = [
      `${report.summary.systems} ${L('systems_checked')}: ${report.summary.passed} ${L('passed')}, ${report.summary.failed} ${L('failed')}`,
      total,
    ];
    if (report.summary.due > 0) parts.push(`${report.summary.due} ${L('due')}`);
    if (report.summary.waived > 0) parts.push(`${report.summary.waived} ${debtLabel('waived', ctx.lang)}`);
    if (report.summary.inputErrors > 0) parts.push(paint('red', `${report.summary.inputErrors} ${L('input_errors')}`));
    parts.push(`${L('threshold')}: ${SEVERITY_NAMES[report.failOn][ctx.lang]}`, `${L('as_of')} ${report.asOf}`);
    out.push(parts.join(' · '));
    return out.join('\n') + '\n';
  },
};

function systemBlock(
  s: SystemReport,
  report: Report,
  ctx: FormatContext,
  paint: (c: Colour, s: string) => string,
  L: (k: keyof typeof LABELS) => string,
): string[] {
  const lang = ctx.lang;
  const verdict = s.result === 'pass' ? paint('green', `✔ ${L('result_pass')}`) : paint('red', `✖ ${L('result_fail')}`);
  const facts = [s.level !== undefined ? `${L('level')} ${s.level}` : undefined, s.stage ? STAGE_NAMES[s.stage][lang] : undefined].filter(Boolean);
  const described = s.inputs.some((i) => i.role === 'descriptor');
  const lines = described
    ? [`${verdict} ${paint('bold', s.name)} (${s.id}) · ${facts.join(' · ')} — ${s.file}`]
    : [`${verdict} ${paint('bold', s.file)} · ${L('iac_only')}`];
  for (const f of s.findings) lines.push(...findingBlock(f, lang, paint, L));
  lines.push(...metricsLines(s.metrics, lang));
  const n = (o: string) => s.rules.filter((r) => r.outcome === o).length;
  lines.push(
    paint('grey', `  ${L('rules')}: ${n('pass')} ${L('passed')}, ${n('fail')} ${L('failed')}, ${n('due')} ${L('due')}, ${n('not_applicable')} ${L('not_applicable')}`),
  );
  void report;
  return lines;
}

function findingBlock(f: Finding, lang: Lang, paint: (c: Colour, s: string) => string, L: (k: keyof typeof LABELS) => string): string[] {
  const waived = debtTag(f, lang);
  const tag = waived ? paint('grey', waived) : f.status === 'due' ? paint('yellow', `${L('due')} (${L('due_by')} ${String(f.params.due)})`) : paint(SEVERITY_COLOUR[f.severity], SEVERITY_NAMES[f.severity][lang]);
  const waiver = waiverLine(f, lang);
  const supports = f.supports ? ` → ${f.supports.join(', ')}` : '';
  const construct = typeof f.params.construct_path === 'string' ? paint('grey', ` (${L('construct')} ${f.params.construct_path})`) : '';
  return [
    `  ${tag} ${paint('bold', f.rule)}${supports} ${f.title} — ${f.location.file}:${f.location.line}:${f.location.column}${construct}${baselineMark(f, lang)}`,
    `      ${f.message}`,
    ...(waiver ? [paint('yellow', waiver)] : []),
    paint('grey', `      ${L('required_by')}: ${f.clauses.map((c) => citation(c, lang)).join('; ')}`),
    paint('grey', `      ${L('fix')}: ${f.remediation}`),
  ];
}
