/**
 * In-process check for CDK for Terraform (and CDK Terrain) users: fails `cdktf synth` /
 * `app.synth()` when a stack violates the IaC rules, with the same compiled policy the CLI runs.
 *
 *   import { addTuanthuValidation } from 'tuanthu/cdktf';
 *   addTuanthuValidation(stack, { descriptor: 'system.yaml', failOn: 'high' });
 *
 * Only structural types of the stack are used, so neither cdktf nor cdktn is a dependency.
 */
import { readFileSync } from 'node:fs';
import { collectDayNumbers, todayIso } from '../util/dates.js';
import { evaluateWithIac } from '../engine/iac-input.js';
import { loadJsonText } from '../io/iac/load.js';
import { parseSource } from '../io/descriptor/source.js';
import { loadCatalogue, messageFor } from '../engine/catalogue.js';
import { PolicyEngine } from '../engine/policy-engine.js';
import { atLeast } from '../model/severity.js';
import type { Lang, Severity } from '../model/types.js';

/** What tuanthu needs of a TerraformStack (cdktf or cdktn). */
export interface StackLike {
  toTerraform(): unknown;
  node: { path: string; addValidation(v: { validate(): string[] }): void };
}

export interface TuanthuValidationOptions {
  /** The system descriptor, for the cross-check rule IAC-X-01 (hosting, encryption at rest, monitoring). */
  descriptor?: string;
  /** Fail at or above this severity (default high). */
  failOn?: Severity;
  lang?: Lang;
  /** Evaluation date YYYY-MM-DD (default today). */
  asOf?: string;
}

let engine: PolicyEngine | undefined;

/** Findings at or above failOn, one line each: rule, resource, construct path, message. */
export function checkStack(stack: StackLike, options: TuanthuValidationOptions = {}): string[] {
  const failOn = options.failOn ?? 'high';
  const lang = options.lang ?? 'en';
  const asOf = options.asOf ?? todayIso();
  const loaded = loadJsonText(JSON.stringify(stack.toTerraform()), `${stack.node.path}/cdk.tf.json`);
  if (!loaded.ok) return loaded.errors.map((e) => `tuanthu: ${e.message[lang]}`);
  let descriptor: unknown = null;
  if (options.descriptor) {
    const src = parseSource(readFileSync(options.descriptor), options.descriptor);
    if (!src.ok) return src.errors.map((e) => `tuanthu: ${e.file}:${e.line ?? 1}:${e.column ?? 1}: ${e.message[lang]}`);
    descriptor = src.source.value;
  }
  const days = collectDayNumbers(descriptor ?? {});
  collectDayNumbers(asOf, days);
  const catalogue = loadCatalogue();
  engine ??= PolicyEngine.load();
  const stage = (descriptor as { lifecycle?: { stage?: string } } | null)?.lifecycle?.stage ?? 'production';
  const result = evaluateWithIac(engine, { descriptor, context: { as_of: asOf, stage, days } }, [loaded.stack]);
  const byAddress = new Map(loaded.stack.resources.map((r) => [r.address, r]));
  const lines: string[] = [];
  for (const f of result.findings) {
    const meta = catalogue.byId.get(f.rule);
    // Only IaC rules: descriptor gaps are the CLI's business, not a reason to stop a synth.
    if (!meta?.supports || f.status !== 'violation') continue;
    const severity = meta.severity;
    if (!atLeast(severity, failOn)) continue;
    const construct = byAddress.get(f.path)?.construct_path;
    lines.push(
      `${meta.id} (${severity}) ${f.path}${construct ? ` [${construct}]` : ''}: ${messageFor(meta, f.msg, f.params, lang)}`,
    );
  }
  return lines.sort();
}

/** Adds the check as a construct validation: synth throws with every violation listed. */
export function addTuanthuValidation(stack: StackLike, options: TuanthuValidationOptions = {}): void {
  stack.node.addValidation({ validate: () => checkStack(stack, options) });
}
