import type { RuleExplanation } from '../engine/explain.js';
import { t } from '../i18n/index.js';
import type { RuleMeta } from '../engine/catalogue.js';
import type { Lang, Stage } from '../model/types.js';
import { citation } from '../engine/clauses.js';

const stageList = (stages: Stage[], lang: Lang) => stages.map((s) => t(`stage.${s}`, lang)).join(', ');

/** `tuanthu rules`: one line per rule, aligned columns. */
export function renderRuleList(rules: RuleMeta[], lang: Lang): string {
  const rows = rules.map((r) => [
    r.aliases?.length ? `${r.id} (${t('rules.also', lang)} ${r.aliases.join(', ')})` : r.id,
    t(`severity.${r.severity}`, lang),
    stageList(r.stages, lang),
    r.due ?? '—',
    // The Terraform providers whose resources the rule judges (blank: a rule over the descriptor).
    r.providers?.join(', ') ?? '',
    r.kind === 'recommendation' ? t('report.recommendation_title', { title: r.title[lang] }, lang) : r.title[lang],
    r.clauses.map((c) => citation(c, lang)).join('; '),
  ]);
  const header = (['id', 'severity', 'stages', 'due', 'providers', 'title', 'clauses'] as const).map((k) =>
    t(`rules.${k}`, lang),
  );
  const widths = header.slice(0, 5).map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 5 ? c.padEnd(widths[i]!) : c))
      .join('  ')
      .trimEnd();
  return (
    [
      line(header),
      ...rows.map(line),
      '',
      `${rules.length} ${t('rules.count', lang)}. ${t('rules.explain_hint', lang)}`,
    ].join('\n') + '\n'
  );
}

/** `tuanthu explain <ID>`: the rule in full. */
export function renderExplanation(e: RuleExplanation, lang: Lang): string {
  const indent = (s: string, n = 2) =>
    s
      .trimEnd()
      .split('\n')
      .map((l) => ' '.repeat(n) + l)
      .join('\n');
  const out: string[] = [];
  const aka = e.aliases.length ? ` (${t('rules.also', lang)} ${e.aliases.join(', ')})` : '';
  const title = e.recommendationOnly ? t('report.recommendation_title', { title: e.title }, lang) : e.title;
  out.push(`${e.id}${aka} · ${t(`severity.${e.severity}`, lang)} · ${title}`, '');
  out.push(`${t('rules.what', lang)}:`, indent(e.description), '');
  if (e.outsideSeeds) out.push(`${t('rules.outside_seeds', lang)}:`, indent(e.outsideSeeds), '');
  if (e.recommendation) out.push(`${t('report.recommendation', lang)}:`, indent(e.recommendation), '');
  // What requires the rule, then what it cites only as context (a national body's duty; a recommendation's clauses).
  const required = e.clauses.filter((c) => !c.context);
  const context = e.clauses.filter((c) => c.context);
  const section = (heading: string, clauses: typeof e.clauses) => {
    out.push(`${heading}:`);
    for (const c of clauses) {
      const due = c.deadline ? ` (${t('rules.item_due', lang)} ${c.deadline})` : '';
      out.push(indent(`${c.citation}${due} — ${c.paraphrase}`));
      for (const i of c.items) {
        const idue = i.deadline ? `, ${t('rules.item_due', lang)} ${i.deadline}` : '';
        out.push(indent(`• ${t('rules.item', lang)} ${i.item}${idue}: ${i.paraphrase}`, 4));
      }
    }
  };
  if (required.length > 0) section(t('rules.why', lang), required);
  if (context.length > 0) {
    if (required.length > 0) out.push('');
    section(t('report.context', lang), context);
  }
  out.push('', `${t('rules.when', lang)}:`, indent(`${t('rules.stages_label', lang)}: ${stageList(e.stages, lang)}`));
  out.push(indent(`${t('rules.conditions', lang)}: ${e.applies ?? t('rules.every_system', lang)}`), '');
  const deadline =
    e.due && e.violationFrom
      ? t('rules.due_rule', { due: e.due, from: e.violationFrom, severity: t(`severity.${e.severity}`, lang) }, lang)
      : t('rules.no_deadline', lang);
  out.push(`${t('rules.deadline', lang)}:`, indent(deadline), '');
  out.push(`${t('rules.fix', lang)}:`, indent(e.remediation));
  if (e.snippet) out.push('', `${t('rules.snippet', lang)}:`, indent(e.snippet));
  return out.join('\n') + '\n';
}
