import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { LoadedPolicy } from '@open-policy-agent/opa-wasm';

// The SDK is CommonJS whose exports Node cannot name from ESM.
const { loadPolicySync } = createRequire(import.meta.url)(
  '@open-policy-agent/opa-wasm',
) as typeof import('@open-policy-agent/opa-wasm');
import { assetPath, policyData } from '../util/assets.js';
import { localized } from '../i18n/index.js';
import type { FindingStatus, Localized, Severity } from '../model/types.js';

/** Wasm pages are 64 KiB; the policy may grow to this many and no further. */
export const DEFAULT_MAX_MEMORY_PAGES = 8192; // 512 MiB

export interface PolicyResult {
  /**
   * status "unknown": a value the rule needs is only known after apply or not declared (lib.unknown_finding).
   * severity: a recommendation's own (below the rule's; lib.recommendation); recommendation: the finding goes
   * beyond the directives' text.
   */
  findings: Array<{
    rule: string;
    path: string;
    msg: string;
    status: FindingStatus;
    params: Record<string, unknown>;
    severity?: Severity;
    recommendation?: boolean;
    /** The finding's own deadline, when the rule gives one to some systems only (LVL-02); else the rule's. */
    due?: string;
  }>;
  /** Why each rule that does not apply does not (policies/tuanthu/main/main.rego). */
  not_applicable: Record<string, PolicyReason>;
  metrics: Record<string, unknown>;
  /** What each agency-level rule needs of this system, by rule key (main.rego `summaries`). */
  summaries?: Record<string, unknown>;
}

/** The input of the per-agency entrypoint (policies/tuanthu/portfolio): an agency and its systems' summaries. */
export interface AgencyInput {
  agency: string;
  /** By rule key: one summary per system of the agency, as tuanthu/main/result gave it. */
  summaries: Record<string, unknown[]>;
  context: { as_of: string; days: Record<string, number> };
}

const PORTFOLIO_ENTRYPOINT = 'tuanthu/portfolio/result';

/**
 * A scope reason by its code alone (no_descriptor, no_iac, stage: their parameters are the
 * system's stage and the rule's stages, filled in from the catalogue), or a rule's own reason.
 */
export type PolicyReason = string | { code: string; params: Record<string, unknown> };

export interface PolicyInput {
  descriptor: unknown;
  iac: unknown;
  context: { as_of: string; stage: string; days: Record<string, number> };
}

/** Thrown when the policy cannot run; carries a plain message in both languages, never an SDK string throw. */
export class PolicyError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
  }
}

/** An organisation's own policy evaluated beside the built-in one (src/engine/custom-policy.ts). */
export interface ExtraPolicy {
  evaluate(input: PolicyInput): Pick<PolicyResult, 'findings' | 'not_applicable'>;
}

export class PolicyEngine {
  private constructor(
    private readonly policy: LoadedPolicy,
    private readonly extras: readonly ExtraPolicy[] = [],
  ) {}

  /** This engine with other policies evaluated after it on the same input, their results merged. */
  with(extras: readonly ExtraPolicy[]): PolicyEngine {
    return extras.length === 0 ? this : new PolicyEngine(this.policy, [...this.extras, ...extras]);
  }

  static load(maxPages = DEFAULT_MAX_MEMORY_PAGES): PolicyEngine {
    const wasm = readFileSync(assetPath('build', 'policy', 'policy.wasm'));
    const data = policyData();
    try {
      const policy = loadPolicySync(wasm, { initial: 32, maximum: maxPages });
      policy.setData(data as object);
      return new PolicyEngine(policy);
    } catch (e) {
      throw new PolicyError(localized('input.policy-load', { detail: describe(e) }));
    }
  }

  evaluate(input: PolicyInput): PolicyResult {
    let out: unknown;
    try {
      out = this.evaluateText(input);
    } catch (e) {
      throw new PolicyError(localized('input.policy-eval', { detail: describe(e) }));
    }
    const first = (out as Array<{ result?: PolicyResult }>)[0];
    if (!first?.result) throw new PolicyError(localized('input.policy-no-result'));
    const result = first.result;
    for (const extra of this.extras) {
      const r = extra.evaluate(input);
      for (const f of r.findings) result.findings.push(f);
      Object.assign(result.not_applicable, r.not_applicable);
    }
    return result;
  }

  /** The findings of the agency-level rules for one agency (status already decided, as for a system). */
  evaluateAgency(input: AgencyInput): PolicyResult['findings'] {
    let out: unknown;
    try {
      out = this.policy.evaluate(wellFormed(input), PORTFOLIO_ENTRYPOINT);
    } catch (e) {
      throw new PolicyError(localized('input.policy-eval', { detail: describe(e) }));
    }
    const first = (out as Array<{ result?: { findings: PolicyResult['findings'] } }>)[0];
    if (!first?.result) throw new PolicyError(localized('input.policy-no-result'));
    return first.result.findings;
  }

  /**
   * A lone surrogate (a `\ud800` escape in YAML or JSON: it is not text) reaches the policy as the
   * `\ud800` JSON escape, which OPA's reader rejects; a name must not turn a system into an error,
   * so the policy then sees U+FFFD, as a UTF-8 file would hold. Retried on that failure only, so a
   * well-formed input (every real one) is not walked twice.
   */
  private evaluateText(input: PolicyInput): unknown {
    try {
      return this.policy.evaluate(input, 'tuanthu/main/result');
    } catch (e) {
      const fixed = wellFormed(input);
      if (fixed === input) throw e;
      return this.policy.evaluate(fixed, 'tuanthu/main/result');
    }
  }
}

const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATES = /\p{Cs}/gu;

/** The value with every lone surrogate, in keys and strings, replaced by U+FFFD; itself when there is none. */
function wellFormed<T>(v: T): T {
  if (typeof v === 'string') return (LONE_SURROGATE.test(v) ? v.replace(LONE_SURROGATES, '\uFFFD') : v) as T;
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    const out = v.map(wellFormed);
    return (out.some((x, i) => x !== v[i]) ? out : v) as T;
  }
  let changed = false;
  const entries = Object.entries(v).map(([k, x]) => {
    const [fk, fx] = [wellFormed(k), wellFormed(x)];
    changed ||= fk !== k || fx !== x;
    return [fk, fx];
  });
  return (changed ? Object.fromEntries(entries) : v) as T;
}

// The SDK throws strings as well as Errors.
function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
