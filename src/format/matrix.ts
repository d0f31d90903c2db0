import { DOCUMENTS } from '../engine/clauses.js';
import { contextOnlyRules, type MatrixRow } from '../engine/coverage.js';
import { t } from '../i18n/index.js';
import type { Lang, Stage } from '../model/types.js';

// `tuanthu rules --by-clause`: the compliance matrix (engine/coverage.ts#complianceMatrix) as text,
// JSON or Markdown (docs/compliance-matrix.md is the Markdown one).

const stageList = (stages: readonly Stage[], lang: Lang) => stages.map((s) => t(`stage.${s}`, lang)).join(', ');

const itemLabel = (r: MatrixRow, lang: Lang) =>
  r.item === null ? r.citation : `${r.citation}, ${t('rules.item', lang)} ${r.item}`;

const dueLabel = (r: MatrixRow, lang: Lang) =>
  [r.due ? `${t('matrix.due', lang)} ${r.due}` : '', r.recurring ? t('matrix.recurring', lang) : '']
    .filter(Boolean)
    .join('; ');

const ruleLabel = (rule: MatrixRow['rules'][number], lang: Lang) =>
  `${rule.id} (${t(`severity.${rule.severity}`, lang)}; ${stageList(rule.stages, lang)}${
    rule.due ? `; ${t('matrix.rule_due', lang)} ${rule.due}` : ''
  })`;

function decisionLine(r: MatrixRow, lang: Lang, rule: (x: MatrixRow['rules'][number]) => string): string {
  switch (r.decision) {
    case 'rules':
      return `${t('matrix.checked_by', lang)}: ${r.rules.map(rule).join(', ')}`;
    case 'national-body':
      return `${t('matrix.national_body', lang)}: ${r.bodies.join(', ')}`;
    case 'open':
      return `${t('matrix.open', lang)}: ${r.reason}`;
    default:
      return `${t('matrix.not_checkable', lang)}: ${r.reason}`;
  }
}

function summary(rows: MatrixRow[], lang: Lang): string {
  const n = (d: MatrixRow['decision']) => rows.filter((r) => r.decision === d).length;
  return t(
    'matrix.summary',
    {
      entries: rows.length,
      rules: n('rules'),
      national: n('national-body'),
      not_checkable: n('not-checkable'),
      open: n('open'),
    },
    lang,
  );
}

const byDocument = (rows: MatrixRow[]) => {
  const groups = new Map<string, MatrixRow[]>();
  for (const r of rows) groups.set(r.document, [...(groups.get(r.document) ?? []), r]);
  return groups;
};

/** One block per item, grouped by document. */
export function renderMatrix(rows: MatrixRow[], lang: Lang): string {
  const out: string[] = [t('matrix.title', lang), ''];
  for (const [doc, group] of byDocument(rows)) {
    out.push(`== ${DOCUMENTS[doc]?.[lang] ?? doc}`, '');
    for (const r of group) {
      const due = dueLabel(r, lang);
      out.push(due ? `${itemLabel(r, lang)}  (${due})` : itemLabel(r, lang));
      out.push(`  ${t('matrix.requires', lang)}: ${r.requires}`);
      out.push(`  ${decisionLine(r, lang, (x) => ruleLabel(x, lang))}`);
      if (r.rest) out.push(`  ${t('matrix.rest', lang)}: ${r.rest}`);
      if (r.context.length) out.push(`  ${t('matrix.context', lang)}: ${r.context.join(', ')}`);
      out.push('');
    }
  }
  const only = contextOnlyRules(rows);
  if (only.length) {
    out.push(t('matrix.context_only', lang));
    for (const r of only) out.push(`  ${r.id}: ${r.items.join('; ')}`);
    out.push('');
  }
  out.push(summary(rows, lang));
  return `${out.join('\n')}\n`;
}

/** For machines: every row with its decision and rules. */
export function renderMatrixJson(rows: MatrixRow[], lang: Lang): string {
  const count = (d: MatrixRow['decision']) => rows.filter((r) => r.decision === d).length;
  return `${JSON.stringify(
    {
      lang,
      summary: {
        entries: rows.length,
        rules: count('rules'),
        national_body: count('national-body'),
        not_checkable: count('not-checkable'),
        open: count('open'),
      },
      entries: rows,
      context_only_rules: contextOnlyRules(rows),
    },
    null,
    2,
  )}\n`;
}

/** A Markdown cell: pipes escaped, no line breaks. */
const cell = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');

/** One table per document, rules linked to their pages under docs/rules/. */
export function renderMatrixMarkdown(rows: MatrixRow[], lang: Lang): string {
  const out: string[] = [`# ${t('matrix.title', lang)}`, '', t('matrix.intro', lang), '', summary(rows, lang), ''];
  out.push(`> ${t('matrix.generated', lang)}`, '');
  const head = ['col_item', 'col_requires', 'col_decision', 'col_due', 'col_notes'] as const;
  for (const [doc, group] of byDocument(rows)) {
    out.push(`## ${DOCUMENTS[doc]?.[lang] ?? doc}`, '');
    out.push(`| ${head.map((h) => t(`matrix.${h}`, lang)).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
    for (const r of group) {
      const decision = decisionLine(
        r,
        lang,
        (x) =>
          `[${x.id}](rules/${x.id}.md) (${stageList(x.stages, lang)}${x.due ? `; ${t('matrix.rule_due', lang)} ${x.due}` : ''})`,
      );
      const notes = [
        r.rest ? `${t('matrix.rest', lang)}: ${r.rest}` : '',
        r.context.length
          ? `${t('matrix.context', lang)}: ${r.context.map((id) => `[${id}](rules/${id}.md)`).join(', ')}`
          : '',
      ]
        .filter(Boolean)
        .join(' ');
      out.push(
        `| ${[r.item === null ? r.citation : `${r.citation} (${r.item})`, r.requires, decision, dueLabel(r, lang), notes].map(cell).join(' | ')} |`,
      );
    }
    out.push('');
  }
  const only = contextOnlyRules(rows);
  if (only.length) {
    out.push(`## ${t('matrix.context_only', lang)}`, '');
    for (const r of only) out.push(`- [${r.id}](rules/${r.id}.md): ${r.items.map(cell).join('; ')}`);
    out.push('');
  }
  return `${out.join('\n')}`;
}
