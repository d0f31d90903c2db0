import { policyData } from '../../util/assets.js';
import type { PolicyResource } from '../../model/iac.js';

/** A resource as a loader reads it, before references and locations are resolved. */
export interface RawResource {
  address: string;
  type: string;
  name: string;
  /** Provider configuration key when the input names one ("aws.hanoi"); else derived from the type. */
  providerKey?: string;
  values: Record<string, unknown>;
  /** Unknown-until-apply paths known from the input itself (plan after_unknown). */
  unknown?: string[];
  constructPath?: string;
  /** Where the root module calls the module this resource is in (`main.tf:12:1`). */
  moduleCall?: string;
  /** Addresses the input says this resource references (plan configuration, the evaluator). */
  refs?: string[];
  /**
   * Values evaluated from source (src/io/iac/eval/): `unknown` and `refs` are complete, and a
   * string holding `${` is the text of an unknown value, not an expression to scan again.
   */
  evaluated?: boolean;
}

/** Provider configurations by key ("aws", "aws.hanoi"), with the region each sets (null: set but not known). */
export type ProviderRegions = Map<string, string | null | undefined>;

const INTERPOLATION = /\$\{([^}]*)\}/g;
// type.name inside an expression; the type must be a resource type present in the stack.
const REFERENCE =
  /(?:^|[^A-Za-z0-9_.])(?:module\.[A-Za-z0-9_-]+\.)*([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][A-Za-z0-9_-]*)/g;
const WHOLE_EXPRESSION = /^\$\{[^}]*\}$/;

/**
 * Resolves what a policy needs beyond the raw values: the provider and region of each resource,
 * the zone (directly or through the subnet it is placed in), references between resources, and
 * which values are unknown until apply.
 */
export function normalise(
  raws: RawResource[],
  providers: ProviderRegions,
  variables: Record<string, unknown> = {},
): PolicyResource[] {
  const types = new Set(raws.map((r) => r.type));
  const byAddress = new Map(raws.map((r) => [r.address, r]));
  // Resources named by a literal attribute (policies/tuanthu/iac/data.yaml, name_references): for
  // each such join, the address of each resource of its type by the name it holds.
  const joins = policyData().tuanthu.iac.name_references.map((j) => ({ ...j, named: new Map<string, string>() }));
  for (const j of joins) {
    for (const r of raws) {
      if (r.type !== j.type) continue;
      const key = nameKey(r, j.name);
      if (key !== undefined) j.named.set(key, r.address);
    }
  }

  const out: PolicyResource[] = raws.map((raw) => {
    const unknown = new Set(raw.unknown ?? []);
    const refs = new Set(raw.refs ?? []);
    if (!raw.evaluated)
      walkStrings(raw.values, '', (s, path) => {
        if (WHOLE_EXPRESSION.test(s)) unknown.add(path);
        for (const m of s.matchAll(INTERPOLATION)) collectRefs(m[1]!, types, refs);
      });
    // A bucket's configuration resources may name the bucket by its literal name.
    for (const j of joins) {
      if (raw.type === j.type) continue;
      const key = nameKey(raw, j.by);
      const target = key === undefined ? undefined : j.named.get(key);
      if (target) refs.add(target);
    }
    refs.delete(raw.address);
    const providerKey = providerKeyOf(raw);
    const provider = providerKey.split('.')[0]!;
    const region = regionOf(raw, providerKey, providers, variables);
    const tags = { ...stringMap(raw.values.tags_all), ...stringMap(raw.values.tags) };
    const resource: PolicyResource = {
      address: raw.address,
      type: raw.type,
      name: raw.name,
      provider,
      provider_config: providerKey,
      region,
      zone: literal(raw.values.availability_zone),
      values: raw.values,
      unknown: [...unknown].sort(),
      refs: [...refs].sort(),
      tags,
      ...(raw.constructPath ? { construct_path: raw.constructPath } : {}),
      ...(raw.moduleCall ? { module_call: raw.moduleCall } : {}),
    };
    return resource;
  });

  // An instance or database takes the zone of the subnet it is placed in.
  const subnetZone = new Map(out.filter((r) => r.type === 'aws_subnet' && r.zone).map((r) => [r.address, r.zone]));
  for (const resource of out) {
    if (resource.zone) continue;
    for (const ref of resource.refs) {
      const z = subnetZone.get(ref);
      if (z && byAddress.has(ref)) {
        resource.zone = z;
        break;
      }
    }
  }
  return out;
}

