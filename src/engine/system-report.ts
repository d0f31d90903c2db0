import { fingerprint } from './baseline/fingerprint.js';
import type { Catalogue, RuleMeta } from './catalogue.js';
import { messageFor, ruleBasis } from './catalogue.js';
import { iacEvidence, systemResult } from './iac-evidence.js';
import { evaluateWithIac, iacLocations, resourceIndex } from './iac-input.js';
import {
  PolicyError,
  type PolicyEngine,
  type PolicyInput,
  type PolicyReason,
  type PolicyResult,
} from './policy-engine.js';
import { localized, messageKey, t } from '../i18n/index.js';
import { localizeReasonParams } from '../i18n/vocabulary.js';
import type { IacStack } from '../model/iac.js';
import { atLeast, severityRank } from '../model/severity.js';
import { compileRuleSettings, hasRuleSettings, type CompiledRuleSettings } from './rule-settings.js';
import type { LoadedSource } from '../model/source.js';
import type {
  EvaluationOptions,
  Finding,
  FindingStatus,
  Lang,
  Location,
  RuleReason,
  RuleResult,
  Stage,
  SystemReport,
} from '../model/types.js';
import { compareText } from '../util/collate.js';
import { collectDayNumbers } from '../util/dates.js';
import { nfcStrings } from '../util/text.js';

/** The fields of a descriptor the report shows; the schema guarantees the required ones. */
export interface Descriptor {
  system: {
    id: string;
    name: string;
    owner?: string;
    sector?: string;
    accountable_head?: { name: string; title?: string };
  };
  lifecycle: { stage: Stage };
  classification?: { level?: number };
}

/**
 * What the systems of one run share: the evaluation date's and the deadlines' day numbers, and
 * one object per distinct "not applicable" reason (most systems of a portfolio give the same few;
 * sharing them keeps reports small and lets the JSON writer serialise each once). Explicit state:
 * made by whoever runs a batch of systems (src/api.ts, src/run/), never module-level.
 */
export interface RunMemo {
  contextDays?: { asOf: string; catalogue: Catalogue; days: Array<[string, number]> };
  reasons: Map<string, RuleReason>;
  stagesKeys: WeakMap<RuleMeta, string>;
}

export function createRunMemo(): RunMemo {
  return { reasons: new Map(), stagesKeys: new WeakMap() };
}

/** The policy's input but for the IaC, and the stage the system is checked in. */
export function policyBase(
  descriptor: Descriptor | null,
  catalogue: Catalogue,
  options: EvaluationOptions,
  memo: RunMemo = createRunMemo(),
): { base: Omit<PolicyInput, 'iac'>; stage: Stage } {
  // Without a descriptor only IaC rules run; they apply in every stage.
  const stage = options.stage ?? descriptor?.lifecycle.stage ?? 'production';
  const days = collectDayNumbers(descriptor ?? {});
  for (const [d, n] of contextDays(options.asOf, catalogue, memo)) if (!(d in days)) days[d] = n;
  // Composed (NFC), so that the policies' comparisons of names and words do not depend on how they were typed.
  const composed = descriptor && nfcStrings(descriptor);
  return { base: { descriptor: composed, context: { as_of: options.asOf, stage, days } }, stage };
}

/** Evaluates one system (a descriptor, or IaC alone) and builds its report. Throws PolicyError. */
export function checkSystem(
  source: LoadedSource | null,
  stacks: IacStack[],
  engine: PolicyEngine,
  catalogue: Catalogue,
  options: EvaluationOptions,
  memo: RunMemo,
): SystemReport {
  const { base, stage } = policyBase((source?.value ?? null) as Descriptor | null, catalogue, options, memo);
  return assembleSystem(source, stacks, evaluateWithIac(engine, base, stacks), stage, catalogue, options, memo);
}

/**
 * A finding with its rule's catalogue texts. The one place that fixes a finding's key order, which
 * the JSON report shows: reports built on a worker thread (src/run/wire.ts) come through here too.
 */
export function makeFinding(
  meta: RuleMeta,
  lang: Lang,
  f: Pick<
    Finding,
    'severity' | 'ruleSeverity' | 'status' | 'path' | 'params' | 'location' | 'message' | 'fingerprint'
  > & {
    recommendation?: boolean;
  },
): Finding {
  const recommendation = f.recommendation === true || meta.kind === 'recommendation';
  const finding: Finding = {
    rule: meta.id,
    severity: f.severity,
    ruleSeverity: f.ruleSeverity,
    status: f.status,
    path: f.path,
    params: f.params,
    location: f.location,
    message: f.message,
    // Every format shows the title: a recommendation is labelled there, so no format can drop the label.
    title: recommendation ? t('report.recommendation_title', { title: meta.title[lang] }, lang) : meta.title[lang],
    remediation: meta.remediation[lang],
    clauses: meta.clauses,
    fingerprint: f.fingerprint,
  };
  // Set afterwards rather than spread into the literal, which V8 builds on a slow path.
  const { context } = ruleBasis(meta, recommendation);
  if (context.length > 0) finding.contextClauses = context;
  if (meta.supports) finding.supports = meta.supports;
  if (recommendation) finding.recommendation = true;
  return finding;
}

