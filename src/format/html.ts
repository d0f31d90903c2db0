import { DOCUMENTS } from '../engine/clauses.js';
import type { Catalogue } from '../engine/catalogue.js';
import { formatParam, messageKey, t } from '../i18n/index.js';
import {
  AGENCY_ID_PREFIX,
  SEVERITIES,
  type AgencyReport,
  type Finding,
  type Lang,
  type Report,
  type SystemReport,
  type WaiverRecord,
} from '../model/types.js';
import { barChart, type Bar } from './html-charts.js';
import { html, raw, type Safe } from './html-escape.js';
import { STYLE } from './html-style.js';
import {
  areaOf,
  findingBasisParts,
  evidenceLines,
  isWaived,
  ruleSettingsLines,
  shownOutcome,
  type ShownTrendPoint,
  trendPoints,
  judgedEntries,
} from './shared.js';
import type { FormatContext, Formatter } from './types.js';
import { compareText } from '../util/collate.js';
import { documentSummaries, needsAttention, tallyText } from './clause-text.js';
import type { DocumentSummary } from '../engine/clause-summary.js';
import { shellCommand } from '../util/shell.js';

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
    const page = html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="tuanthu ${report.tool.version}">
<title>${t('report.report_title', lang)} — ${report.asOf}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
${cover(report, lang)}
${report.systems.length > 1 ? overview(report, ctx) : ''}
${report.errors.length > 0 ? inputErrors(report, lang) : ''}
${trendSection(trendPoints(report), lang)}${clauseSection(documentSummaries(report, ctx), lang)}
${judgedEntries(report).map((s, i) => systemSection(s, i, ctx, report))}
${reproduction(report, lang)}
<footer>${t('report.generated_by', lang)} tuanthu ${report.tool.version} · ${t('report.as_of', lang)} ${report.asOf} · ${Object.values(
      DOCUMENTS,
    )
      .map((d) => d[lang])
      .join(' · ')}</footer>
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
  const sum = report.summary;
  const sev = SEVERITIES.slice()
    .reverse()
    .filter((s) => sum.findings[s] > 0)
    .map(
      (s) =>
        html`<div class="kpi"><b>${sum.findings[s]}</b><span class="badge sev-${s}">${t(`severity.${s}`, lang)}</span></div>`,
    );
  return html`<header class="cover">
<h1>${t('report.report_title', lang)}</h1>
<dl class="meta">
<dt>${t('report.as_of', lang)}</dt><dd>${report.asOf}</dd>
<dt>${t('report.fail_on', lang)}</dt><dd>${t(`severity.${report.failOn}`, lang)}</dd>
<dt>${t('report.tool', lang)}</dt><dd>tuanthu ${report.tool.version}</dd>
<dt>${t('report.policy_digest', lang)}</dt><dd><code>${report.tool.policyDigest}</code></dd>
</dl>
<div class="kpis">
<div class="kpi"><b>${sum.systems}</b>${t('report.systems', lang)}</div>
<div class="kpi pass"><b>${sum.passed}</b>${t('report.passed', lang)}</div>
<div class="kpi fail"><b>${sum.failed}</b>${t('report.failed', lang)}</div>
<div class="kpi"><b>${totalFindings(report)}</b>${t('report.findings', lang)}</div>
${sev}
${sum.due > 0 ? html`<div class="kpi"><b>${sum.due}</b><span class="badge due">${t('report.status_due', lang)}</span></div>` : ''}
${sum.unknown > 0 ? html`<div class="kpi"><b>${sum.unknown}</b><span class="badge due">${t('report.status_unknown', lang)}</span></div>` : ''}
${sum.waived > 0 ? html`<div class="kpi"><b>${sum.waived}</b><span class="badge waived">${t('report.status_waived', lang)}</span></div>` : ''}
${sum.inputErrors > 0 ? html`<div class="kpi fail"><b>${sum.inputErrors}</b>${t('report.input_errors', lang)}</div>` : ''}
</div>
</header>`;
}

