import type { RuleMeta } from '../engine/catalogue.js';
import { t } from '../i18n/index.js';
import type { Finding, Lang, Report, Severity } from '../model/types.js';
import { ciInertJson, safeText } from './safe-text.js';
import { evidenceLines, findingBasisParts, isWaived, judgedEntries } from './shared.js';
import type { FormatContext, Formatter } from './types.js';

/**
 * SonarQube's generic issue import format in its current form (SonarQube Server 10.3 and later,
 * SonarQube Cloud), read through sonar.externalIssuesReportPaths: a `rules` array (id, name,
 * description, engineId, cleanCodeAttribute, impacts) and an `issues` array (ruleId,
 * primaryLocation with message, filePath and textRange.startLine). Issues carry no severity of
 * their own in this form, so a finding only due later gets a rule of its own, "<id>-due", of low
 * impact. Waived findings are accepted debt and are left out (SonarQube cannot mark an external
 * issue accepted). Columns are left out: SonarQube's are 0-based and checked against the line's
 * length, which a JSON pointer's place does not always match. Messages, which people read, are made
 * safe (safe-text.ts).
 */
export interface SonarRule {
  id: string;
  name: string;
  description: string;
  engineId: 'tuanthu';
  cleanCodeAttribute: 'LAWFUL';
  impacts: Array<{ softwareQuality: 'SECURITY' | 'RELIABILITY'; severity: SonarImpact }>;
}

export interface SonarIssue {
  ruleId: string;
  primaryLocation: { message: string; filePath: string; textRange: { startLine: number } };
}

/** The impact severities every 10.3+ server accepts (10.8 added BLOCKER and INFO; older ones refuse them). */
export type SonarImpact = 'HIGH' | 'MEDIUM' | 'LOW';

const IMPACT: Record<Severity, SonarImpact> = {
  critical: 'HIGH',
  high: 'HIGH',
  medium: 'MEDIUM',
  low: 'LOW',
  info: 'LOW',
};

const INPUT_RULE = 'input-error';
const INCOMPLETE_RULE = 'iac-incomplete';

export const sonarqube: Formatter = {
  description: 'SonarQube generic issue import format, 10.3+ (sonar.externalIssuesReportPaths)',
  extension: 'json',
  render(report: Report, ctx) {
    const lang = ctx.lang;
    const rules = new Map<string, SonarRule>();
    const issues: SonarIssue[] = [];
    for (const e of report.errors) {
      if (!rules.has(INPUT_RULE)) {
        rules.set(INPUT_RULE, {
          id: INPUT_RULE,
          name: `tuanthu: ${t('report.input_errors', lang)}`,
          description: t('report.input_errors', lang),
          engineId: 'tuanthu',
          cleanCodeAttribute: 'LAWFUL',
          impacts: [{ softwareQuality: 'RELIABILITY', severity: 'HIGH' }],
        });
      }
      issues.push({
        ruleId: INPUT_RULE,
        primaryLocation: {
          message: safeText(`${e.code}: ${e.message}`),
          filePath: e.file,
          textRange: { startLine: e.line ?? 1 },
        },
      });
    }
    for (const s of judgedEntries(report)) {
      // Infrastructure code not (all) evaluated: the system did not pass, whatever its findings.
      for (const e of s.iac ?? []) {
        if (!e.incomplete) continue;
        if (!rules.has(INCOMPLETE_RULE)) {
          rules.set(INCOMPLETE_RULE, {
            id: INCOMPLETE_RULE,
            name: `tuanthu: ${t('report.incomplete', lang)}`,
            description: t('iac.incomplete.nothing-judged', lang),
            engineId: 'tuanthu',
            cleanCodeAttribute: 'LAWFUL',
            impacts: [{ softwareQuality: 'SECURITY', severity: 'HIGH' }],
          });
        }
        issues.push({
          ruleId: INCOMPLETE_RULE,
          primaryLocation: {
            message: `[${safeText(s.id)}] ${evidenceLines({ iac: [e] }, lang).join(' · ')}`,
            filePath: e.file,
            textRange: { startLine: 1 },
          },
        });
      }
      for (const f of s.findings) {
        if (isWaived(f)) continue;
        // Like "due", "unknown until apply" is a rule of its own, of low weight: it is not a violation.
        // A recommendation is one too: its name carries the label, its clauses are context.
        const ruleId =
          f.status !== 'violation' ? `${f.rule}-${f.status}` : f.recommendation ? `${f.rule}-recommendation` : f.rule;
        if (!rules.has(ruleId)) rules.set(ruleId, sonarRule(f, ruleId, ctx));
        issues.push({
          ruleId,
          primaryLocation: {
            message: safeText(
              `${f.message}${f.status === 'due' ? ` (${t('report.due_by', lang)} ${String(f.params.due)})` : ''} [${s.id}]`,
            ),
            filePath: f.location.file,
            textRange: { startLine: f.location.line },
          },
        });
      }
    }
    return ciInertJson(JSON.stringify({ rules: [...rules.values()], issues }, null, 2)) + '\n';
  },
};

function sonarRule(f: Finding, id: string, ctx: FormatContext): SonarRule {
  const meta: RuleMeta | undefined = ctx.catalogue.byId.get(f.rule);
  const lang: Lang = ctx.lang;
  const title = f.recommendation ? f.title : (meta?.title[lang] ?? f.title);
  return {
    id,
    name: f.status === 'violation' ? title : `${title} (${t(`report.status_${f.status}`, lang)})`,
    description: [
      meta?.description[lang] ?? f.title,
      ...findingBasisParts(f, ctx.catalogue, lang).map(
        (p) => `${t(`report.${p.kind}`, lang)}: ${p.text}${p.text.endsWith('.') ? '' : '.'}`,
      ),
      `${t('report.remediation', lang)}: ${meta?.remediation[lang] ?? f.remediation}`,
    ].join('\n\n'),
    engineId: 'tuanthu',
    // The Clean Code attribute of the "responsible" family for what the law requires: the rules
    // check a system against directives, not the code's style.
    cleanCodeAttribute: 'LAWFUL',
    impacts: [{ softwareQuality: 'SECURITY', severity: f.status === 'violation' ? IMPACT[f.severity] : 'LOW' }],
  };
}
