import { type MessageKey, t } from '../i18n/index.js';
import type { Finding, Lang, Report } from '../model/types.js';
import { presentable } from './safe-text.js';
import { evidenceLines, findingBasisParts, isWaived, judgedEntries } from './shared.js';
import type { Formatter } from './types.js';

/**
 * CSV for spreadsheets (inspectors keep their registers in them): one row per finding, waived ones
 * included and marked, then one per input error. UTF-8 with a byte-order mark, which Excel needs to
 * read Vietnamese as UTF-8; RFC 4180 quoting and CRLF line ends; headers in the report's language.
 */
const BOM = '\uFEFF';

const COLUMNS = [
  'csv.system_id',
  'csv.system_name',
  'csv.file',
  'csv.line',
  'csv.column',
  'csv.rule',
  'csv.title',
  'csv.severity',
  'csv.status',
  'csv.message',
  'csv.clauses',
  'csv.remediation',
  'csv.due',
  'csv.waiver',
  'csv.baseline',
  'csv.pointer',
  'csv.fingerprint',
  'csv.context',
] as const satisfies readonly MessageKey[];

// C0 and C1 controls other than tab, CR and LF: never sent on to a terminal or spreadsheet.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * One cell. A spreadsheet runs a cell that begins with = + - @ (or tab or CR, which it skips
 * before them) as a formula: such a cell gets a leading apostrophe, so it is shown as text
 * (OWASP, "CSV injection"). Then RFC 4180: a cell with a comma, quote, CR or LF is quoted, quotes
 * doubled.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let s = String(value).replace(CONTROLS, '\uFFFD');
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function row(cells: Array<string | number | undefined>): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

export const csv: Formatter = {
  description: 'CSV for spreadsheets (UTF-8 with BOM, one row per finding)',
  extension: 'csv',
  render(untrusted: Report, ctx) {
    // A cell may reach a CI log as well as a spreadsheet: no line break, control or bidi override
    // from a name (safe-text.ts), so a row is one line.
    const report = presentable(untrusted);
    const lang = ctx.lang;
    let out = BOM + row(COLUMNS.map((k) => t(k, lang)));
    for (const s of judgedEntries(report)) {
      for (const f of s.findings) {
        const basis = findingBasisParts(f, ctx.catalogue, lang);
        out += row([
          s.id,
          s.name,
          f.location.file,
          f.location.line,
          f.location.column,
          f.rule,
          f.title,
          t(`severity.${f.severity}`, lang),
          status(f, lang),
          f.message,
          basis.find((p) => p.kind === 'required_by')?.text,
          f.remediation,
          f.status === 'due' ? String(f.params.due) : undefined,
          f.waiver
            ? `${t('report.waived_until', lang)} ${f.waiver.expires}: ${f.waiver.approvedBy.name} (${f.waiver.approvedBy.title}), ${f.waiver.justification}`
            : undefined,
          f.baseline ? t(f.baseline === 'existing' ? 'report.baseline_existing' : 'csv.baseline_new', lang) : undefined,
          f.path,
          f.fingerprint,
          basis.find((p) => p.kind === 'context')?.text,
        ]);
      }
      // Infrastructure code not (all) evaluated: a row of its own, since the system did not pass.
      for (const e of s.iac ?? []) {
        if (!e.incomplete) continue;
        const cells: Array<string | number | undefined> = new Array(COLUMNS.length).fill(undefined);
        cells[0] = s.id;
        cells[1] = s.name;
        cells[2] = e.file;
        cells[8] = t('report.incomplete', lang);
        cells[9] = evidenceLines({ iac: [e] }, lang).join(' · ');
        out += row(cells);
      }
    }
    for (const e of report.errors) {
      out += row([
        undefined,
        undefined,
        e.file,
        e.line,
        e.column,
        e.code,
        undefined,
        undefined,
        t('csv.status_input_error', lang),
        e.message,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        e.path,
        undefined,
        undefined,
      ]);
    }
    return out;
  },
};

function status(f: Finding, lang: Lang): string {
  if (isWaived(f)) return t('report.status_waived', lang);
  if (f.status === 'unknown') return t('report.status_unknown', lang);
  return f.status === 'due' ? t('report.status_due', lang) : t('csv.status_violation', lang);
}
