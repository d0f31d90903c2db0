// An organisation's own rules (`--policy`): a Wasm policy built with
// `opa build -t wasm -e custom/rules -e custom/findings`, evaluated with the input the built-in
// policy gets. Its rules join the run's catalogue, so their findings go through waivers,
// baselines, the gate and every format as built-in ones do. The contract: docs/custom-policies.md.
import { createRequire } from 'node:module';
import type { LoadedPolicy } from '@open-policy-agent/opa-wasm';
import { localized } from '../i18n/index.js';
import { LANGS, type Localized, SEVERITIES, STAGES, type Severity, type Stage } from '../model/types.js';
import type { Catalogue, RuleMeta } from './catalogue.js';
import { DEFAULT_MAX_MEMORY_PAGES, PolicyError, type PolicyInput, type PolicyResult } from './policy-engine.js';

const { loadPolicySync } = createRequire(import.meta.url)(
  '@open-policy-agent/opa-wasm',
) as typeof import('@open-policy-agent/opa-wasm');

/** The rules the policy defines: an object by id, constant (it is read once, before any input). */
export const RULES_ENTRYPOINT = 'custom/rules';
/** The findings for one input: a set or array of `{rule, path, msg?, params?, status?}`. */
export const FINDINGS_ENTRYPOINT = 'custom/findings';
const BUILD_COMMAND = `opa build -t wasm -e ${RULES_ENTRYPOINT} -e ${FINDINGS_ENTRYPOINT}`;
/**
 * Custom ids start with "X-", so none can ever be a built-in id (today's or a later release's), and
 * end in two digits as every rule id does (the report and waiver schemas hold them to it).
 */
export const CUSTOM_ID = /^X-[A-Z0-9]+(?:-[A-Z0-9]+)*-\d{2}$/;

type CustomFinding = PolicyResult['findings'][number];

export class CustomPolicy {
  private constructor(
    /** The bundle as named on the command line. */
    readonly file: string,
    readonly rules: RuleMeta[],
    /** The rules that check infrastructure code (not applicable without it); the others check the descriptor. */
    private readonly iacRules: ReadonlySet<string>,
    private readonly policy: LoadedPolicy,
  ) {}

