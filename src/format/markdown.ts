import { citation } from '../engine/clauses.js';
import { formatParam } from '../engine/catalogue.js';
import { label, SEVERITY_NAMES } from '../i18n/report-labels.js';
import { STAGE_NAMES } from '../i18n/text.js';
import type { Finding, Lang, SystemReport } from '../model/types.js';
import { isWaived } from './shared.js';
import type { Formatter } from './types.js';

/** Text in a Markdown table cell or line: no HTML, no table breaks, no stray emphasis. */
export function mdEscape(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/([*_`[\]#])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

/** A code span: backslash escapes do not work inside one, so backticks go and pipes are table-escaped. */
export function mdCode(s: string): string {
  return '`' + s.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\r?\n/g, ' ') + '`';
}

const ICON = { pass: '✅', fail: '❌' } as const;

/** Markdown for a pull-request comment or $GITHUB_STEP_SUMMARY. */
export const markdown: Formatter = {
  description: 'Markdown (pull-request comment, $GITHUB_STEP_SUMMARY)',
  extension: 'md',
  render(report, ctx) {
    const lang = ctx.lang;
    const L = (k: Parameters<typeof label>[0]) => label(k, lang);
    const sum = report.summary;
    const out: string[] = [`## ${L('md_title')}`, ''];
    const total = Object.values(sum.findings).reduce((a, b) => a + b, 0);
    out.push(
      `**${sum.systems}** ${L('systems').toLowerCase()} · ${ICON.pass} ${sum.passed} ${L('passed').toLowerCase()} · ${ICON.fail} ${sum.failed} ${L('failed').toLowerCase()} · ${total} ${L('total_findings')}` +
        (sum.due ? ` · ${sum.due} ${L('status_due')}` : '') +
        (sum.waived ? ` · ${sum.waived} ${L('status_waived')}` : '') +
        (sum.inputErrors ? ` · ⚠️ ${sum.inputErrors} ${L('input_errors').toLowerCase()}` : ''),
      '',
      `${L('as_of')}: ${mdCode(report.asOf)} · ${L('fail_on')}: ${mdCode(report.failOn)} · tuanthu ${mdEscape(report.tool.version)}`,
      '',
    );
    if (report.systems.length > 0) {
      out.push(`| | ${L('system')} | ${L('owner')} | ${L('level')} | ${L('stage')} | ${L('findings')} |`, '|---|---|---|---|---|---|');
      for (const s of report.systems) {
        out.push(
          `| ${ICON[s.result]} | ${mdEscape(s.name)} (${mdCode(s.id)}) | ${mdEscape(s.owner ?? '—')} | ${s.level ?? '—'} | ${s.stage ? STAGE_NAMES[s.stage][lang] : '—'} | ${s.findings.filter((f) => !isWaived(f)).length} |`,
        );
      }
      out.push('');
    }
    if (report.errors.length > 0) {
      out.push(`### ⚠️ ${L('input_errors')}`, '');
      for (const e of report.errors) out.push(`- ${mdCode(e.file + (e.line ? `:${e.line}:${e.column ?? 1}` : ''))} ${mdEscape(e.message)}`);
      out.push('');
    }
    for (const s of report.systems) out.push(...systemSection(s, lang));
    return out.join('\n').trimEnd() + '\n';
  },
};

function systemSection(s: SystemReport, lang: Lang): string[] {
  const L = (k: Parameters<typeof label>[0]) => label(k, lang);
  const shown = s.findings.filter((f) => !isWaived(f));
  if (shown.length === 0) return [];
  const out = [`### ${ICON[s.result]} ${mdEscape(s.name)} (${mdCode(s.id)})`, ''];
  const share = s.metrics.security_budget_share_pct;
  if (typeof share === 'number') out.push(`${L('budget_share')}: **${formatParam(share, lang)}%** (${L('minimum')} ${formatParam(s.metrics.security_budget_min_pct, lang)}%)`, '');
  out.push(`| ${L('severity')} | ${L('rule')} | ${L('message')} | ${L('location')} | ${L('required_by')} |`, '|---|---|---|---|---|');
  for (const f of shown) out.push(row(f, lang));
  out.push('', `<details><summary>${L('remediation')}</summary>`, '');
  const seen = new Set<string>();
  for (const f of shown) {
    if (seen.has(f.rule)) continue;
    seen.add(f.rule);
    out.push(`- **${f.rule}** ${mdEscape(f.remediation)}`);
  }
  out.push('', '</details>', '');
  return out;
}

function row(f: Finding, lang: Lang): string {
  const sev = f.status === 'due' ? `${label('status_due', lang)} (${label('due_by', lang)} ${String(f.params.due)})` : SEVERITY_NAMES[f.severity][lang];
  return `| ${sev} | **${f.rule}** ${mdEscape(f.title)} | ${mdEscape(f.message)} | ${mdCode(`${f.location.file}:${f.location.line}:${f.location.column}`)} | ${mdEscape(
    f.clauses.map((c) => citation(c, lang)).join('; '),
  )} |`;
}
