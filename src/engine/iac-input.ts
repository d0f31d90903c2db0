import { policyData } from '../util/assets.js';
import type { PolicyEngine, PolicyInput, PolicyResult } from './policy-engine.js';
import type { IacStack, Location, PolicyResource } from '../model/iac.js';

/**
 * Resource types whose rules ask "does one exist anywhere in the stack" (a multi-region
 * CloudTrail, GuardDuty, EBS encryption by default). Every batch sees all of them. They are the
 * rules' knowledge, kept with them: stack_wide_types in policies/tuanthu/iac/data.yaml.
 */
let stackWide: ReadonlySet<string> | undefined;
export function stackWideTypes(): ReadonlySet<string> {
  return (stackWide ??= new Set(policyData().tuanthu.iac.stack_wide_types));
}

/**
 * Resources per evaluation, at least (batchInputs raises it when the stack-wide resources are many).
 * The policy's time per batch grows faster than its size; every batch also carries the stack-wide
 * resources. On 50,000 resources with few stack-wide ones (CDKTF JSON, docs/benchmarks.md Run 6):
 * 2,000 → 1.8 s, 5,000 → 1.9 s, 10,000 → 2.6 s, 20,000 → 5.0 s, one batch → 7.3 s.
 */
export const DEFAULT_BATCH_SIZE = 2000;

export interface IacPolicyInput {
  stacks: string[];
  providers: string[];
  resources: PolicyResource[];
  global: PolicyResource[];
}

/**
 * Splits the resources into batches that keep every group of resources connected by references
 * together (a bucket with its encryption, versioning and public access block; a VPC with its
 * flow log), so that per-batch evaluation sees the same relations as a whole-stack one.
 */
export function batchInputs(stacks: IacStack[], batchSize = DEFAULT_BATCH_SIZE): IacPolicyInput[] {
  const all = stacks.flatMap((s) => s.resources);
  const names = stacks.map((s) => s.file);
  const providers = [...new Set(all.map((r) => r.provider))].sort();
  const stackWide = stackWideTypes();
  const global = all.filter((r) => stackWide.has(r.type));
  const local = all.filter((r) => !stackWide.has(r.type));
  // Every batch repeats the stack-wide resources; when they are many, fewer and larger batches
  // repeat them fewer times. 50,000 resources of which 10,000 stack-wide, policy time in a new
  // process: 2,000 per batch 5.5-6.2 s, 5,000 4.1-4.7 s, 10,000 4.4-5.1 s (docs/benchmarks.md, Run 6).
  const size = Math.max(batchSize, Math.ceil(global.length / 2));
  if (local.length <= size) return [{ stacks: names, providers, resources: withReferrers(local), global }];

  const index = new Map(local.map((r, i) => [r.address, i]));
  const parent = local.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  local.forEach((r, i) => {
    for (const ref of r.refs) {
      const j = index.get(ref);
      if (j !== undefined) parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, PolicyResource[]>();
  local.forEach((r, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(r);
    else groups.set(root, [r]);
  });
  const batches: PolicyResource[][] = [];
  let current: PolicyResource[] = [];
  for (const g of groups.values()) {
    if (current.length > 0 && current.length + g.length > size) {
      batches.push(current);
      current = [];
    }
    // One by one: a group of 100,000+ connected resources spread as arguments overflows the stack.
    for (const r of g) current.push(r);
  }
  if (current.length > 0) batches.push(current);
  return batches.map((resources) => ({ stacks: names, providers, resources: withReferrers(resources), global }));
}

/**
 * Gives each resource of a batch that others reference `referenced_by`: for each referring type,
 * the positions of the referring resources in the batch. The rules find a bucket's configurations
 * (or a VPC's flow logs) through it in constant time; scanning the batch for them, bucket by bucket,
 * was quadratic in the batch size (docs/benchmarks.md). Copies: the stacks' resources are not changed.
 */
export function withReferrers(resources: PolicyResource[]): PolicyResource[] {
  const at = new Map<string, number>();
  resources.forEach((r, i) => {
    // The first of two resources with one address (two stacks) is the one referenced.
    if (!at.has(r.address)) at.set(r.address, i);
  });
  const referrers = new Map<number, Record<string, number[]>>();
  resources.forEach((r, i) => {
    for (const ref of r.refs) {
      const j = at.get(ref);
      if (j === undefined || j === i) continue;
      let byType = referrers.get(j);
      if (!byType) referrers.set(j, (byType = {}));
      (byType[r.type] ??= []).push(i);
    }
  });
  if (referrers.size === 0) return resources;
  return resources.map((r, i) => {
    const by = referrers.get(i);
    return by ? { ...r, referenced_by: by } : r;
  });
}

/** Evaluates a system's descriptor and IaC, batch by batch, and merges the results. */
export function evaluateWithIac(
  engine: PolicyEngine,
  base: Omit<PolicyInput, 'iac'>,
  stacks: IacStack[],
  batchSize = DEFAULT_BATCH_SIZE,
): PolicyResult {
  if (stacks.length === 0)
    return engine.evaluate({ ...base, iac: { stacks: [], providers: [], resources: [], global: [] } });
  const inputs = batchInputs(stacks, batchSize);
  let merged: PolicyResult | undefined;
  const seen = new Set<string>();
  for (const iac of inputs) {
    const r = engine.evaluate({ ...base, iac });
    if (!merged) merged = { ...r, findings: [] };
    // Descriptor and stack-wide findings repeat in every batch; keep one of each.
    for (const f of r.findings) {
      const key = JSON.stringify([f.rule, f.path, f.msg, f.params]);
      if (!seen.has(key)) {
        seen.add(key);
        merged.findings.push(f);
      }
    }
  }
  return merged!;
}

/** Location of an IaC finding path: a resource address, or the name of an IaC input (stack-level findings). */
export function iacLocations(stacks: IacStack[], paths: string[]): Map<string, Location> {
  const out = new Map<string, Location>();
  for (const s of stacks) {
    const addresses = new Set(s.resources.map((r) => r.address));
    const mine = paths.filter((p) => !out.has(p) && addresses.has(p));
    if (mine.length > 0) for (const [a, loc] of s.locate(mine)) out.set(a, loc);
    if (paths.includes(s.file) && !out.has(s.file))
      out.set(s.file, { file: s.inputs[0]?.file ?? s.file, line: 1, column: 1 });
  }
  return out;
}

/** Resources by address (the first stack wins when two stacks use the same address). */
export function resourceIndex(stacks: IacStack[]): Map<string, PolicyResource> {
  const out = new Map<string, PolicyResource>();
  for (const s of stacks) for (const r of s.resources) if (!out.has(r.address)) out.set(r.address, r);
  return out;
}
