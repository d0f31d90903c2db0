// The library's entry point. lint() is pure: it takes inputs already read (readInputs() reads them
// from paths; loadDescriptorText() parses one from text) and touches neither the file system nor the
// clock (the evaluation date is options.asOf). The packaged policy and catalogue are loaded once
// when not given.
import { AgencyCollector, agencySummary } from './engine/agencies.js';
import { evaluateWithIac } from './engine/iac-input.js';
import { loadCatalogue, type Catalogue } from './engine/catalogue.js';
import { PolicyEngine, PolicyError } from './engine/policy-engine.js';
import { finishReport } from './engine/report.js';
import { assembleSystem, createRunMemo, type Descriptor, policyBase } from './engine/system-report.js';
import { parseSource, type SourceDoc } from './io/descriptor/source.js';
import { descriptorProblems } from './io/descriptor/validate.js';
import { resolveLimits } from './io/limits.js';
import type { DebtInputs } from './model/debt.js';
import type { IacStack } from './model/iac.js';
import type { LoadedSource } from './model/source.js';
import type { AgencyReport, EvaluationOptions, InputProblem, Limits, Report, SystemReport } from './model/types.js';

export interface LintInputs {
  /** Each system: its descriptor (validated; null for infrastructure code checked alone) and the IaC it lists. */
  systems: Array<{ descriptor: LoadedSource | null; stacks: IacStack[] }>;
  /** Problems found while reading: reported with the run (exit 2), never lost. */
  problems?: InputProblem[];
  /** Waivers and baseline, read and validated. */
  debt?: DebtInputs;
}

export interface PolicyDeps {
  catalogue?: Catalogue;
  engine?: PolicyEngine;
}

/** The report for these inputs: every system evaluated, waivers and baseline applied. */
export function lint(inputs: LintInputs, options: EvaluationOptions, deps: PolicyDeps = {}): Report {
  const catalogue = deps.catalogue ?? loadCatalogue();
  const engine = deps.engine ?? PolicyEngine.load();
  const memo = createRunMemo();
  const problems = [...(inputs.problems ?? [])];
  const systems: SystemReport[] = [];
  const agencies = new AgencyCollector();
  for (const s of inputs.systems) {
    if (s.descriptor === null && s.stacks.length === 0) continue;
    try {
      const { base, stage } = policyBase((s.descriptor?.value ?? null) as Descriptor | null, catalogue, options, memo);
      const policy = evaluateWithIac(engine, base, s.stacks);
      systems.push(assembleSystem(s.descriptor, s.stacks, policy, stage, catalogue, options, memo));
      agencies.add(agencySummary(s.descriptor, policy));
    } catch (e) {
      if (!(e instanceof PolicyError)) throw e;
      problems.push({ file: s.descriptor?.file ?? s.stacks[0]!.file, code: 'policy', message: e.text });
    }
  }
  let judged: AgencyReport[] = [];
  try {
    judged = agencies.finish(engine, catalogue, options);
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    problems.push({ file: '', code: 'policy', message: e.text });
  }
  const debt = inputs.debt ?? { waivers: [], errors: [], files: [] };
  return finishReport(systems, problems, debt, catalogue, options, judged);
}

/** A descriptor parsed from text and checked against the schema, as lint() takes it; or its problems. */
export function loadDescriptorText(
  file: string,
  text: string,
  limits?: Partial<Limits>,
): { ok: true; source: SourceDoc } | { ok: false; errors: InputProblem[] } {
  const parsed = parseSource(Buffer.from(text, 'utf8'), file, resolveLimits(limits));
  if (!parsed.ok) return parsed;
  const errors = descriptorProblems(parsed.source);
  return errors.length > 0 ? { ok: false, errors } : parsed;
}
