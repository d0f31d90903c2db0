import { t } from '../i18n/index.js';
import type { Lang, Report } from '../model/types.js';
import { waiverRecordLine } from './debt-text.js';
import { ciInertJson, presentable } from './safe-text.js';
import { evidenceLines, inputErrorLine } from './shared.js';
import type { GateVerdict } from '../engine/gate.js';

/**
 * The short verdict `tuanthu gate` prints: one answer per system, then what blocks it. Names and
 * messages are shown made safe (safe-text.ts): none can print a GO over a NO-GO.
 */
export function renderGateText(untrustedReport: Report, untrusted: GateVerdict, lang: Lang): string {
  const report = presentable(untrustedReport);
  const v = presentable(untrusted);
  const out: string[] = [];
  for (const e of report.errors) out.push(inputErrorLine(e));
  if (report.errors.length > 0) out.push('');
  for (const s of v.systems) {
    const head = s.accountableHead ? ` · ${s.accountableHead}` : '';
    out.push(
      `${s.go ? '✔' : '✖'} ${t(s.go ? 'debt.gate_go' : 'debt.gate_no_go', { as_of: v.asOf }, lang)}: ${s.name} (${s.id})${head} — ${s.file}`,
    );
    if (s.blocking.length > 0) {
      out.push(`  ${t('debt.gate_blocking', lang)}:`);
      for (const f of s.blocking)
        out.push(
          `    ${f.severity} ${f.rule} ${f.title} — ${f.location.file}:${f.location.line}:${f.location.column}`,
          `        ${f.message}`,
        );
    }
    if (s.unseen.length > 0) {
      out.push(`  ${t('debt.gate_unseen', lang)}:`);
      for (const l of evidenceLines({ iac: s.unseen }, lang)) out.push(`    ${l}`);
    }
    if (s.ignored.length > 0) {
      out.push(`  ${t('debt.gate_ignored', lang)}:`);
      for (const w of s.ignored) out.push(`    ${waiverRecordLine(w, lang)}`);
    }
    if (s.otherWaivers.length > 0) {
      out.push(`  ${t('debt.gate_other_waivers', lang)}:`);
      for (const w of s.otherWaivers) out.push(`    ${waiverRecordLine(w, lang)}`);
    }
    if (s.debt.length > 0) {
      out.push(`  ${t('debt.gate_debt', lang)}:`);
      for (const f of s.debt) {
        const w = f.waiver!;
        out.push(
          `    ${f.severity} ${f.rule} ${f.path} — ${w.expires} (${w.daysLeft} ${t('debt.days_left', lang)}), ${w.approvedBy.name}: ${w.justification}`,
        );
      }
    }
  }
  if (v.systems.length > 0) out.push('');
  const blocked = v.systems.filter((s) => !s.go).length;
  if (v.go === undefined) out.push(t('debt.gate_input_errors', lang));
  else out.push(t(v.go ? 'debt.gate_overall_go' : 'debt.gate_overall_no_go', { n: v.systems.length, blocked }, lang));
  return out.join('\n') + '\n';
}

/** Machine-readable verdict: who may go live, and the fingerprints of what blocks the others. */
export function renderGateJson(v: GateVerdict): string {
  const slim = {
    asOf: v.asOf,
    go: v.go ?? null,
    systems: v.systems.map((s) => ({
      id: s.id,
      name: s.name,
      file: s.file,
      go: s.go,
      blocking: s.blocking.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        path: f.path,
        location: f.location,
        message: f.message,
        fingerprint: f.fingerprint,
      })),
      unseen: s.unseen.map((e) => ({
        file: e.file,
        trust: e.trust,
        incomplete: e.incomplete,
        unevaluated: e.unevaluated,
      })),
      ignoredWaivers: s.ignored.map((w) => ({ rule: w.rule, location: w.location, reason: w.reason?.text })),
      debt: s.debt.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        path: f.path,
        expires: f.waiver?.expires,
        daysLeft: f.waiver?.daysLeft,
        approvedBy: f.waiver?.approvedBy,
      })),
    })),
  };
  return ciInertJson(JSON.stringify(slim, null, 2)) + '\n';
}
