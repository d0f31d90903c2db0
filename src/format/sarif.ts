import type * as Sarif from 'sarif';
import { DOCUMENTS } from '../engine/clauses.js';
import { type RuleMeta, ruleBasis } from '../engine/catalogue.js';
import type { Finding, Lang, Severity } from '../model/types.js';
import { t } from '../i18n/index.js';
import { ciInertJson, safeText } from './safe-text.js';
import {
  areaOf,
  evidenceLines,
  ruleBasisParts,
  isWaived,
  SECURITY_SEVERITY,
  toUriReference,
  judgedEntries,
} from './shared.js';
import type { Formatter } from './types.js';

const INFORMATION_URI = 'https://tuanthu.dev';
const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Texts a viewer shows (messages,
 * justifications) are made safe (safe-text.ts); data (properties, params) stays exact.
 */
export const sarif: Formatter = {
  description: 'SARIF 2.1.0 (GitHub code scanning, IDEs)',
  extension: 'sarif',
  render(report, ctx) {
    const rules = ctx.catalogue.rules;
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const results: Sarif.Result[] = [];
    for (const s of judgedEntries(report)) {
      for (const f of s.findings) {
        const i = index.get(f.rule);
        results.push(result(f, s.id, i, ctx.lang));
      }
    }
    const log: Sarif.Log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'tuanthu',
              version: report.tool.version,
              semanticVersion: report.tool.version,
              informationUri: INFORMATION_URI,
              rules: rules.map((r) => ruleDescriptor(r, ctx.lang)),
            },
          },
          originalUriBaseIds: {
            [SRCROOT]: { description: { text: 'The directory tuanthu was run from; file names are relative to it.' } },
          },
          invocations: [
            {
              executionSuccessful: report.errors.length === 0 && report.summary.incomplete === 0,
              toolExecutionNotifications: [
                // Infrastructure code not (all) evaluated: the run did not see it, so it did not pass.
                ...report.systems.flatMap((s) =>
                  (s.iac ?? [])
                    .filter((e) => e.incomplete)
                    .map((e) => ({
                      level: 'error' as const,
                      descriptor: { id: `tuanthu/iac-${e.incomplete}` },
                      message: { text: `[${safeText(s.id)}] ${evidenceLines({ iac: [e] }, ctx.lang).join(' · ')}` },
                      locations: [
                        { physicalLocation: { artifactLocation: { uri: toUriReference(e.file), uriBaseId: SRCROOT } } },
                      ],
                    })),
                ),
                ...report.errors.map((e) => ({
                  level: 'error' as const,
                  descriptor: { id: e.code },
                  message: { text: safeText(e.message) },
                  locations: [
                    {
                      physicalLocation: {
                        artifactLocation: { uri: toUriReference(e.file), uriBaseId: SRCROOT },
                        ...(e.line ? { region: { startLine: e.line, startColumn: e.column ?? 1 } } : {}),
                      },
                    },
                  ],
                })),
              ],
            },
          ],
          results,
          columnKind: 'unicodeCodePoints',
          properties: {
            asOf: report.asOf,
            failOn: report.failOn,
            policyDigest: report.tool.policyDigest,
            regoDigest: report.tool.regoDigest,
            ...(report.ruleSettings ? { ruleSettings: report.ruleSettings } : {}),
          },
        },
      ],
    };
    return ciInertJson(JSON.stringify(log, null, 2)) + '\n';
  },
};

function level(f: Finding): Sarif.Result.level {
  if (f.status !== 'violation') return 'note';
  return severityLevel(f.severity);
}

/** A finding inside a module also points at the root's module call (params.module_call, `file:line:col`). */
function relatedModuleCall(f: Finding, lang: Lang): Pick<Sarif.Result, 'relatedLocations'> {
  const m = typeof f.params.module_call === 'string' ? /^(.*):(\d+):(\d+)$/.exec(f.params.module_call) : null;
  if (!m) return {};
  return {
    relatedLocations: [
      {
        id: 1,
        message: { text: t('text.module_call', lang) },
        physicalLocation: {
          artifactLocation: { uri: toUriReference(m[1]!), uriBaseId: SRCROOT },
          region: { startLine: Number(m[2]), startColumn: Number(m[3]) },
        },
      },
    ],
  };
}

function severityLevel(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'critical' || s === 'high' ? 'error' : s === 'medium' ? 'warning' : 'note';
}

