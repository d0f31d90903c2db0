import { citation, DOCUMENTS } from '../engine/clauses.js';
import { formatParam } from '../engine/catalogue.js';
import { label, SEVERITY_NAMES, type ReportLabel } from '../i18n/report-labels.js';
import { SECTOR_NAMES, STAGE_NAMES } from '../i18n/text.js';
import { SEVERITIES, type Finding, type Lang, type Report, type SystemReport, type WaiverRecord } from '../model/types.js';
import { WAIVER_STATUS_NAMES } from '../i18n/debt.js';
import { barChart, type Bar } from './html-charts.js';
import { html, raw, type Safe } from './html-escape.js';
import { STYLE } from './html-style.js';
import { areaOf, isWaived, shownOutcome } from './shared.js';
import type { FormatContext, Formatter } from './types.js';
import { compareText } from '../util/collate.js';

/**
 * The audit report for inspectors: one self-contained HTML file (inline CSS and SVG, no script, a
 * Content-Security-Policy that forbids any fetch), printable to A4. Every text goes through the
 * escaping template tag.
 */
export const htmlReport: Formatter = {
  description: 'self-contained HTML audit report (print to A4 PDF)',
  extension: 'html',
  render(report, ctx) {
    const lang = ctx.lang;
    const L = (k: ReportLabel) => label(k, lang);
    const page = html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="tuanthu ${report.tool.version}">
<title>${L('report_title')} — ${report.asOf}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
${cover(report, lang)}
${report.systems.length > 1 ? overview(report, ctx) : ''}
${report.errors.length > 0 ? inputErrors(report, lang) : ''}
${report.systems.map((s, i) => systemSection(s, i, ctx, report))}
${reproduction(report, lang)}
<footer>${L('generated_by')} tuanthu ${report.tool.version} · ${L('as_of')} ${report.asOf} · ${Object.values(DOCUMENTS).map((d) => d[lang]).join(' · ')}</footer>
</body>
</html>
`;
    return page.value;
  },
};

function totalFindings(report: Report): number {
  return Object.values(report.summary.findings).reduce((a, b) => a + b, 0);
}

function cover(report: Report, lang: Lang): Safe {
  const L = (k: ReportLabel) => label(k, lang);
  const sum = report.summary;
  const sev = SEVERITIES.slice()
    .reverse()
    .filter((s) => sum.findings[s] > 0)
    .map((s) => html`<div class="kpi"><b>${sum.findings[s]}</b><span class="badge sev-${s}">${SEVERITY_NAMES[s][lang]}</span></div>`);
  return html`<header class="cover">
<h1>${L('report_title')}</h1>
<dl class="meta">
<dt>${L('as_of')}</dt><dd>${report.asOf}</dd>
<dt>${L('fail_on')}</dt><dd>${SEVERITY_NAMES[report.failOn][lang]}</dd>
<dt>${L('tool')}</dt><dd>tuanthu ${report.tool.version}</dd>
<dt>${L('policy_digest')}</dt><dd><code>${report.tool.policyDigest}</code></dd>
</dl>
<div class="kpis">
<div class="kpi"><b>${sum.systems}</b>${L('systems')}</div>
<div class="kpi pass"><b>${sum.passed}</b>${L('passed')}</div>
<div class="kpi fail"><b>${sum.failed}</b>${L('failed')}</div>
<div class="kpi"><b>${totalFindings(report)}</b>${L('findings')}</div>
${sev}
${sum.due > 0 ? html`<div class="kpi"><b>${sum.due}</b><span class="badge due">${L('status_due')}</span></div>` : ''}
${sum.waived > 0 ? html`<div class="kpi"><b>${sum.waived}</b><span class="badge waived">${L('status_waived')}</span></div>` : ''}
${sum.inputErrors > 0 ? html`<div class="kpi fail"><b>${sum.inputErrors}</b>${L('input_errors')}</div>` : ''}
</div>
</header>`;
}

function passFailBars(groups: Map<string, SystemReport[]>, lang: Lang): Bar[] {
  return [...groups.entries()].map(([name, list]) => ({
    label: name,
    segments: [
      { value: list.filter((s) => s.result === 'pass').length, className: 'pass', title: label('passed', lang) },
      { value: list.filter((s) => s.result === 'fail').length, className: 'fail', title: label('failed', lang) },
    ],
  }));
}

function groupBy(systems: SystemReport[], key: (s: SystemReport) => string): Map<string, SystemReport[]> {
  const m = new Map<string, SystemReport[]>();
  for (const s of systems) {
    const k = key(s);
    m.set(k, [...(m.get(k) ?? []), s]);
  }
  return new Map([...m.entries()].sort((a, b) => a[0].localeCompare(b[0], 'vi')));
}

const total = (b: Bar) => b.segments.reduce((a, x) => a + x.value, 0);

function overview(report: Report, ctx: FormatContext): Safe {
  const lang = ctx.lang;
  const L = (k: ReportLabel) => label(k, lang);
  const byOwner = groupBy(report.systems, (s) => s.owner ?? '—');
  const byLevel = groupBy(report.systems, (s) => (s.level !== undefined ? `${L('level_n')} ${s.level}` : L('no_level')));
  // Only rules that fail or fall due somewhere, most frequent first: the chart stays short as the catalogue grows.
  const ruleBars: Bar[] = ctx.catalogue.rules.map((r) => ({
    label: `${r.id} ${r.title[lang]}`,
    segments: [
      { value: report.systems.filter((s) => s.rules.some((x) => x.rule === r.id && x.outcome === 'fail')).length, className: 'fail', title: L('failed') },
      { value: report.systems.filter((s) => s.rules.some((x) => x.rule === r.id && x.outcome === 'due')).length, className: 'due', title: L('rules_due') },
    ],
  }))
    .filter((b) => b.segments.some((x) => x.value > 0))
    .sort((a, b) => total(b) - total(a) || compareText(a.label, b.label));
  const legend = html`<div class="legend"><span><i class="pass"></i>${L('passed')}</span><span><i class="fail"></i>${L('failed')}</span><span><i class="due"></i>${L('rules_due')}</span></div>`;
  return html`<section class="overview">
<h2>${L('overview')}</h2>
${legend}
<div class="charts">
<figure><figcaption>${L('by_agency')}</figcaption>${barChart(passFailBars(byOwner, lang), { title: L('by_agency') })}</figure>
<figure><figcaption>${L('by_level')}</figcaption>${barChart(passFailBars(byLevel, lang), { title: L('by_level') })}</figure>
${ruleBars.length > 0 ? html`<figure><figcaption>${L('by_rule')}</figcaption>${barChart(ruleBars, { title: L('by_rule'), labelWidth: 300 })}</figure>` : ''}
</div>
<table>
<thead><tr><th>${L('system')}</th><th>${L('owner')}</th><th class="num">${L('level')}</th><th>${L('stage')}</th><th>${L('result')}</th><th class="num">${L('budget_share')}</th><th class="num">${L('findings')}</th></tr></thead>
<tbody>
${report.systems.map(
  (s, i) =>
    html`<tr><td><a href="#system-${i + 1}">${s.name}</a><br><small><code>${s.id}</code></small></td><td>${s.owner ?? '—'}</td><td class="num">${s.level ?? '—'}</td><td>${s.stage ? STAGE_NAMES[s.stage][lang] : '—'}</td><td>${verdict(s, lang)}</td><td class="num">${typeof s.metrics.security_budget_share_pct === 'number' ? `${formatParam(s.metrics.security_budget_share_pct, lang)}%` : '—'}</td><td class="num">${s.findings.filter((f) => !isWaived(f)).length}</td></tr>\n`,
)}
</tbody>
</table>
</section>`;
}

function verdict(s: SystemReport, lang: Lang): Safe {
  return html`<span class="badge ${s.result}">${label(s.result, lang)}</span>`;
}

function inputErrors(report: Report, lang: Lang): Safe {
  return html`<section class="errors"><h2>${label('input_errors', lang)}</h2><table><tbody>
${report.errors.map((e) => html`<tr><td><code>${e.file}${e.line ? `:${e.line}:${e.column ?? 1}` : ''}</code></td><td>${e.message}</td></tr>\n`)}
</tbody></table></section>`;
}

function budgetShare(s: SystemReport, lang: Lang): Safe | '' {
  const share = s.metrics.security_budget_share_pct;
  const min = s.metrics.security_budget_min_pct;
  if (typeof share !== 'number') return '';
  const scale = Math.max(30, share, typeof min === 'number' ? min : 0);
  const w = (v: number) => ((Math.min(v, scale) / scale) * 220).toFixed(1);
  const ok = typeof min !== 'number' || share >= min;
  return html`<tr><th>${label('budget_share', lang)}</th><td><div class="share"><svg viewBox="0 0 220 14" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${formatParam(share, lang)}%"><rect x="0" y="0" width="220" height="14" fill="#eaeef2"/><rect x="0" y="0" width="${w(share)}" height="14" fill="${ok ? '#1a7f37' : '#c62828'}"/>${
    typeof min === 'number' ? html`<line x1="${w(min)}" x2="${w(min)}" y1="0" y2="14" stroke="#1f2328" stroke-width="2"/>` : ''
  }</svg><span><b>${formatParam(share, lang)}%</b>${typeof min === 'number' ? html` (${label('minimum', lang)} ${formatParam(min, lang)}%)` : ''}</span></div></td></tr>`;
}

function areaTable(s: SystemReport, lang: Lang): Safe {
  const L = (k: ReportLabel) => label(k, lang);
  const areas = [...new Set(s.rules.map((r) => areaOf(r.rule)))].sort();
  const count = (area: string, outcome: string) => s.rules.filter((r) => areaOf(r.rule) === area && shownOutcome(s, r) === outcome).length;
  return html`<table class="areas"><thead><tr><th>${L('area')}</th><th class="num">${L('rules_pass')}</th><th class="num">${L('rules_fail')}</th><th class="num">${L('rules_due')}</th><th class="num">${L('rules_waived')}</th><th class="num">${L('rules_na')}</th></tr></thead><tbody>
${areas.map(
  (a) =>
    html`<tr><td><b>${a}</b></td><td class="num">${count(a, 'pass')}</td><td class="num">${count(a, 'fail')}</td><td class="num">${count(a, 'due')}</td><td class="num">${count(a, 'waived')}</td><td class="num">${count(a, 'not_applicable')}</td></tr>\n`,
)}
</tbody></table>`;
}

function findingCard(f: Finding, lang: Lang): Safe {
  const L = (k: ReportLabel) => label(k, lang);
  const waived = isWaived(f);
  const cls = waived ? 'waived' : f.status === 'due' ? 'due' : `sev-${f.severity}`;
  const tag = waived
    ? html`<span class="badge waived">${L('status_waived')}</span>`
    : f.status === 'due'
      ? html`<span class="badge due">${L('status_due')} · ${L('due_by')} ${String(f.params.due)}</span>`
      : html`<span class="badge sev-${f.severity}">${SEVERITY_NAMES[f.severity][lang]}</span>`;
  const docs = [...new Set(f.clauses.map((c) => c.split(':')[0] ?? ''))].map((k) => DOCUMENTS[k]?.[lang]).filter(Boolean);
  return html`<article class="finding ${cls}">
<p>${tag}${f.baseline === 'existing' ? html` <span class="badge due">${L('baseline_existing')}</span>` : ''} <b>${f.rule}</b> ${f.title}</p>
<p class="mono">${f.location.file}:${f.location.line}:${f.location.column} · ${f.path}</p>
<p>${f.message}</p>
<p><span class="label">${L('required_by')}:</span> ${f.clauses.map((c) => citation(c, lang)).join('; ')} <small>(${docs.join('; ')})</small></p>
<p><span class="label">${L('remediation')}:</span> ${f.remediation}</p>
${f.waiver ? waiverDetails(f, lang) : ''}
</article>`;
}

function waiverDetails(f: Finding, lang: Lang): Safe {
  const L = (k: ReportLabel) => label(k, lang);
  const w = f.waiver!;
  return html`<p><span class="label">${L('justification')}:</span> ${w.justification}</p>
<p><span class="label">${L('approved_by')}:</span> ${w.approvedBy.name} (${w.approvedBy.title}), ${w.approved}${w.reference ? ` · ${w.reference}` : ''} · ${L('waived_until')} ${w.expires} (${w.daysLeft} ${L('days_left')}) · <span class="mono">${w.location.file}:${w.location.line}:${w.location.column}</span></p>`;
}

function waiverProblemTable(records: WaiverRecord[], lang: Lang): Safe | '' {
  if (records.length === 0) return '';
  const L = (k: ReportLabel) => label(k, lang);
  return html`<p class="label">${L('waiver_problems')}</p><table><thead><tr><th>${L('waiver_file')}</th><th>${L('rule')}</th><th>${L('status')}</th><th>${L('reason')}</th></tr></thead><tbody>
${records.map(
  (w) =>
    html`<tr><td class="mono">${w.location.file}:${w.location.line}:${w.location.column}</td><td><b>${w.rule}</b>${w.path ? html` <code>${w.path}</code>` : ''}</td><td>${WAIVER_STATUS_NAMES[w.status][lang]}</td><td>${w.reason?.text ?? `${L('waived_until')} ${w.expires} (${w.daysLeft} ${L('days_left')})`}</td></tr>\n`,
)}
</tbody></table>`;
}

function systemSection(s: SystemReport, i: number, ctx: FormatContext, report: Report): Safe {
  const lang = ctx.lang;
  const L = (k: ReportLabel) => label(k, lang);
  const open = s.findings.filter((f) => !isWaived(f));
  const waived = s.findings.filter(isWaived);
  const na = s.rules.filter((r) => r.outcome === 'not_applicable');
  return html`<section class="system" id="system-${i + 1}">
<h2>${verdict(s, lang)} ${s.name} <small>(${s.id})</small></h2>
<h3>${L('summary')}</h3>
<table class="facts"><tbody>
<tr><th>${L('owner')}</th><td>${s.owner ?? '—'}</td></tr>
<tr><th>${L('level')}</th><td>${s.level ?? L('no_level')}</td></tr>
<tr><th>${L('stage')}</th><td>${s.stage ? STAGE_NAMES[s.stage][lang] : '—'}</td></tr>
<tr><th>${L('sector')}</th><td>${s.sector ? (SECTOR_NAMES[s.sector]?.[lang] ?? s.sector) : '—'}</td></tr>
<tr><th>${L('file')}</th><td><code>${s.file}</code></td></tr>
${budgetShare(s, lang)}
</tbody></table>
<h3>${L('areas')}</h3>
${areaTable(s, lang)}
<h3>${L('findings')} (${open.length})</h3>
${open.length > 0 ? open.map((f) => findingCard(f, lang)) : html`<p>${L('no_findings')}</p>`}
<h3>${L('not_applicable')} (${na.length})</h3>
${
  na.length > 0
    ? html`<table><thead><tr><th>${L('rule')}</th><th>${L('reason')}</th></tr></thead><tbody>
${na.map((r) => html`<tr><td><b>${r.rule}</b> ${ctx.catalogue.byId.get(r.rule)?.title[lang] ?? ''}</td><td>${r.reason?.text ?? ''}</td></tr>\n`)}
</tbody></table>`
    : html`<p>${L('none')}</p>`
}
<h3>${L('debt')} (${waived.length})</h3>
${waived.length > 0 ? waived.map((f) => findingCard(f, lang)) : html`<p>${L('debt_none')}</p>`}
${waiverProblemTable((report.waivers ?? []).filter((w) => w.system === s.id && w.status !== 'active'), lang)}
<h3>${L('inputs')}</h3>
<table><thead><tr><th>${L('file')}</th><th>${L('role')}</th><th>SHA-256</th></tr></thead><tbody>
${s.inputs.map((f) => html`<tr><td><code>${f.file}</code></td><td>${f.role}</td><td><code>${f.sha256}</code></td></tr>\n`)}
</tbody></table>
</section>`;
}

/** Waiver files that took part in the run (they change the result, so an audit must name them). */
function waiverFiles(report: Report): string[] {
  return [...new Set((report.waivers ?? []).map((w) => w.location.file))].sort();
}

function reproduction(report: Report, lang: Lang): Safe {
  const L = (k: ReportLabel) => label(k, lang);
  const files = report.systems.map((s) => s.file);
  const quote = (f: string) => (/^[\w./-]+$/.test(f) ? f : `'${f.replace(/'/g, `'\\''`)}'`);
  const debt = report.debtInputs ?? [];
  // Each role is its flag; waiver files named explicitly are exactly those read, as in this run.
  const debtFlags = debt.map((f) => ` --${f.role} ${quote(f.file)}`).join('');
  const settings = `${report.stage ? ` --stage ${report.stage}` : ''}${report.maxWaiverDays !== undefined ? ` --max-waiver-days ${report.maxWaiverDays}` : ''}`;
  const command = `tuanthu check ${files.map(quote).join(' ')} --as-of ${report.asOf} --fail-on ${report.failOn} --lang ${lang}${settings}${debtFlags} --format html=audit.html`;
  return html`<section class="repro">
<h2>${L('inputs')}</h2>
<dl class="meta">
<dt>${L('tool')}</dt><dd>tuanthu ${report.tool.version}</dd>
<dt>${L('policy_digest')}</dt><dd><code>${report.tool.policyDigest}</code></dd>
<dt>${L('rego_digest')}</dt><dd><code>${report.tool.regoDigest}</code></dd>
<dt>${L('as_of')}</dt><dd>${report.asOf}</dd>
<dt>${L('fail_on')}</dt><dd>${report.failOn}</dd>
</dl>
<table><thead><tr><th>${L('system')}</th><th>${L('file')}</th><th>${L('role')}</th><th>SHA-256</th></tr></thead><tbody>
${report.systems.flatMap((s) => s.inputs.map((f) => html`<tr><td><code>${s.id}</code></td><td><code>${f.file}</code></td><td>${f.role}</td><td><code>${f.sha256}</code></td></tr>\n`))}${debt.map((f) => html`<tr><td>${L('all_systems')}</td><td><code>${f.file}</code></td><td>${f.role}</td><td><code>${f.sha256}</code></td></tr>\n`)}
</tbody></table>
${waiverFiles(report).length > 0 ? html`<p><span class="label">${L('waiver_file')}:</span> ${waiverFiles(report).map((f, i) => html`${i > 0 ? ', ' : ''}<code>${f}</code>`)}</p>` : ''}
${report.baseline ? html`<p><span class="label">Baseline:</span> <code>${report.baseline.file}</code> (${report.baseline.created})</p>` : ''}
<p><span class="label">${L('reproduce')}:</span></p>
<pre><code>${command}</code></pre>
</section>`;
}