/**
 * What a name attribute joins on: its literal value; or, for an evaluated value only apply knows,
 * the expression as written within the same module instance, when it does not depend on the
 * instance's key (`bucket = local.name` on a bucket and on its policy is the same name, whatever
 * it turns out to be).
 */
function nameKey(r: RawResource, attr: string): string | undefined {
  const v = r.values[attr];
  if (typeof v !== 'string') return undefined;
  if (!v.includes('${')) return v;
  if (!r.evaluated || !r.unknown?.includes(attr) || /\b(each|count|self)\./.test(v)) return undefined;
  return `\u0000${modulePrefix(r.address)}\u0000${v}`;
}

/** `module.a["x"].module.b.` of `module.a["x"].module.b.aws_s3_bucket.logs`; '' at the root. */
function modulePrefix(address: string): string {
  return /^(?:module\.[A-Za-z0-9_-]+(?:\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?\.)*/.exec(address)![0];
}

function collectRefs(expr: string, types: Set<string>, into: Set<string>): void {
  for (const m of expr.matchAll(REFERENCE)) {
    const [, type, name] = m;
    if (types.has(type!)) into.add(`${type}.${name}`);
  }
}

function providerKeyOf(raw: RawResource): string {
  const p = raw.providerKey ?? (typeof raw.values.provider === 'string' ? raw.values.provider : undefined);
  if (p) return p.replace(/^\$\{(.*)\}$/, '$1');
  return raw.type.split('_')[0]!;
}

function regionOf(
  raw: RawResource,
  key: string,
  providers: ProviderRegions,
  variables: Record<string, unknown>,
): string | null {
  // AWS provider v6 lets a resource choose its region; a plan reports it on every resource.
  const own = resolveValue(raw.values.region, variables);
  if (own !== undefined) return own;
  const configured = providers.get(key) ?? providers.get(key.split('.')[0]!);
  return configured ?? null;
}

/** A literal string, or the default of a variable it names; null when only known at apply; undefined when absent. */
export function resolveValue(v: unknown, variables: Record<string, unknown>): string | null | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') return null;
  const m = /^\$\{\s*var\.([A-Za-z0-9_-]+)\s*\}$/.exec(v);
  if (m) {
    const d = variables[m[1]!];
    return typeof d === 'string' ? d : null;
  }
  return WHOLE_EXPRESSION.test(v) || v.includes('${') ? null : v;
}

function literal(v: unknown): string | null {
  return typeof v === 'string' && !v.includes('${') ? v : null;
}

function stringMap(v: unknown): Record<string, string> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function walkStrings(v: unknown, path: string, visit: (s: string, path: string) => void): void {
  if (typeof v === 'string') visit(v, path);
  else if (Array.isArray(v)) for (const [i, x] of v.entries()) walkStrings(x, path ? `${path}.${i}` : String(i), visit);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) walkStrings(x, path ? `${path}.${k}` : k, visit);
}

/** Dotted paths of the `true` leaves of a plan's after_unknown structure. */
export function unknownPaths(v: unknown, path = '', out: string[] = []): string[] {
  if (v === true) out.push(path);
  else if (Array.isArray(v)) for (const [i, x] of v.entries()) unknownPaths(x, path ? `${path}.${i}` : String(i), out);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) unknownPaths(x, path ? `${path}.${k}` : k, out);
  return out;
}
