import { clauseSummaryLines, documentSummaries } from './clause-text.js';
import { t } from '../i18n/index.js';
import { baselineBlock, baselineMark, debtTag, waiverLine, waiverProblems, waiverRecordLine } from './debt-text.js';
import type { Finding, Report, Severity, SystemReport } from '../model/types.js';
import { metricsLines } from './metrics-text.js';
import { presentable } from './safe-text.js';
import {
  evidenceLines,
  findingBasisParts,
  inputErrorLine,
  ruleSettingsLines,
  trendLine,
  trendPoints,
  judgedEntries,
} from './shared.js';
import type { FormatContext, Formatter } from './types.js';

const ANSI = { red: 31, yellow: 33, green: 32, cyan: 36, grey: 90, bold: 1, magenta: 35 } as const;
type Colour = keyof typeof ANSI;

const SEVERITY_COLOUR: Record<Severity, Colour> = {
  critical: 'magenta',
  high: 'red',
  medium: 'yellow',
  low: 'cyan',
  info: 'grey',
};

/** Human-readable terminal output. */
export const text: Formatter = {
  description: 'readable terminal output (default)',
  extension: 'txt',
  render(untrusted, ctx) {
    const report = presentable(untrusted);
    const paint = (c: Colour, s: string) => (ctx.color ? `\u001b[${ANSI[c]}m${s}\u001b[0m` : s);
    const lang = ctx.lang;
    const out: string[] = [];

    for (const e of report.errors) out.push(inputErrorLine(e, (w) => paint('red', w)));
    if (report.errors.length > 0) out.push('');

    for (const s of judgedEntries(report)) out.push(...systemBlock(s, report, ctx, paint), '');
    const problems = waiverProblems(report);
    if (problems.length > 0)
      out.push(
        ...problems.map((w) => paint(w.status === 'expiring' ? 'yellow' : 'red', waiverRecordLine(w, ctx.lang))),
        '',
      );
    const base = baselineBlock(report, ctx.lang);
    if (base.length > 0) out.push(...base, '');
    const clauses = clauseSummaryLines(documentSummaries(report, ctx), lang);
    if (clauses.length > 0) out.push(...clauses, '');
    const trend = trendPoints(report);
    if (trend.length > 0) out.push(`${t('report.trend', lang)}: ${trendLine(trend, lang)}`, '');
    const settings = ruleSettingsLines(report, lang);
    if (settings.length > 0)
      out.push(paint('yellow', `${t('report.rule_settings', lang)}:`), ...settings.map((l) => `  ${l}`), '');

    const c = report.summary.findings;
    const counts = (['critical', 'high', 'medium', 'low', 'info'] as Severity[])
      .filter((k) => c[k] > 0)
      .map((k) => `${c[k]} ${t(`severity.${k}`, ctx.lang)}`);
    const total = counts.length
      ? `${Object.values(c).reduce((a, b) => a + b, 0)} ${t('text.findings', lang)} (${counts.join(', ')})`
      : t('text.no_findings', lang);
    const parts = [
      `${report.summary.systems} ${t('text.systems_checked', lang)}: ${report.summary.passed} ${t('text.passed', lang)}, ${report.summary.failed} ${t('text.failed', lang)}${report.summary.incomplete > 0 ? `, ${report.summary.incomplete} ${t('report.incomplete_count', lang)}` : ''}`,
      total,
    ];
    if (report.summary.due > 0) parts.push(`${report.summary.due} ${t('text.due', lang)}`);
    if (report.summary.unknown > 0) parts.push(paint('yellow', `${report.summary.unknown} ${t('text.unknown', lang)}`));
    if (report.summary.waived > 0) parts.push(`${report.summary.waived} ${t('debt.waived', ctx.lang)}`);
    if (report.summary.inputErrors > 0)
      parts.push(paint('red', `${report.summary.inputErrors} ${t('text.input_errors', lang)}`));
    parts.push(
      `${t('text.threshold', lang)}: ${t(`severity.${report.failOn}`, ctx.lang)}`,
      `${t('text.as_of', lang)} ${report.asOf}`,
    );
    out.push(parts.join(' · '));
    return out.join('\n') + '\n';
  },
};

