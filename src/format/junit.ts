import { createRequire } from 'node:module';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

// xmlbuilder2 is ~150 CommonJS modules: load it only when JUnit output is asked for (start-up time).
const requireLazy = createRequire(import.meta.url);
const xmlbuilder = (): typeof import('xmlbuilder2') => requireLazy('xmlbuilder2') as typeof import('xmlbuilder2');
import { t } from '../i18n/index.js';
import type { Finding, Report, SystemReport } from '../model/types.js';
import { presentable } from './safe-text.js';
import { evidenceLines, findingBasisParts, findingsOf, isWaived, openViolations, judgedEntries } from './shared.js';
import type { FormatContext, Formatter } from './types.js';

/**
 * JUnit XML as GitLab, Jenkins and Azure DevOps read it: one <testsuite> per system, one <testcase>
 * per rule. Violations fail; rules that do not apply, findings due later and waived findings are
 * skipped with the reason. xmlbuilder2 does the escaping.
 */
export const junit: Formatter = {
  description: 'JUnit XML (GitLab, Jenkins, Azure DevOps test reports)',
  extension: 'xml',
  render(untrusted, ctx) {
    const report = presentable(untrusted);
    const entries = judgedEntries(report);
    const suites = entries.map((s) => suiteCounts(s));
    const errors = report.errors.length;
    const root = xmlbuilder()
      .create({ version: '1.0', encoding: 'UTF-8' })
      .ele('testsuites', {
        name: 'tuanthu',
        tests: sum(suites, 'tests') + errors,
        failures: sum(suites, 'failures'),
        errors,
        skipped: sum(suites, 'skipped'),
        time: '0',
      });
    for (const [i, s] of entries.entries()) systemSuite(root, s, suites[i]!, report, ctx);
    if (errors > 0) inputErrorSuite(root, report);
    return root.end({ prettyPrint: true, indent: '  ' }) + '\n';
  },
};

interface Counts {
  tests: number;
  failures: number;
  skipped: number;
}

function sum(list: Counts[], k: keyof Counts): number {
  return list.reduce((a, c) => a + c[k], 0);
}

function suiteCounts(s: SystemReport): Counts {
  const c = { tests: s.rules.length, failures: 0, skipped: 0 };
  for (const r of s.rules) {
    if (openViolations(s, r.rule).length > 0) c.failures++;
    else if (r.outcome !== 'pass') c.skipped++;
  }
  // One test case per IaC input: its evidence, failing when it leaves the system incomplete.
  for (const e of s.iac ?? []) {
    c.tests++;
    if (e.incomplete) c.failures++;
  }
  return c;
}

function systemSuite(root: XMLBuilder, s: SystemReport, c: Counts, report: Report, ctx: FormatContext): void {
  const lang = ctx.lang;
  const suite = root.ele('testsuite', {
    name: `${s.id} — ${s.name}`,
    tests: c.tests,
    failures: c.failures,
    errors: 0,
    skipped: c.skipped,
    time: '0',
    timestamp: `${report.asOf}T00:00:00`,
    file: s.file,
  });
  const props = suite.ele('properties');
  const prop = (name: string, value: unknown) => {
    if (value !== undefined && value !== null) props.ele('property', { name, value: String(value) });
  };
  prop('file', s.file);
  prop('owner', s.owner);
  prop('level', s.level);
  prop('stage', s.stage);
  prop('sector', s.sector);
  prop('result', s.result);
  prop('as_of', report.asOf);
  prop('tool_version', report.tool.version);
  prop('policy_digest', report.tool.policyDigest);
  for (const i of s.inputs) prop(`sha256:${i.file}`, i.sha256);

  for (const e of s.iac ?? []) {
    const tc = suite.ele('testcase', {
      classname: s.id,
      name: `${t('iac.evidence', lang)} ${e.file}`,
      file: e.file,
      time: '0',
    });
    const lines = evidenceLines({ iac: [e] }, lang);
    if (e.incomplete)
      tc.ele('failure', { message: t(`iac.incomplete.${e.incomplete}`, lang), type: 'incomplete' }).txt(
        lines.join('\n'),
      );
    else tc.ele('system-out').txt(lines.join('\n'));
  }
  for (const r of s.rules) {
    const meta = ctx.catalogue.byId.get(r.rule);
    const title = meta?.title[lang] ?? r.rule;
    const mine = findingsOf(s, r.rule);
    const tc = suite.ele('testcase', { classname: s.id, name: `${r.rule} ${title}`, file: s.file, time: '0' });
    const open = openViolations(s, r.rule);
    if (open.length > 0) {
      const worst = open[0]!;
      tc.ele('failure', { message: open.map((f) => f.message).join(' | '), type: worst.severity }).txt(
        open.map((f) => details(f, ctx)).join('\n\n'),
      );
      continue;
    }
    if (r.outcome === 'not_applicable') {
      tc.ele('skipped', { message: `${t('report.not_applicable', lang)}: ${r.reason?.text ?? ''}` });
    } else if (mine.some(isWaived)) {
      const waived = mine.filter(isWaived);
      tc.ele('skipped', {
        message: `${t('report.rules_waived', lang)}: ${waived.map((f) => `${f.message} (${t('report.waived_until', lang)} ${f.waiver!.expires}, ${f.waiver!.approvedBy.name})`).join(' | ')}`,
      });
    } else if (mine.some((f) => f.status === 'unknown')) {
      const unknown = mine.filter((x) => x.status === 'unknown');
      tc.ele('skipped', {
        message: `${t('report.status_unknown', lang)}: ${unknown.map((f) => f.message).join(' | ')}`,
      });
    } else if (mine.some((f) => f.status === 'due')) {
      const f = mine.find((x) => x.status === 'due')!;
      tc.ele('skipped', { message: `${t('report.due_by', lang)} ${String(f.params.due)}: ${f.message}` });
    }
  }
}

function details(f: Finding, ctx: FormatContext): string {
  const lang = ctx.lang;
  return [
    `[${f.severity}] ${f.rule} ${f.title}`,
    `${f.location.file}:${f.location.line}:${f.location.column} (${f.path})`,
    f.message,
    ...findingBasisParts(f, ctx.catalogue, lang).map((p) => `${t(`report.${p.kind}`, lang)}: ${p.text}`),
    `${t('report.remediation', lang)}: ${f.remediation}`,
  ].join('\n');
}

function inputErrorSuite(root: XMLBuilder, report: Report): void {
  const suite = root.ele('testsuite', {
    name: 'input',
    tests: report.errors.length,
    failures: 0,
    errors: report.errors.length,
    skipped: 0,
    time: '0',
  });
  for (const e of report.errors) {
    const where = e.line ? `${e.file}:${e.line}:${e.column ?? 1}` : e.file;
    suite
      .ele('testcase', { classname: 'input', name: where, file: e.file, time: '0' })
      .ele('error', { message: e.message, type: e.code })
      .txt(`${where}: ${e.message}`);
  }
}
