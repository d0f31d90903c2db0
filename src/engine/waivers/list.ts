import { t } from '../../i18n/index.js';
import type { Lang, WaiverRecord } from '../../model/types.js';
import { WAIVER_STATUS_ORDER } from './match.js';
import { compareText } from '../../util/collate.js';

/** Most urgent first (invalid, expired, ignored, stale, expiring, active), then by date and place. */
export function sortWaivers(records: WaiverRecord[]): WaiverRecord[] {
  return [...records].sort(
    (a, b) =>
      WAIVER_STATUS_ORDER.indexOf(a.status) - WAIVER_STATUS_ORDER.indexOf(b.status) ||
      compareText(a.expires, b.expires) ||
      compareText(a.location.file, b.location.file) ||
      a.location.line - b.location.line,
  );
}

/** `tuanthu waivers list` as a plain table with aligned columns, then why each problem waiver is one. */
export function renderWaiverTable(records: WaiverRecord[], lang: Lang): string {
  if (records.length === 0) return `${t('debt.no_waivers', lang)}\n`;
  const sorted = sortWaivers(records);
  const header = (['status', 'rule', 'system', 'finding', 'expires', 'left', 'approver', 'where'] as const).map((k) =>
    t(`debt.${k}`, lang),
  );
  const rows = sorted.map((w) => [
    t(`waiver_status.${w.status}`, lang),
    w.rule,
    w.system,
    w.path ?? t('debt.all_findings', lang),
    w.expires,
    String(w.daysLeft),
    w.approvedBy.name,
    `${w.location.file}:${w.location.line}:${w.location.column}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  const out = [line(header), ...rows.map(line)];
  const explained = sorted.filter((w) => w.reason);
  if (explained.length > 0) {
    out.push('');
    for (const w of explained)
      out.push(
        `${w.location.file}:${w.location.line}:${w.location.column}: ${t(`waiver_status.${w.status}`, lang)} — ${w.reason?.text}`,
      );
  }
  return out.join('\n') + '\n';
}
