import { normalise, unknownPaths, type ProviderRegions, type RawResource } from './normalise.js';
import type { PolicyResource } from '../../model/iac.js';
import { isObject } from './terraform-config.js';
import { regionAttribute } from '../../util/assets.js';

/** `terraform show -json` output of a plan: a format_version and resource_changes. */
export function isPlan(v: unknown): v is Record<string, unknown> {
  return isObject(v) && typeof v.format_version === 'string' && ('resource_changes' in v || 'planned_values' in v);
}

/** Plan JSON format majors this reader understands (Terraform and OpenTofu both emit 1.x). */
export const SUPPORTED_PLAN_MAJOR = 1;

export function planMajor(v: Record<string, unknown>): number {
  return Number(String(v.format_version).split('.')[0]);
}

interface ConfigEntry {
  providerKey?: string;
  refs: string[];
}

/**
 * Resources a plan will leave in place after apply: managed resources whose change is not a
 * pure delete. Values come from `after`; unknown values are omitted there and listed in
 * `after_unknown`, and are kept as unknown (not absent).
 */
export function planResources(plan: Record<string, unknown>): {
  resources: PolicyResource[];
  indexOf: Map<string, number>;
} {
  const variables: Record<string, unknown> = {};
  if (isObject(plan.variables))
    for (const [k, v] of Object.entries(plan.variables)) if (isObject(v)) variables[k] = v.value;

  const configuration = isObject(plan.configuration) ? plan.configuration : {};
  const providers: ProviderRegions = new Map();
  if (isObject(configuration.provider_config)) {
    for (const [key, p] of Object.entries(configuration.provider_config)) {
      if (!isObject(p)) continue;
      const name = typeof p.name === 'string' ? p.name : key.split('.')[0]!;
      const e = isObject(p.expressions) ? p.expressions[regionAttribute(name)] : undefined;
      const region = isObject(e) ? e : undefined;
      providers.set(key, region ? expressionValue(region, variables) : undefined);
    }
  }
  const config = new Map<string, ConfigEntry>();
  collectModule(configuration.root_module, '', config);

  const changes = Array.isArray(plan.resource_changes) ? plan.resource_changes : [];
  const raws: RawResource[] = [];
  const indexOf = new Map<string, number>();
  changes.forEach((c: unknown, i: number) => {
    if (!isObject(c) || c.mode !== 'managed' || typeof c.address !== 'string' || typeof c.type !== 'string') return;
    const change = isObject(c.change) ? c.change : {};
    const actions = Array.isArray(change.actions) ? change.actions : [];
    if (actions.length === 1 && actions[0] === 'delete') return;
    const after = isObject(change.after) ? change.after : {};
    const moduleAddress = typeof c.module_address === 'string' ? `${c.module_address}.` : '';
    const cfg = config.get(`${moduleAddress}${c.type}.${String(c.name)}`);
    indexOf.set(c.address, i);
    raws.push({
      address: c.address,
      type: c.type,
      name: String(c.name),
      ...(cfg?.providerKey ? { providerKey: cfg.providerKey } : {}),
      values: after,
      unknown: unknownPaths(change.after_unknown),
      refs: cfg?.refs ?? [],
    });
  });
  // Configuration references name resources without their index; point them at every instance.
  const instances = new Map<string, string[]>();
  for (const r of raws) {
    const base = r.address.replace(/\[[^\]]*\]$/, '');
    instances.set(base, [...(instances.get(base) ?? []), r.address]);
  }
  for (const r of raws) r.refs = [...new Set((r.refs ?? []).flatMap((a) => instances.get(a) ?? []))];
  return { resources: normalise(raws, providers, variables), indexOf };
}

function expressionValue(e: Record<string, unknown>, variables: Record<string, unknown>): string | null {
  if (typeof e.constant_value === 'string') return e.constant_value;
  const refs = Array.isArray(e.references) ? e.references : [];
  for (const r of refs) {
    const m = typeof r === 'string' ? /^var\.([A-Za-z0-9_-]+)$/.exec(r) : null;
    if (m && typeof variables[m[1]!] === 'string') return variables[m[1]!] as string;
  }
  return null;
}

function collectModule(mod: unknown, prefix: string, into: Map<string, ConfigEntry>): void {
  if (!isObject(mod)) return;
  for (const r of Array.isArray(mod.resources) ? mod.resources : []) {
    if (!isObject(r) || r.mode !== 'managed' || typeof r.address !== 'string') continue;
    const refs = new Set<string>();
    collectReferences(r.expressions, refs);
    const entry: ConfigEntry = { refs: [...refs].map((a) => `${prefix}${a}`) };
    if (typeof r.provider_config_key === 'string') entry.providerKey = r.provider_config_key.replace(/^[^:]+:/, '');
    into.set(`${prefix}${r.address}`, entry);
  }
  if (isObject(mod.module_calls)) {
    for (const [name, call] of Object.entries(mod.module_calls)) {
      if (isObject(call)) collectModule(call.module, `${prefix}module.${name}.`, into);
    }
  }
}

// "aws_s3_bucket.uploads.id" → "aws_s3_bucket.uploads"; variables, locals, data sources are not resources.
function collectReferences(v: unknown, into: Set<string>): void {
  if (Array.isArray(v)) for (const x of v) collectReferences(x, into);
  else if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (k === 'references' && Array.isArray(x)) {
        for (const ref of x) {
          const m =
            typeof ref === 'string' ? /^([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][A-Za-z0-9_-]*)/.exec(ref) : null;
          if (m) into.add(`${m[1]}.${m[2]}`);
        }
      } else collectReferences(x, into);
    }
  }
}