/** A system's report from what the policy said about it. */
export function assembleSystem(
  source: LoadedSource | null,
  stacks: IacStack[],
  policy: PolicyResult,
  stage: Stage,
  catalogue: Catalogue,
  options: EvaluationOptions,
  memo: RunMemo,
): SystemReport {
  const descriptor = (source?.value ?? null) as Descriptor | null;

  // Descriptor findings carry a JSON pointer; IaC findings a resource address (or the IaC input name).
  const iacPlaces = iacLocations(
    stacks,
    policy.findings.filter((f) => !f.path.startsWith('/')).map((f) => f.path),
  );
  const byAddress = resourceIndex(stacks);
  const systemId = descriptor?.system.id ?? stacks[0]?.file ?? '';
  const settings = hasRuleSettings(options.rules) ? compileRuleSettings(options.rules, catalogue) : undefined;
  const raws = settings ? policy.findings.filter((f) => !settings.excluded.has(f.rule)) : policy.findings;
  const findings: Finding[] = raws.map((raw) => {
    const meta = ruleOf(catalogue, raw);
    const params = rawParams(raw, meta);
    const constructPath = byAddress.get(raw.path)?.construct_path;
    if (constructPath) params.construct_path = constructPath;
    const moduleCall = byAddress.get(raw.path)?.module_call;
    if (moduleCall) params.module_call = moduleCall;
    const location: Location =
      raw.path.startsWith('/') && source
        ? { file: source.file, ...source.locate(raw.path) }
        : (iacPlaces.get(raw.path) ?? { file: stacks[0]?.file ?? source?.file ?? '', line: 1, column: 1 });
    return findingOf(raw, meta, params, { id: systemId, location, lang: options.lang, settings });
  });
  findings.sort(compareFindings);
  const outcomes = worstOutcomes(findings);
  const iac = stacks.length > 0 ? iacEvidence(stacks) : undefined;
  const nothingJudged = iac?.every((e) => e.judged === 0) === true;
  const rules: RuleResult[] = catalogue.rules.map((meta) => {
    const excluded = settings?.excluded.get(meta.id);
    if (excluded) {
      const params = excluded.reason !== undefined ? { reason: excluded.reason } : {};
      return {
        rule: meta.id,
        outcome: 'not_applicable',
        reason: {
          code: excluded.code,
          params,
          text:
            excluded.code === 'skipped'
              ? t('reason.skipped', params, options.lang)
              : t('reason.not_selected', options.lang),
        },
      };
    }
    const reason = policy.not_applicable[meta.key];
    if (reason !== undefined) {
      return {
        rule: meta.id,
        outcome: 'not_applicable',
        reason: sharedReason(reason, meta, stage, options.lang, memo),
      };
    }
    const status = outcomes.get(meta.id);
    // An IaC rule that saw no resource it could judge did not pass: it had no evidence.
    if (status === undefined && meta.supports && nothingJudged)
      return {
        rule: meta.id,
        outcome: 'not_applicable',
        reason: sharedReason('iac_not_evaluated', meta, stage, options.lang, memo),
      };
    if (status === 'violation') return { rule: meta.id, outcome: 'fail' };
    if (status === 'unknown') return { rule: meta.id, outcome: 'unknown' };
    if (status === 'due') return { rule: meta.id, outcome: 'due' };
    return { rule: meta.id, outcome: 'pass' };
  });

  const failing = findings.some((f) => f.status === 'violation' && atLeast(f.severity, options.failOn));
  const result = systemResult(failing, iac);
  const iacInputs = stacks.flatMap((s) => s.inputs.map((i) => ({ ...i, role: 'iac' as const })));
  if (!source || !descriptor) {
    const file = stacks[0]!.file;
    return {
      file,
      id: file,
      name: file,
      result,
      ...(iac ? { iac } : {}),
      metrics: policy.metrics,
      findings,
      rules,
      inputs: iacInputs,
    };
  }
  return {
    file: source.file,
    id: descriptor.system.id,
    name: descriptor.system.name,
    owner: descriptor.system.owner,
    ...(descriptor.system.accountable_head ? { accountableHead: descriptor.system.accountable_head } : {}),
    level: descriptor.classification?.level,
    stage,
    sector: descriptor.system.sector,
    result,
    ...(iac ? { iac } : {}),
    metrics: policy.metrics,
    findings,
    rules,
    inputs: [{ file: source.file, sha256: source.sha256, role: 'descriptor' }, ...iacInputs],
  };
}