function passFailBars(groups: Map<string, SystemReport[]>, lang: Lang): Bar[] {
  return [...groups.entries()].map(([name, list]) => ({
    label: name,
    segments: [
      { value: list.filter((s) => s.result === 'pass').length, className: 'pass', title: t('report.passed', lang) },
      { value: list.filter((s) => s.result === 'fail').length, className: 'fail', title: t('report.failed', lang) },
      {
        value: list.filter((s) => s.result === 'incomplete').length,
        className: 'due',
        title: t('report.incomplete_count', lang),
      },
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
  const byOwner = groupBy(report.systems, (s) => s.owner ?? '—');
  const byLevel = groupBy(report.systems, (s) =>
    s.level !== undefined ? `${t('report.level_n', lang)} ${s.level}` : t('report.no_level', lang),
  );
  // Only rules that fail or fall due somewhere, most frequent first: the chart stays short as the catalogue grows.
  const ruleBars: Bar[] = ctx.catalogue.rules
    .map((r) => ({
      label: `${r.id} ${r.title[lang]}`,
      segments: [
        {
          value: report.systems.filter((s) => s.rules.some((x) => x.rule === r.id && x.outcome === 'fail')).length,
          className: 'fail',
          title: t('report.failed', lang),
        },
        {
          value: report.systems.filter((s) => s.rules.some((x) => x.rule === r.id && x.outcome === 'due')).length,
          className: 'due',
          title: t('report.rules_due', lang),
        },
      ],
    }))
    .filter((b) => b.segments.some((x) => x.value > 0))
    .sort((a, b) => total(b) - total(a) || compareText(a.label, b.label));
  const legend = html`<div class="legend"><span><i class="pass"></i>${t('report.passed', lang)}</span><span><i class="fail"></i>${t('report.failed', lang)}</span><span><i class="due"></i>${t('report.rules_due', lang)}</span></div>`;
  return html`<section class="overview">
<h2>${t('report.overview', lang)}</h2>
${legend}
<div class="charts">
<figure><figcaption>${t('report.by_agency', lang)}</figcaption>${barChart(passFailBars(byOwner, lang), { title: t('report.by_agency', lang) })}</figure>
<figure><figcaption>${t('report.by_level', lang)}</figcaption>${barChart(passFailBars(byLevel, lang), { title: t('report.by_level', lang) })}</figure>
${ruleBars.length > 0 ? html`<figure><figcaption>${t('report.by_rule', lang)}</figcaption>${barChart(ruleBars, { title: t('report.by_rule', lang), labelWidth: 300 })}</figure>` : ''}
</div>
<table>
<thead><tr><th>${t('report.system', lang)}</th><th>${t('report.owner', lang)}</th><th class="num">${t('report.level', lang)}</th><th>${t('report.stage', lang)}</th><th>${t('report.result', lang)}</th><th class="num">${t('report.budget_share', lang)}</th><th class="num">${t('report.findings', lang)}</th></tr></thead>
<tbody>
${report.systems.map(
  (s, i) =>
    html`<tr><td><a href="#system-${i + 1}">${s.name}</a><br><small><code>${s.id}</code></small></td><td>${s.owner ?? '—'}</td><td class="num">${s.level ?? '—'}</td><td>${s.stage ? t(`stage.${s.stage}`, lang) : '—'}</td><td>${verdict(s, lang)}</td><td class="num">${typeof s.metrics.security_budget_share_pct === 'number' ? `${formatParam(s.metrics.security_budget_share_pct, lang)}%` : '—'}</td><td class="num">${s.findings.filter((f) => !isWaived(f)).length}</td></tr>\n`,
)}
</tbody>
</table>
</section>`;
}

function verdict(s: SystemReport, lang: Lang): Safe {
  return html`<span class="badge ${s.result}">${t(`report.${s.result}`, lang)}</span>`;
}

/** Earlier runs (--previous) and this one: systems passed and failed, and findings, by date. */
function trendSection(points: ShownTrendPoint[], lang: Lang): Safe | '' {
  if (points.length === 0) return '';
  const label = (p: ShownTrendPoint) => `${p.asOf}${p.current ? t('report.trend_now', lang) : ''}`;
  const bars: Bar[] = points.map((p) => ({
    label: label(p),
    segments: [
      { value: p.passed, className: 'pass', title: t('report.passed', lang) },
      { value: p.failed, className: 'fail', title: t('report.failed', lang) },
    ],
  }));
  return html`<section class="trend">
<h2>${t('report.trend', lang)}</h2>
<figure>${barChart(bars, { title: t('report.trend', lang) })}</figure>
<table><thead><tr><th>${t('report.as_of', lang)}</th><th class="num">${t('report.passed', lang)}</th><th class="num">${t('report.failed', lang)}</th><th class="num">${t('report.findings', lang)}</th></tr></thead><tbody>
${points.map((p) => html`<tr><td>${label(p)}</td><td class="num">${p.passed}/${p.systems}</td><td class="num">${p.failed}</td><td class="num">${p.findings}</td></tr>\n`)}</tbody></table>
</section>
`;
}

/** The compliance view by document and clause: every clause whose items rules check. */
function clauseSection(docs: DocumentSummary[], lang: Lang): Safe | '' {
  if (docs.length === 0) return '';
  return html`<section class="clauses">
<h2>${t('clauses.title', lang)}</h2>
<table><thead><tr><th>${t('clauses.document', lang)}</th><th>${t('clauses.clause', lang)}</th><th>${t('clauses.status', lang)}</th></tr></thead><tbody>
${docs.map(
  (d) =>
    html`<tr><th>${d.number}</th><td></td><th>${tallyText(d, lang)}</th></tr>\n${d.clauses.map(
      (c) =>
        html`<tr${needsAttention(c) ? html` class="attention"` : ''}><td></td><td>§${c.section}</td><td>${tallyText(c, lang)}</td></tr>\n`,
    )}`,
)}</tbody></table>
</section>`;
}

function inputErrors(report: Report, lang: Lang): Safe {
  return html`<section class="errors"><h2>${t('report.input_errors', lang)}</h2><table><tbody>
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
  return html`<tr><th>${t('report.budget_share', lang)}</th><td><div class="share"><svg viewBox="0 0 220 14" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${formatParam(share, lang)}%"><rect x="0" y="0" width="220" height="14" fill="#eaeef2"/><rect x="0" y="0" width="${w(share)}" height="14" fill="${ok ? '#1a7f37' : '#c62828'}"/>${
    typeof min === 'number'
      ? html`<line x1="${w(min)}" x2="${w(min)}" y1="0" y2="14" stroke="#1f2328" stroke-width="2"/>`
      : ''
  }</svg><span><b>${formatParam(share, lang)}%</b>${typeof min === 'number' ? html` (${t('report.minimum', lang)} ${formatParam(min, lang)}%)` : ''}</span></div></td></tr>`;
}

function areaTable(s: SystemReport, lang: Lang): Safe {
  const areas = [...new Set(s.rules.map((r) => areaOf(r.rule)))].sort();
  const count = (area: string, outcome: string) =>
    s.rules.filter((r) => areaOf(r.rule) === area && shownOutcome(s, r) === outcome).length;
  return html`<table class="areas"><thead><tr><th>${t('report.area', lang)}</th><th class="num">${t('report.rules_pass', lang)}</th><th class="num">${t('report.rules_fail', lang)}</th><th class="num">${t('report.rules_due', lang)}</th><th class="num">${t('report.rules_waived', lang)}</th><th class="num">${t('report.rules_na', lang)}</th></tr></thead><tbody>
${areas.map(
  (a) =>
    html`<tr><td><b>${a}</b></td><td class="num">${count(a, 'pass')}</td><td class="num">${count(a, 'fail')}</td><td class="num">${count(a, 'due')}</td><td class="num">${count(a, 'waived')}</td><td class="num">${count(a, 'not_applicable')}</td></tr>\n`,
)}
</tbody></table>`;
}

function findingCard(f: Finding, lang: Lang, catalogue: Catalogue): Safe {
  const waived = isWaived(f);
  const cls = waived ? 'waived' : f.status === 'violation' ? `sev-${f.severity}` : 'due';
  const tag = waived
    ? html`<span class="badge waived">${t('report.status_waived', lang)}</span>`
    : f.status === 'due'
      ? html`<span class="badge due">${t('report.status_due', lang)} · ${t('report.due_by', lang)} ${String(f.params.due)}</span>`
      : f.status === 'unknown'
        ? html`<span class="badge due">${t('report.status_unknown', lang)}</span>`
        : html`<span class="badge sev-${f.severity}">${t(`severity.${f.severity}`, lang)}</span>`;
  const basis = findingBasisParts(f, catalogue, lang).map((p) => {
    const docs = [...new Set(p.clauses.map((c) => c.split(':')[0] ?? ''))]
      .map((k) => DOCUMENTS[k]?.[lang])
      .filter(Boolean);
    return html`<p><span class="label">${t(`report.${p.kind}`, lang)}:</span> ${p.text}${docs.length > 0 ? html` <small>(${docs.join('; ')})</small>` : ''}</p>\n`;
  });
  return html`<article class="finding ${cls}">
<p>${tag}${f.baseline === 'existing' ? html` <span class="badge due">${t('report.baseline_existing', lang)}</span>` : ''} <b>${f.rule}</b> ${f.title}</p>
<p class="mono">${f.location.file}:${f.location.line}:${f.location.column} · ${f.path}</p>
<p>${f.message}</p>
${basis}<p><span class="label">${t('report.remediation', lang)}:</span> ${f.remediation}</p>
${f.waiver ? waiverDetails(f, lang) : ''}
</article>`;
}

function waiverDetails(f: Finding, lang: Lang): Safe {
  const w = f.waiver!;
  return html`<p><span class="label">${t('report.justification', lang)}:</span> ${w.justification}</p>
<p><span class="label">${t('report.approved_by', lang)}:</span> ${w.approvedBy.name} (${w.approvedBy.title}), ${w.approved}${w.reference ? ` · ${w.reference}` : ''} · ${t('report.waived_until', lang)} ${w.expires} (${w.daysLeft} ${t('report.days_left', lang)}) · <span class="mono">${w.location.file}:${w.location.line}:${w.location.column}</span></p>`;
}

function waiverProblemTable(records: WaiverRecord[], lang: Lang): Safe | '' {
  if (records.length === 0) return '';
  return html`<p class="label">${t('report.waiver_problems', lang)}</p><table><thead><tr><th>${t('report.waiver_file', lang)}</th><th>${t('report.rule', lang)}</th><th>${t('report.status', lang)}</th><th>${t('report.reason', lang)}</th></tr></thead><tbody>
${records.map(
  (w) =>
    html`<tr><td class="mono">${w.location.file}:${w.location.line}:${w.location.column}</td><td><b>${w.rule}</b>${w.path ? html` <code>${w.path}</code>` : ''}</td><td>${t(`waiver_status.${w.status}`, lang)}</td><td>${w.reason?.text ?? `${t('report.waived_until', lang)} ${w.expires} (${w.daysLeft} ${t('report.days_left', lang)})`}</td></tr>\n`,
)}
</tbody></table>`;
}

function systemSection(s: SystemReport, i: number, ctx: FormatContext, report: Report): Safe {
  const lang = ctx.lang;
  const open = s.findings.filter((f) => !isWaived(f));
  const waived = s.findings.filter(isWaived);
  const na = s.rules.filter((r) => r.outcome === 'not_applicable');
  // An agency (Report.agencies) is judged over its systems: it has no level, stage or sector of its own.
  const agency = 'systems' in s && s.id.startsWith(AGENCY_ID_PREFIX);
  return html`<section class="${agency ? 'system agency' : 'system'}" id="system-${i + 1}">
<h2>${verdict(s, lang)} ${s.name} <small>(${s.id})</small></h2>
<h3>${t('report.summary', lang)}</h3>
<table class="facts"><tbody>
<tr><th>${t('report.owner', lang)}</th><td>${s.owner ?? '—'}</td></tr>
${
  agency
    ? html`<tr><th>${t('report.systems', lang)}</th><td>${String((s as AgencyReport).systems)}</td></tr>
`
    : html`<tr><th>${t('report.level', lang)}</th><td>${s.level ?? t('report.no_level', lang)}</td></tr>
<tr><th>${t('report.stage', lang)}</th><td>${s.stage ? t(`stage.${s.stage}`, lang) : '—'}</td></tr>
<tr><th>${t('report.sector', lang)}</th><td>${s.sector ? sectorName(s.sector, lang) : '—'}</td></tr>
`
}<tr><th>${t('report.file', lang)}</th><td><code>${s.file}</code></td></tr>
${budgetShare(s, lang)}
</tbody></table>
${
  s.iac
    ? html`<h3>${t('iac.evidence', lang)}</h3>
<ul class="evidence">
${evidenceLines(s, lang).map(
  (l) => html`<li>${l}</li>
`,
)}</ul>`
    : ''
}
<h3>${t('report.areas', lang)}</h3>
${areaTable(s, lang)}
<h3>${t('report.findings', lang)} (${open.length})</h3>
${open.length > 0 ? open.map((f) => findingCard(f, lang, ctx.catalogue)) : html`<p>${t('report.no_findings', lang)}</p>`}
<h3>${t('report.not_applicable', lang)} (${na.length})</h3>
${
  na.length > 0
    ? html`<table><thead><tr><th>${t('report.rule', lang)}</th><th>${t('report.reason', lang)}</th></tr></thead><tbody>
${na.map((r) => html`<tr><td><b>${r.rule}</b> ${ctx.catalogue.byId.get(r.rule)?.title[lang] ?? ''}</td><td>${r.reason?.text ?? ''}</td></tr>\n`)}
</tbody></table>`
    : html`<p>${t('report.none', lang)}</p>`
}
<h3>${t('report.debt', lang)} (${waived.length})</h3>
${waived.length > 0 ? waived.map((f) => findingCard(f, lang, ctx.catalogue)) : html`<p>${t('report.debt_none', lang)}</p>`}
${waiverProblemTable(
  (report.waivers ?? []).filter((w) => w.system === s.id && w.status !== 'active'),
  lang,
)}
<h3>${t('report.inputs', lang)}</h3>
<table><thead><tr><th>${t('report.file', lang)}</th><th>${t('report.role', lang)}</th><th>SHA-256</th></tr></thead><tbody>
${s.inputs.map((f) => html`<tr><td><code>${f.file}</code></td><td>${f.role}</td><td><code>${f.sha256}</code></td></tr>\n`)}
</tbody></table>
</section>`;
}

/** Waiver files that took part in the run (they change the result, so an audit must name them). */
function waiverFiles(report: Report): string[] {
  return [...new Set((report.waivers ?? []).map((w) => w.location.file))].sort();
}

function reproduction(report: Report, lang: Lang): Safe {
  const files = [...new Set(report.systems.map((s) => s.file))];
  const debt = report.debtInputs ?? [];
  // Every word quoted, and the paths after `--`: a file named like an option (`--format=json=x`)
  // stays a path when the command is pasted. Each debt input is its flag; waiver files named
  // explicitly are exactly those read, as in this run.
  const command = shellCommand([
    'tuanthu',
    'check',
    ...['--as-of', report.asOf, '--fail-on', report.failOn, '--lang', lang],
    ...(report.stage ? ['--stage', report.stage] : []),
    ...(report.maxWaiverDays !== undefined ? ['--max-waiver-days', String(report.maxWaiverDays)] : []),
    ...debt.flatMap((f) => [`--${f.role}`, f.file]),
    ...(report.ruleSettings?.only ?? []).flatMap((r) => ['--rule', r]),
    ...(report.ruleSettings?.skip ?? []).flatMap((x) => ['--skip-rule', `${x.rule}=${x.reason}`]),
    ...['--format', 'html=audit.html', '--'],
    ...files,
  ]);
  return html`<section class="repro">
<h2>${t('report.inputs', lang)}</h2>
<dl class="meta">
<dt>${t('report.tool', lang)}</dt><dd>tuanthu ${report.tool.version}</dd>
<dt>${t('report.policy_digest', lang)}</dt><dd><code>${report.tool.policyDigest}</code></dd>
<dt>${t('report.rego_digest', lang)}</dt><dd><code>${report.tool.regoDigest}</code></dd>
<dt>${t('report.as_of', lang)}</dt><dd>${report.asOf}</dd>
<dt>${t('report.fail_on', lang)}</dt><dd>${report.failOn}</dd>${
    ruleSettingsLines(report, lang).length > 0
      ? html`
<dt>${t('report.rule_settings', lang)}</dt><dd>${ruleSettingsLines(report, lang).map((l, i) => html`${i > 0 ? html`<br>` : ''}${l}`)}</dd>`
      : ''
  }
</dl>
<table><thead><tr><th>${t('report.system', lang)}</th><th>${t('report.file', lang)}</th><th>${t('report.role', lang)}</th><th>SHA-256</th></tr></thead><tbody>
${report.systems.flatMap((s) => s.inputs.map((f) => html`<tr><td><code>${s.id}</code></td><td><code>${f.file}</code></td><td>${f.role}</td><td><code>${f.sha256}</code></td></tr>\n`))}${debt.map((f) => html`<tr><td>${t('report.all_systems', lang)}</td><td><code>${f.file}</code></td><td>${f.role}</td><td><code>${f.sha256}</code></td></tr>\n`)}
</tbody></table>
${waiverFiles(report).length > 0 ? html`<p><span class="label">${t('report.waiver_file', lang)}:</span> ${waiverFiles(report).map((f, i) => html`${i > 0 ? ', ' : ''}<code>${f}</code>`)}</p>` : ''}
${report.baseline ? html`<p><span class="label">Baseline:</span> <code>${report.baseline.file}</code> (${report.baseline.created})</p>` : ''}
<p><span class="label">${t('report.reproduce', lang)}:</span></p>
<pre><code>${command}</code></pre>
</section>`;
}

function sectorName(sector: string, lang: Lang): string {
  const k = messageKey('sector', sector);
  return k ? t(k, lang) : sector;
}
