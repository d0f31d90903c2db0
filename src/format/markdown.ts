import type { Catalogue } from '../engine/catalogue.js';
import { formatParam, t } from '../i18n/index.js';
import type { Finding, Lang, SystemReport } from '../model/types.js';
import { presentable } from './safe-text.js';
import { evidenceLines, findingBasisParts, isWaived, ruleSettingsLines, trendPoints, judgedEntries } from './shared.js';
import { documentSummaries, needsAttention, tallyText } from './clause-text.js';
import type { DocumentSummary } from '../engine/clause-summary.js';
import type { Formatter } from './types.js';

/**
 * Text in a Markdown table cell or line: no HTML, no table breaks, no stray emphasis, and nothing
 * GitHub turns into a notification or a link: an `@` (mentions, e-mail autolinks), `://` and
 * `www.` (URL autolinks) are put in a code span, where no filter looks. Controls are escaped
 * already (presentable(), safe-text.ts); a line break of any kind becomes a space.
 */
export function mdEscape(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/([*_`~[\]#])/g, '\\$1')
    .replace(/\r\n?|\n/g, ' ')
    .replace(/(?:@|:\/\/|www\.)+/gi, (m) => `\`${m}\``);
}

/** A code span: backslash escapes do not work inside one, so backticks go and pipes are table-escaped. */
export function mdCode(s: string): string {
  return (
    '`' +
    s
      .replace(/`/g, "'")
      .replace(/\|/g, '\\|')
      .replace(/\r\n?|\n/g, ' ') +
    '`'
  );
}

const ICON = { pass: '✅', fail: '❌', incomplete: '⚠️', unknown: '❔' } as const;

/** Markdown for a pull-request comment or $GITHUB_STEP_SUMMARY. */
export const markdown: Formatter = {
  description: 'Markdown (pull-request comment, $GITHUB_STEP_SUMMARY)',
  extension: 'md',
  render(untrusted, ctx) {
    const report = presentable(untrusted);
    const lang = ctx.lang;
    const sum = report.summary;
    const out: string[] = [`## ${t('report.md_title', lang)}`, ''];
    const total = Object.values(sum.findings).reduce((a, b) => a + b, 0);
    out.push(
      `**${sum.systems}** ${t('report.systems', lang).toLowerCase()} · ${ICON.pass} ${sum.passed} ${t('report.passed', lang).toLowerCase()} · ${ICON.fail} ${sum.failed} ${t('report.failed', lang).toLowerCase()} · ${total} ${t('report.total_findings', lang)}` +
        (sum.incomplete ? ` · ${ICON.incomplete} ${sum.incomplete} ${t('report.incomplete_count', lang)}` : '') +
        (sum.due ? ` · ${sum.due} ${t('report.status_due', lang)}` : '') +
        (sum.unknown ? ` · ${sum.unknown} ${t('report.status_unknown', lang)}` : '') +
        (sum.waived ? ` · ${sum.waived} ${t('report.status_waived', lang)}` : '') +
        (sum.inputErrors ? ` · ⚠️ ${sum.inputErrors} ${t('report.input_errors', lang).toLowerCase()}` : ''),
      '',
      `${t('report.as_of', lang)}: ${mdCode(report.asOf)} · ${t('report.fail_on', lang)}: ${mdCode(report.failOn)} · tuanthu ${mdEscape(report.tool.version)}`,
      '',
    );
    if (report.systems.length > 0) {
      out.push(
        `| | ${t('report.system', lang)} | ${t('report.owner', lang)} | ${t('report.level', lang)} | ${t('report.stage', lang)} | ${t('report.findings', lang)} |`,
        '|---|---|---|---|---|---|',
      );
      for (const s of judgedEntries(report)) {
        out.push(
          `| ${ICON[s.result]} | ${mdEscape(s.name)} (${mdCode(s.id)}) | ${mdEscape(s.owner ?? '—')} | ${s.level ?? '—'} | ${s.stage ? t(`stage.${s.stage}`, lang) : '—'} | ${s.findings.filter((f) => !isWaived(f)).length} |`,
        );
      }
      out.push('');
    }
    const settings = ruleSettingsLines(report, lang);
    if (settings.length > 0)
      out.push(`### ${t('report.rule_settings', lang)}`, '', ...settings.map((l) => `- ${mdEscape(l)}`), '');
    if (report.errors.length > 0) {
      out.push(`### ⚠️ ${t('report.input_errors', lang)}`, '');
      for (const e of report.errors)
        out.push(`- ${mdCode(e.file + (e.line ? `:${e.line}:${e.column ?? 1}` : ''))} ${mdEscape(e.message)}`);
      out.push('');
    }
    const trend = trendPoints(report);
    if (trend.length > 0) {
      out.push(
        `### ${t('report.trend', lang)}`,
        '',
        `| ${t('report.as_of', lang)} | ${t('report.passed', lang)} | ${t('report.failed', lang)} | ${t('report.findings', lang)} |`,
        '|---|---|---|---|',
      );
      for (const p of trend)
        out.push(
          `| ${p.current ? `**${p.asOf}**` : p.asOf} | ${p.passed}/${p.systems} | ${p.failed} | ${p.findings} |`,
        );
      out.push('');
    }
    out.push(...clauseTable(documentSummaries(report, ctx), lang));
    for (const s of judgedEntries(report)) out.push(...systemSection(s, lang, ctx.catalogue));
    return out.join('\n').trimEnd() + '\n';
  },
};

function systemSection(s: SystemReport, lang: Lang, catalogue: Catalogue): string[] {
  const shown = s.findings.filter((f) => !isWaived(f));
  const evidence = evidenceLines(s, lang);
  if (shown.length === 0 && s.result !== 'incomplete') return [];
  const out = [`### ${ICON[s.result]} ${mdEscape(s.name)} (${mdCode(s.id)})`, ''];
  if (evidence.length > 0) out.push(...evidence.map((l) => `- ${mdEscape(l)}`), '');
  if (shown.length === 0) return out;
  const share = s.metrics.security_budget_share_pct;
  if (typeof share === 'number')
    out.push(
      `${t('report.budget_share', lang)}: **${formatParam(share, lang)}%** (${t('report.minimum', lang)} ${formatParam(s.metrics.security_budget_min_pct, lang)}%)`,
      '',
    );
  out.push(
    `| ${t('report.severity', lang)} | ${t('report.rule', lang)} | ${t('report.message', lang)} | ${t('report.location', lang)} | ${t('report.required_by', lang)} |`,
    '|---|---|---|---|---|',
  );
  for (const f of shown) out.push(row(f, lang, catalogue));
  out.push('', `<details><summary>${t('report.remediation', lang)}</summary>`, '');
  const seen = new Set<string>();
  for (const f of shown) {
    if (seen.has(f.rule)) continue;
    seen.add(f.rule);
    out.push(`- **${f.rule}** ${mdEscape(f.remediation)}`);
  }
  out.push('', '</details>', '');
  return out;
}

function row(f: Finding, lang: Lang, catalogue: Catalogue): string {
  const sev =
    f.status === 'due'
      ? `${t('report.status_due', lang)} (${t('report.due_by', lang)} ${String(f.params.due)})`
      : f.status === 'unknown'
        ? t('report.status_unknown', lang)
        : t(`severity.${f.severity}`, lang);
  return `| ${sev} | **${f.rule}** ${mdEscape(f.title)} | ${mdEscape(f.message)} | ${mdCode(`${f.location.file}:${f.location.line}:${f.location.column}`)} | ${findingBasisParts(
    f,
    catalogue,
    lang,
  )
    .map((p) => mdEscape(p.kind === 'required_by' ? p.text : `${t('report.context', lang)}: ${p.text}`))
    .join('<br>')} |`;
}

/** Per document its totals, then each clause that needs attention: the inspector's compliance view. */
function clauseTable(docs: DocumentSummary[], lang: Lang): string[] {
  if (docs.length === 0) return [];
  const out = [
    `### ${t('clauses.title', lang)}`,
    '',
    `| ${t('clauses.document', lang)} | ${t('clauses.clause', lang)} | ${t('clauses.status', lang)} |`,
    '|---|---|---|',
  ];
  for (const d of docs) {
    out.push(`| **${mdEscape(d.number)}** | | **${mdEscape(tallyText(d, lang))}** |`);
    for (const c of d.clauses)
      if (needsAttention(c)) out.push(`| | §${mdEscape(c.section)} | ${mdEscape(tallyText(c, lang))} |`);
  }
  out.push('');
  return out;
}
