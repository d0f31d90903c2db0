import type { RuleExplanation } from '../engine/explain.js';
import { SEVERITY_NAMES } from '../i18n/report-labels.js';
import { STAGE_NAMES } from '../i18n/text.js';
import type { RuleMeta } from '../engine/catalogue.js';
import type { Lang, Localized, Stage } from '../model/types.js';
import { citation } from '../engine/clauses.js';

/** Labels of `tuanthu rules` and `tuanthu explain`. */
const T = {
  id: { en: 'ID', vi: 'MÃ' },
  severity: { en: 'SEVERITY', vi: 'MỨC ĐỘ' },
  stages: { en: 'STAGES', vi: 'GIAI ĐOẠN' },
  due: { en: 'DUE', vi: 'HẠN' },
  title: { en: 'TITLE', vi: 'TÊN' },
  clauses: { en: 'CLAUSES', vi: 'CĂN CỨ' },
  also: { en: 'also', vi: 'còn gọi là' },
  count: { en: 'rule(s)', vi: 'quy tắc' },
  explain_hint: { en: 'Run `tuanthu explain <ID>` for the clauses, the fix and a passing snippet.', vi: 'Chạy `tuanthu explain <MÃ>` để xem căn cứ, cách khắc phục và đoạn khai báo mẫu.' },
  what: { en: 'What must hold', vi: 'Yêu cầu' },
  why: { en: 'Why (the clauses it comes from)', vi: 'Căn cứ' },
  when: { en: 'When it applies', vi: 'Phạm vi áp dụng' },
  stages_label: { en: 'Stages', vi: 'Giai đoạn' },
  conditions: { en: 'Conditions', vi: 'Điều kiện' },
  every_system: { en: 'every system in those stages', vi: 'mọi hệ thống ở các giai đoạn trên' },
  deadline: { en: 'Deadline', vi: 'Thời hạn' },
  no_deadline: { en: 'none: a gap is a violation at once', vi: 'không có: thiếu sót là vi phạm ngay' },
  due_rule: {
    en: 'up to and including {due} a gap is reported as due (severity info); from {from} it is a {severity} violation',
    vi: 'đến hết ngày {due} thiếu sót được báo là đến hạn (mức thông tin); từ ngày {from} là vi phạm mức {severity}',
  },
  item: { en: 'item', vi: 'gạch đầu dòng' },
  item_due: { en: 'due', vi: 'hạn' },
  fix: { en: 'How to fix', vi: 'Cách khắc phục' },
  snippet: { en: 'Minimal passing descriptor snippet', vi: 'Đoạn khai báo tối thiểu đạt yêu cầu' },
} satisfies Record<string, Localized>;

const stageList = (stages: Stage[], lang: Lang) => stages.map((s) => STAGE_NAMES[s][lang]).join(', ');

/** `tuanthu rules`: one line per rule, aligned columns. */
export function renderRuleList(rules: RuleMeta[], lang: Lang): string {
  const rows = rules.map((r) => [
    r.aliases?.length ? `${r.id} (${T.also[lang]} ${r.aliases.join(', ')})` : r.id,
    SEVERITY_NAMES[r.severity][lang],
    stageList(r.stages, lang),
    r.due ?? '—',
    r.title[lang],
    r.clauses.map((c) => citation(c, lang)).join('; '),
  ]);
  const header = [T.id, T.severity, T.stages, T.due, T.title, T.clauses].map((l) => l[lang]);
  const widths = header.slice(0, 4).map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 4 ? c.padEnd(widths[i]!) : c))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line), '', `${rules.length} ${T.count[lang]}. ${T.explain_hint[lang]}`].join('\n') + '\n';
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
  const aka = e.aliases.length ? ` (${T.also[lang]} ${e.aliases.join(', ')})` : '';
  out.push(`${e.id}${aka} · ${SEVERITY_NAMES[e.severity][lang]} · ${e.title}`, '');
  out.push(`${T.what[lang]}:`, indent(e.description), '');
  out.push(`${T.why[lang]}:`);
  for (const c of e.clauses) {
    const due = c.deadline ? ` (${T.item_due[lang]} ${c.deadline})` : '';
    out.push(indent(`${c.citation}${due} — ${c.paraphrase}`));
    for (const i of c.items) {
      const idue = i.deadline ? `, ${T.item_due[lang]} ${i.deadline}` : '';
      out.push(indent(`• ${T.item[lang]} ${i.item}${idue}: ${i.paraphrase}`, 4));
    }
  }
  out.push('', `${T.when[lang]}:`, indent(`${T.stages_label[lang]}: ${stageList(e.stages, lang)}`));
  out.push(indent(`${T.conditions[lang]}: ${e.applies ?? T.every_system[lang]}`), '');
  const deadline =
    e.due && e.violationFrom
      ? T.due_rule[lang].replace('{due}', e.due).replace('{from}', e.violationFrom).replace('{severity}', SEVERITY_NAMES[e.severity][lang])
      : T.no_deadline[lang];
  out.push(`${T.deadline[lang]}:`, indent(deadline), '');
  out.push(`${T.fix[lang]}:`, indent(e.remediation));
  if (e.snippet) out.push('', `${T.snippet[lang]}:`, indent(e.snippet));
  return out.join('\n') + '\n';
}