function result(f: Finding, systemId: string, ruleIndex: number | undefined, lang: Lang): Sarif.Result {
  const waived = isWaived(f);
  return {
    ruleId: f.rule,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: level(f),
    // SARIF's "review": the tool could not tell pass from fail (a value only apply knows).
    kind: f.status === 'unknown' ? 'review' : 'fail',
    message: {
      text: safeText(
        f.status === 'due' ? `${f.message} (${t('report.due_by', lang)} ${String(f.params.due)})` : f.message,
      ),
    },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUriReference(f.location.file), uriBaseId: SRCROOT },
          region: { startLine: f.location.line, startColumn: f.location.column },
        },
        logicalLocations: [{ name: systemId, fullyQualifiedName: `${systemId}#${f.path}`, kind: 'object' }],
      },
    ],
    ...relatedModuleCall(f, lang),
    // The same identity as baselines use (rule, system, JSON pointer, message key; no line numbers).
    partialFingerprints: { 'tuanthu/v1': f.fingerprint },
    ...(f.baseline ? { baselineState: f.baseline === 'existing' ? 'unchanged' : 'new' } : {}),
    // A waiver is a suppression in SARIF terms: viewers then hide it from the open list.
    ...(waived
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification: safeText(
                `${f.waiver!.justification} — ${f.waiver!.approvedBy.name} (${f.waiver!.approvedBy.title}), ${f.waiver!.approved} → ${f.waiver!.expires}`,
              ),
              location: {
                physicalLocation: {
                  artifactLocation: { uri: toUriReference(f.waiver!.location.file), uriBaseId: SRCROOT },
                  region: { startLine: f.waiver!.location.line, startColumn: f.waiver!.location.column },
                },
              },
            },
          ],
        }
      : {}),
    properties: {
      system: systemId,
      status: f.status,
      severity: f.severity,
      path: f.path,
      clauses: f.clauses,
      ...(f.contextClauses ? { contextClauses: f.contextClauses } : {}),
      params: f.params,
      ...(f.recommendation ? { recommendation: true } : {}),
    },
  };
}

/** Rule name for SARIF: the English title in PascalCase, as code scanning shows rule names. */
function pascalName(r: RuleMeta): string {
  return r.title.en
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function ruleDescriptor(r: RuleMeta, lang: Lang): Sarif.ReportingDescriptor {
  const docs = [...new Set(r.clauses.map((c) => c.split(':')[0] ?? ''))]
    .map((k) => DOCUMENTS[k]?.[lang])
    .filter((d): d is string => Boolean(d));
  // What requires the rule, then what it cites only as context (seeds/coverage.yaml; a recommendation: all).
  const basis = ruleBasisParts(r, lang).map((p) => ({ label: t(`report.${p.kind}`, lang), text: p.text }));
  const { required, context } = ruleBasis(r);
  // The source outside the seeds: what requires a rule no cited clause requires (then its basis line says it), else a note.
  const outside = r.outside_seeds && (required.length > 0 || r.kind === 'recommendation') ? r.outside_seeds : undefined;
  const extension = [
    ...(r.recommendation ? [`${t('report.recommendation', lang)}: ${r.recommendation[lang]}`] : []),
    ...(outside ? [`${t('rules.outside_seeds', lang)}: ${outside[lang]}`] : []),
  ];
  const text = [
    r.description[lang],
    ...extension,
    ...basis.map((b) => `${b.label}: ${b.text}${b.text.endsWith('.') ? '' : '.'}`),
    `${t('report.remediation', lang)}: ${r.remediation[lang]}`,
    ...(r.due ? [`${t('report.due_by', lang)} ${r.due}.`] : []),
  ].join('\n\n');
  const markdown = [
    r.description[lang],
    ...extension.map((e) => `**${e}**`),
    `${basis.map((b) => `**${b.label}:** ${b.text}`).join('  \n')}  \n${docs.map((d) => `_${d}_`).join('; ')}`,
    `**${t('report.remediation', lang)}:** ${r.remediation[lang]}`,
    ...(r.snippet ? ['```yaml\n' + r.snippet.trimEnd() + '\n```'] : []),
    ...(r.due ? [`**${t('report.due_by', lang)}** ${r.due}`] : []),
  ].join('\n\n');
  return {
    id: r.id,
    name: pascalName(r),
    shortDescription: {
      text:
        r.kind === 'recommendation' ? t('report.recommendation_title', { title: r.title[lang] }, lang) : r.title[lang],
    },
    fullDescription: { text: r.description[lang] },
    help: { text, markdown },
    defaultConfiguration: { level: severityLevel(r.severity) },
    properties: {
      'security-severity': SECURITY_SEVERITY[r.severity],
      precision: 'very-high',
      tags: [
        'security',
        'compliance',
        areaOf(r.id),
        ...(r.recommendation ? ['recommendation'] : []),
        ...r.clauses.map((c) => DOCUMENTS[c.split(':')[0] ?? '']?.number ?? c),
      ].filter((t, i, all) => all.indexOf(t) === i),
      clauses: r.clauses,
      ...(context.length > 0 ? { contextClauses: context } : {}),
      severity: r.severity,
    },
  };
}
