/** The audit report's style sheet: screen and A4 print. Inline, so the file stands alone. */
export const STYLE = `
:root { --pass:#1a7f37; --fail:#c62828; --due:#b26a00; --na:#6b7280; --waived:#6d28d9; --ink:#1f2328; --muted:#57606a; --line:#d0d7de; --bg:#f6f8fa;
  --critical:#8e24aa; --high:#c62828; --medium:#b26a00; --low:#0277bd; --info:#6b7280; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 14px/1.45 "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1000px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 8px; }
h2 { font-size: 20px; margin: 0 0 12px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
small, .muted { color: var(--muted); }
code, .mono { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 12px; word-break: break-all; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 12px; font-weight: 700; vertical-align: middle; }
.badge.pass { background: var(--pass); } .badge.fail { background: var(--fail); }
.badge.sev-critical { background: var(--critical); } .badge.sev-high { background: var(--high); } .badge.sev-medium { background: var(--medium); }
.badge.sev-low { background: var(--low); } .badge.sev-info { background: var(--info); } .badge.due { background: var(--due); } .badge.waived { background: var(--waived); } .badge.incomplete { background: var(--due); } .badge.unknown { background: var(--due); }
.cover { border-bottom: 1px solid var(--line); margin-bottom: 16px; padding-bottom: 12px; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0; }
.meta dt { color: var(--muted); } .meta dd { margin: 0; }
.kpis { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 10px; }
.kpi { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; min-width: 110px; background: var(--bg); }
.kpi b { display: block; font-size: 20px; }
.kpi.fail b { color: var(--fail); } .kpi.pass b { color: var(--pass); }
.charts { display: grid; grid-template-columns: 1fr; gap: 8px; }
figure { margin: 0 0 8px; } figcaption { font-weight: 600; margin-bottom: 2px; }
.chart text { font: 11px "Noto Sans", "DejaVu Sans", Arial, sans-serif; fill: var(--ink); }
.chart .val { fill: var(--muted); }
.chart .pass { fill: var(--pass); } .chart .fail { fill: var(--fail); } .chart .due { fill: var(--due); }
.legend span { margin-right: 12px; font-size: 12px; } .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
.legend .pass { background: var(--pass); } .legend .fail { background: var(--fail); } .legend .due { background: var(--due); }
.clauses tr.attention td { color: var(--fail); }
section { margin-bottom: 28px; }
.finding { border: 1px solid var(--line); border-left: 5px solid var(--info); border-radius: 4px; padding: 8px 12px; margin: 8px 0; break-inside: avoid; }
.finding.sev-critical { border-left-color: var(--critical); } .finding.sev-high { border-left-color: var(--high); } .finding.sev-medium { border-left-color: var(--medium); }
.finding.sev-low { border-left-color: var(--low); } .finding.due { border-left-color: var(--due); } .finding.waived { border-left-color: var(--waived); }
.finding p { margin: 4px 0; }
.finding .label { font-weight: 600; }
.share { display: flex; align-items: center; gap: 10px; }
.share svg { width: 220px; height: 14px; }
footer { border-top: 1px solid var(--line); padding-top: 8px; color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  section.system, section.repro { break-before: page; }
  h2, h3 { break-after: avoid; }
  tr, .kpi, figure { break-inside: avoid; }
}
`;
