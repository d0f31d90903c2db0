// The per-document, per-clause summary in words (text, Markdown and HTML share it): "04-KH/BCĐTW:
// 12 of 20 items met · 5 not met · 1 due by 2026-04-30".
import { applicable, type ClauseTally, clauseSummary, type DocumentSummary } from '../engine/clause-summary.js';
import { loadCoverage } from '../engine/coverage.js';
import { t } from '../i18n/index.js';
import type { Lang, Report } from '../model/types.js';
import type { FormatContext } from './types.js';

/** The summary for a report, or nothing when no system was checked. */
export function documentSummaries(
  report: Pick<Report, 'systems' | 'agencies'>,
  ctx: Pick<FormatContext, 'catalogue'>,
): DocumentSummary[] {
  return report.systems.length === 0 ? [] : clauseSummary(report, loadCoverage(), ctx.catalogue);
}

/** "12 of 20 items met · 5 not met · 1 due by 2026-04-30 · 2 not yet checked by a rule". */
export function tallyText(x: ClauseTally, lang: Lang): string {
  const parts = [t('clauses.met', { met: x.met, total: applicable(x) }, lang)];
  if (x.not_met > 0) parts.push(t('clauses.not_met', { n: x.not_met }, lang));
  if (x.due > 0) parts.push(t('clauses.due', { n: x.due, date: x.dueBy ?? '—' }, lang));
  if (x.waived > 0) parts.push(t('clauses.waived', { n: x.waived }, lang));
  if (x.unchecked > 0) parts.push(t('clauses.unchecked', { n: x.unchecked }, lang));
  return parts.join(' · ');
}

/** Whether a clause needs the reader's attention (something not met, due or waived). */
export function needsAttention(x: ClauseTally): boolean {
  return x.not_met + x.due + x.waived > 0;
}

/**
 * Lines for the text format: each document, then its clauses of several items that need attention
 * (a one-item clause says no more than its rule's finding above; Markdown and HTML list them all).
 */
export function clauseSummaryLines(docs: DocumentSummary[], lang: Lang): string[] {
  if (docs.length === 0) return [];
  const out = [`${t('clauses.title', lang)}:`];
  for (const d of docs) {
    out.push(`  ${d.number}: ${tallyText(d, lang)}`);
    for (const c of d.clauses) {
      if (needsAttention(c) && applicable(c) + c.unchecked > 1) out.push(`    §${c.section}: ${tallyText(c, lang)}`);
    }
  }
  return out;
}