  /**
   * Loads and validates a bundle: it must load, have both entrypoints, and define rules whose ids
   * are well formed and taken neither by the built-in catalogue nor by another bundle (`taken`).
   */
  static load(
    bundle: { file: string; wasm: Uint8Array; data: unknown },
    catalogue: Catalogue,
    taken: ReadonlyMap<string, string> = new Map(),
  ): CustomPolicy {
    const fail = (en: string, vi: string): never => {
      throw new PolicyError(localized('input.custom-policy-invalid', { bundle: bundle.file, detail: { en, vi } }));
    };
    let policy: LoadedPolicy;
    try {
      policy = loadPolicySync(bundle.wasm, { initial: 32, maximum: DEFAULT_MAX_MEMORY_PAGES });
      policy.setData((bundle.data ?? {}) as object);
    } catch (e) {
      return fail(`it is not a Wasm policy (${describe(e)})`, `đây không phải chính sách Wasm (${describe(e)})`);
    }
    const entrypoints = Object.keys((policy.entrypoints ?? {}) as object);
    for (const e of [RULES_ENTRYPOINT, FINDINGS_ENTRYPOINT]) {
      if (!entrypoints.includes(e))
        fail(
          `it has no entrypoint ${e} (it has: ${entrypoints.join(', ') || 'none'}); build it with ${BUILD_COMMAND}`,
          `thiếu entrypoint ${e} (hiện có: ${entrypoints.join(', ') || 'không có'}); hãy build bằng ${BUILD_COMMAND}`,
        );
    }
    let out: unknown;
    try {
      out = policy.evaluate({}, RULES_ENTRYPOINT);
    } catch (e) {
      fail(`${RULES_ENTRYPOINT} failed: ${describe(e)}`, `${RULES_ENTRYPOINT} lỗi: ${describe(e)}`);
    }
    const defined = (out as Array<{ result?: unknown }> | undefined)?.[0]?.result;
    if (!isObject(defined) || Object.keys(defined).length === 0)
      fail(
        `${RULES_ENTRYPOINT} must be an object of rules by id, defined without input`,
        `${RULES_ENTRYPOINT} phải là một object các quy tắc theo mã, không phụ thuộc input`,
      );
    const iacRules = new Set<string>();
    // In id order: the order of a Wasm object's keys is not the source's.
    const entries = Object.entries(defined as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const rules = entries.map(([id, r]) => {
      if (!CUSTOM_ID.test(id))
        fail(
          `rule id "${id}" must start with "X-", hold only A-Z, 0-9 and "-", and end in two digits (e.g. X-BCA-01)`,
          `mã quy tắc "${id}" phải bắt đầu bằng "X-", chỉ gồm A-Z, 0-9 và "-", và kết thúc bằng hai chữ số (ví dụ X-BCA-01)`,
        );
      if (catalogue.byId.has(id))
        fail(`rule id ${id} is a built-in rule's`, `mã quy tắc ${id} trùng với một quy tắc có sẵn`);
      const owner = taken.get(id);
      if (owner)
        fail(`rule id ${id} is already defined by ${owner}`, `mã quy tắc ${id} đã được định nghĩa trong ${owner}`);
      if (isObject(r) && (r as { iac?: unknown }).iac === true) iacRules.add(id);
      return ruleMeta(id, r, bundle.file, fail);
    });
    return new CustomPolicy(bundle.file, rules, iacRules, policy);
  }

  /** The findings for one input and the rules that do not apply to it (stage, no descriptor, no IaC). */
  evaluate(input: PolicyInput): Pick<PolicyResult, 'findings' | 'not_applicable'> {
    const fail = (en: string, vi: string): never => {
      throw new PolicyError(localized('input.custom-policy-output', { bundle: this.file, detail: { en, vi } }));
    };
    let out: unknown;
    try {
      out = this.policy.evaluate(input, FINDINGS_ENTRYPOINT);
    } catch (e) {
      fail(`${FINDINGS_ENTRYPOINT} failed: ${describe(e)}`, `${FINDINGS_ENTRYPOINT} lỗi: ${describe(e)}`);
    }
    const result = (out as Array<{ result?: unknown }> | undefined)?.[0]?.result;
    // An undefined set (no finding at all) reads as empty.
    const raw = result === undefined ? [] : result;
    if (!Array.isArray(raw))
      fail(
        `${FINDINGS_ENTRYPOINT} must be a set or array of findings`,
        `${FINDINGS_ENTRYPOINT} phải là một tập hoặc mảng các phát hiện`,
      );
    const notApplicable: PolicyResult['not_applicable'] = {};
    const hasDescriptor = isObject(input.descriptor);
    const iac = input.iac as { stacks?: unknown[] } | undefined;
    const hasIac = (iac?.stacks?.length ?? 0) > 0;
    const byId = new Map(this.rules.map((r) => [r.id, r]));
    for (const r of this.rules) {
      const scoped = this.iacRules.has(r.id)
        ? hasIac
          ? undefined
          : 'no_iac'
        : hasDescriptor
          ? undefined
          : 'no_descriptor';
      const reason = scoped ?? (r.stages.includes(input.context.stage as Stage) ? undefined : 'stage');
      if (reason) notApplicable[r.key] = reason;
    }
    const findings: CustomFinding[] = [];
    for (const f of raw as unknown[]) {
      if (!isObject(f))
        fail(
          `a finding is not an object: ${JSON.stringify(f)}`,
          `một phát hiện không phải object: ${JSON.stringify(f)}`,
        );
      const { rule, path, msg, params, status } = f as Record<string, unknown>;
      if (typeof rule !== 'string' || !byId.has(rule))
        fail(
          `a finding names rule ${JSON.stringify(rule)}, which ${RULES_ENTRYPOINT} does not define (it defines ${[...byId.keys()].join(', ')})`,
          `một phát hiện ghi quy tắc ${JSON.stringify(rule)}, không có trong ${RULES_ENTRYPOINT} (có: ${[...byId.keys()].join(', ')})`,
        );
      if (typeof path !== 'string')
        fail(`a finding of ${rule} has no "path" string`, `một phát hiện của ${rule} thiếu chuỗi "path"`);
      if (msg !== undefined && typeof msg !== 'string')
        fail(`a finding of ${rule}: "msg" is not a string`, `một phát hiện của ${rule}: "msg" không phải chuỗi`);
      if (params !== undefined && !isObject(params))
        fail(
          `a finding of ${rule}: "params" is not an object`,
          `một phát hiện của ${rule}: "params" không phải object`,
        );
      if (status !== undefined && status !== 'violation' && status !== 'unknown')
        fail(
          `a finding of ${rule} has status ${JSON.stringify(status)}: give "violation" (the default) or "unknown"`,
          `một phát hiện của ${rule} có status ${JSON.stringify(status)}: chỉ dùng "violation" (mặc định) hoặc "unknown"`,
        );
      if (notApplicable[rule as string]) continue;
      findings.push({
        rule: rule as string,
        path: path as string,
        msg: (msg as string | undefined) ?? 'default',
        status: (status as 'violation' | 'unknown' | undefined) ?? 'violation',
        params: (params as Record<string, unknown> | undefined) ?? {},
      });
    }
    return { findings, not_applicable: notApplicable };
  }
}

/** The built-in catalogue and the rules of the bundles, for one run. */
export function withCustomRules(base: Catalogue, policies: readonly CustomPolicy[]): Catalogue {
  if (policies.length === 0) return base;
  const rules = [...base.rules, ...policies.flatMap((p) => p.rules)];
  return { rules, byId: new Map(rules.map((r) => [r.id, r])), manifest: base.manifest };
}

/** Loads bundles in order; an id two of them define is refused in the second, naming the first. */
export function loadCustomPolicies(
  bundles: ReadonlyArray<{ file: string; wasm: Uint8Array; data: unknown }>,
  catalogue: Catalogue,
): CustomPolicy[] {
  const taken = new Map<string, string>();
  for (const r of catalogue.rules) for (const a of r.aliases ?? []) taken.set(a, `an alias of built-in ${r.id}`);
  return bundles.map((b) => {
    const p = CustomPolicy.load(b, catalogue, taken);
    for (const r of p.rules) taken.set(r.id, b.file);
    return p;
  });
}

function ruleMeta(id: string, r: unknown, file: string, fail: (en: string, vi: string) => never): RuleMeta {
  if (!isObject(r)) return fail(`rule ${id} is not an object`, `quy tắc ${id} không phải object`);
  const o = r as Record<string, unknown>;
  const text = (field: string, required: boolean): Localized | undefined => {
    const v = o[field];
    if (v === undefined && !required) return undefined;
    if (typeof v === 'string' && v !== '') return { vi: v, en: v };
    if (isObject(v) && LANGS.every((l) => typeof (v as Record<string, unknown>)[l] === 'string')) return v as Localized;
    return fail(
      `rule ${id}: "${field}" must be {"vi": "…", "en": "…"} (or one string for both)`,
      `quy tắc ${id}: "${field}" phải có dạng {"vi": "…", "en": "…"} (hoặc một chuỗi cho cả hai)`,
    );
  };
  const title = text('title', true)!;
  const remediation = text('remediation', true)!;
  const description = text('description', false) ?? title;
  const severity = o.severity;
  if (typeof severity !== 'string' || !(SEVERITIES as readonly string[]).includes(severity))
    fail(
      `rule ${id}: "severity" must be one of ${SEVERITIES.join(', ')}`,
      `quy tắc ${id}: "severity" phải là một trong ${SEVERITIES.join(', ')}`,
    );
  const strings = (field: string, allowed?: readonly string[]): string[] | undefined => {
    const v = o[field];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || (allowed && !allowed.includes(x))))
      fail(
        `rule ${id}: "${field}" must be a list of ${allowed ? allowed.join(', ') : 'strings'}`,
        `quy tắc ${id}: "${field}" phải là danh sách ${allowed ? allowed.join(', ') : 'chuỗi'}`,
      );
    return v as string[];
  };
  const stages = (strings('stages', STAGES) ?? [...STAGES]) as Stage[];
  const clauses = strings('clauses') ?? [];
  if (o.iac !== undefined && typeof o.iac !== 'boolean')
    fail(`rule ${id}: "iac" must be true or false`, `quy tắc ${id}: "iac" phải là true hoặc false`);
  const messages: Record<string, Localized> = {};
  if (o.messages !== undefined) {
    if (!isObject(o.messages))
      fail(
        `rule ${id}: "messages" must be an object of {"vi", "en"} templates by id`,
        `quy tắc ${id}: "messages" phải là object các mẫu {"vi", "en"} theo mã`,
      );
    for (const [k, v] of Object.entries(o.messages as Record<string, unknown>)) {
      if (!isObject(v) || !LANGS.every((l) => typeof (v as Record<string, unknown>)[l] === 'string'))
        fail(
          `rule ${id}: message "${k}" must be {"vi": "…", "en": "…"}`,
          `quy tắc ${id}: thông điệp "${k}" phải có dạng {"vi": "…", "en": "…"}`,
        );
      messages[k] = v as Localized;
    }
  }
  return {
    id,
    package: `custom:${file}`,
    key: id,
    file,
    severity: severity as Severity,
    stages,
    clauses,
    title,
    description,
    messages,
    remediation,
  };
}

function isObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// The SDK throws strings as well as Errors.
function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