const STATUS_RANK: Record<FindingStatus, number> = { due: 0, unknown: 1, violation: 2 };

/** The catalogue entry of a finding the policy gave. Throws PolicyError for a rule the catalogue lacks. */
export function ruleOf(catalogue: Catalogue, raw: PolicyResult['findings'][number]): RuleMeta {
  const meta = catalogue.byId.get(raw.rule);
  if (!meta) throw new PolicyError(localized('input.policy-unknown-rule', { rule: raw.rule }));
  return meta;
}

/** A raw finding's params, a copy; a finding due by a date carries that date (its own, else the rule's). */
export function rawParams(raw: PolicyResult['findings'][number], meta: RuleMeta): Record<string, unknown> {
  return raw.status === 'due' ? { ...raw.params, due: raw.due ?? meta.due } : { ...raw.params };
}

/**
 * A raw finding as the report's Finding of `owner.id` (a system or an agency) at `owner.location`, with the
 * run's severity overrides; the one conversion systems and agencies share.
 */
export function findingOf(
  raw: PolicyResult['findings'][number],
  meta: RuleMeta,
  params: Record<string, unknown>,
  owner: { id: string; location: Location; lang: Lang; settings: CompiledRuleSettings | undefined },
): Finding {
  const keyed = { ...params, msg: raw.msg };
  const override = owner.settings?.severity.get(meta.id);
  // A recommendation carries its own (lower) severity, not the rule's.
  const ruleSeverity = override?.severity ?? (raw.recommendation && raw.severity ? raw.severity : meta.severity);
  const finding = makeFinding(meta, owner.lang, {
    // Neither a deadline to come nor a value only apply knows is a violation: both read as info.
    severity: raw.status === 'violation' ? ruleSeverity : 'info',
    ruleSeverity,
    recommendation: raw.recommendation === true,
    status: raw.status,
    path: raw.path,
    params: keyed,
    location: owner.location,
    message: messageFor(meta, raw.msg, params, owner.lang),
    fingerprint: fingerprint(owner.id, { rule: raw.rule, path: raw.path, params: keyed }),
  });
  if (override) finding.severityOverride = { from: meta.severity, reason: override.reason };
  return finding;
}

/** Each rule's worst status over its findings, in one pass: a violation outranks "unknown", which outranks "due". */
export function worstOutcomes(findings: Finding[]): Map<string, FindingStatus> {
  const outcomes = new Map<string, FindingStatus>();
  for (const f of findings) {
    const was = outcomes.get(f.rule);
    if (was === undefined || STATUS_RANK[f.status] > STATUS_RANK[was]) outcomes.set(f.rule, f.status);
  }
  return outcomes;
}

// The evaluation date and the rules' deadlines are the same for every system of a run.
function contextDays(asOf: string, catalogue: Catalogue, memo: RunMemo): Array<[string, number]> {
  const known = memo.contextDays;
  if (known?.asOf === asOf && known.catalogue === catalogue) return known.days;
  const days = collectDayNumbers(asOf);
  for (const r of catalogue.rules) if (r.due) collectDayNumbers(r.due, days);
  memo.contextDays = { asOf, catalogue, days: Object.entries(days) };
  return memo.contextDays.days;
}

function stagesKey(meta: RuleMeta, memo: RunMemo): string {
  let k = memo.stagesKeys.get(meta);
  if (k === undefined) memo.stagesKeys.set(meta, (k = meta.stages.join('\u0000')));
  return k;
}

function sharedReason(raw: PolicyReason, meta: RuleMeta, stage: string, lang: Lang, memo: RunMemo): RuleReason {
  const own = typeof raw !== 'string';
  // A scope reason's parameters: the stage, and the stages the rule applies in, for "stage".
  const key = own
    ? `${lang}\u0000${raw.code}\u0000${JSON.stringify(raw.params)}`
    : raw === 'stage'
      ? `${lang}\u0000stage\u0000${stage}\u0000${stagesKey(meta, memo)}`
      : `${lang}\u0000${raw}`;
  let reason = memo.reasons.get(key);
  if (reason === undefined) {
    if (memo.reasons.size > 10_000) memo.reasons.clear();
    const { code, params } = own ? raw : { code: raw, params: raw === 'stage' ? { stages: meta.stages, stage } : {} };
    const known = messageKey('reason', code);
    memo.reasons.set(
      key,
      (reason = { code, params, text: known ? t(known, localizeReasonParams(params, lang), lang) : code }),
    );
  }
  return reason;
}

/** Most severe first, then by rule and place, so output is stable run to run. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    compareText(a.location.file, b.location.file) ||
    compareText(a.rule, b.rule) ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    compareText(a.path, b.path) ||
    compareText(String(a.params.msg), String(b.params.msg))
  );
}
