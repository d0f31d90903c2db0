import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { collectDayNumbers } from '../src/dates.js';
import { evaluateWithIac } from '../src/iac/evaluate.js';
import type { IacStack } from '../src/iac/model.js';
import { PolicyEngine, type PolicyResult } from '../src/policy/engine.js';

export const ROOT = join(import.meta.dirname, '..');
export const COMPLIANT = join(ROOT, 'examples/mof-public-services/system.yaml');
export const NONCOMPLIANT = join(ROOT, 'examples/province-land-portal/system.yaml');
export const AS_OF = '2026-11-23';

export function readYaml<T = unknown>(file: string): T {
  return parse(readFileSync(file, 'utf8')) as T;
}

/** Deep merge for fixtures: objects merge, arrays and scalars replace, null deletes. */
export function mergePatch(base: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = base && typeof base === 'object' && !Array.isArray(base) ? { ...(base as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

let engine: PolicyEngine | undefined;

/** Evaluates a descriptor (and IaC stacks) with the compiled Wasm, exactly as lint() does. */
export function evaluate(descriptor: unknown, asOf = AS_OF, stage?: string, stacks: IacStack[] = [], batchSize?: number): PolicyResult {
  engine ??= PolicyEngine.load();
  const d = descriptor as { lifecycle?: { stage?: string } } | null;
  const days = collectDayNumbers(descriptor ?? {});
  collectDayNumbers([asOf, '2026-04-30', '2026-06-30'], days);
  return evaluateWithIac(engine, { descriptor, context: { as_of: asOf, stage: stage ?? d?.lifecycle?.stage ?? 'production', days } }, stacks, batchSize);
}