function systemBlock(
  s: SystemReport,
  report: Report,
  ctx: FormatContext,
  paint: (c: Colour, s: string) => string,
): string[] {
  const lang = ctx.lang;
  const verdict =
    s.result === 'pass'
      ? paint('green', `✔ ${t('text.result_pass', lang)}`)
      : s.result === 'incomplete'
        ? paint('yellow', `⚠ ${t('text.result_incomplete', lang)}`)
        : s.result === 'unknown'
          ? paint('yellow', `? ${t('text.result_unknown', lang)}`)
          : paint('red', `✖ ${t('text.result_fail', lang)}`);
  const facts = [
    s.level !== undefined ? `${t('text.level', lang)} ${s.level}` : undefined,
    s.stage ? t(`stage.${s.stage}`, lang) : undefined,
  ].filter(Boolean);
  const described = s.inputs.some((i) => i.role === 'descriptor');
  // An agency (Report.agencies) has no file of its own: its name says what its verdict covers.
  const lines =
    'systems' in s
      ? [`${verdict} ${paint('bold', s.name)}`]
      : described
        ? [`${verdict} ${paint('bold', s.name)} (${s.id}) · ${facts.join(' · ')} — ${s.file}`]
        : [`${verdict} ${paint('bold', s.file)} · ${t('text.iac_only', lang)}`];
  for (const f of s.findings) lines.push(...findingBlock(f, ctx, paint));
  for (const l of evidenceLines(s, lang))
    lines.push(paint(l.startsWith(t('iac.evidence', lang)) ? 'grey' : 'yellow', `  ${l}`));
  lines.push(...metricsLines(s.metrics, lang));
  const n = (o: string) => s.rules.filter((r) => r.outcome === o).length;
  lines.push(
    paint(
      'grey',
      `  ${t('text.rules', lang)}: ${n('pass')} ${t('text.passed', lang)}, ${n('fail')} ${t('text.failed', lang)}, ${n('due')} ${t('text.due', lang)}, ${n('unknown') > 0 ? `${n('unknown')} ${t('text.unknown', lang)}, ` : ''}${n('not_applicable')} ${t('text.not_applicable', lang)}`,
    ),
  );
  void report;
  return lines;
}

function findingBlock(f: Finding, ctx: FormatContext, paint: (c: Colour, s: string) => string): string[] {
  const { lang, catalogue } = ctx;
  const waived = debtTag(f, lang);
  const tag = waived
    ? paint('grey', waived)
    : f.status === 'due'
      ? paint('yellow', `${t('text.due', lang)} (${t('text.due_by', lang)} ${String(f.params.due)})`)
      : f.status === 'unknown'
        ? paint('yellow', t('text.unknown', lang))
        : paint(SEVERITY_COLOUR[f.severity], t(`severity.${f.severity}`, lang)) +
          (f.severityOverride && f.severityOverride.from !== f.severity
            ? paint('grey', ` (${t(`severity.${f.severityOverride.from}`, lang)} →)`)
            : '');
  const waiver = waiverLine(f, lang);
  const supports = f.supports ? ` → ${f.supports.join(', ')}` : '';
  const construct =
    typeof f.params.construct_path === 'string'
      ? paint('grey', ` (${t('text.construct', lang)} ${f.params.construct_path})`)
      : '';
  const moduleCall =
    typeof f.params.module_call === 'string'
      ? paint('grey', ` (${t('text.module_call', lang)} ${f.params.module_call})`)
      : '';
  return [
    `  ${tag} ${paint('bold', f.rule)}${supports} ${f.title} — ${f.location.file}:${f.location.line}:${f.location.column}${construct}${moduleCall}${baselineMark(f, lang)}`,
    `      ${f.message}`,
    ...(waiver ? [paint('yellow', waiver)] : []),
    ...findingBasisParts(f, catalogue, lang).map((p) => paint('grey', `      ${t(`text.${p.kind}`, lang)}: ${p.text}`)),
    paint('grey', `      ${t('text.fix', lang)}: ${f.remediation}`),
  ];
}
