/**
 * Evaluates a Terraform root module and the modules it calls, the way Terraform reads them before
 * apply: variables (with the values given for the root), locals, module inputs and outputs,
 * `count`/`for_each` instances and `dynamic` blocks. Names are evaluated on demand and memoised,
 * so the order in which locals and modules refer to each other does not matter (what Trivy reaches
 * by re-evaluating until nothing changes, bounded at 32 passes, this reaches in one); a name that
 * refers back to itself is unknown. Every resource instance records the resources its values refer
 * to, through locals, variables and module outputs as well as directly.
 */
import type { IacUnevaluated, IacUnevaluatedReason, Location } from '../../../model/iac.js';
import type { ProviderRegions, RawResource } from '../normalise.js';
import { regionAttribute } from '../../../util/assets.js';
import { body as blockBody, isObj, labelled, localsOf, type Obj, typedBlocks } from './config.js';
import {
  evalConfigValue,
  evaluate,
  FOR_BUDGET,
  isTemplate,
  parseTemplate,
  type Scope,
  withNames,
} from './expressions.js';
import { ExprError, isMap, isNamespace, type Namespace, SETS, UNKNOWN, type Value } from './value.js';

/** A module directory read and parsed, with the modules it calls resolved (src/io/iac/eval/load-modules.ts). */
export interface LoadedModule {
  /** The directory as reports name it; `path.module`. */
  dir: string;
  config: Obj;
  /** Where resource blocks (`type.name`) of this module are written, for those asked for. */
  locate(typeNames: string[]): Map<string, Location>;
  calls: Map<string, ModuleCall>;
}

export interface ModuleCall {
  source: string;
  location?: Location;
  module?: LoadedModule;
  /** Why the called module is not evaluated (not installed, not found, source not readable). */
  unavailable?: { reason: IacUnevaluatedReason; detail: string };
}

export interface Evaluated {
  raws: RawResource[];
  providers: ProviderRegions;
  unevaluated: IacUnevaluated[];
}

/** Attributes that are not the resource's configuration (meta-arguments), kept out of its values. */
const META = new Set(['count', 'for_each', 'provider', '//']);
/** Meta-arguments kept as written: their expressions name things, they do not compute values. */
const RAW_KEYS = new Set(['lifecycle', 'depends_on', 'provisioner', 'connection']);
/** Module call attributes that are not inputs. */
const CALL_META = new Set(['source', 'version', 'providers', 'count', 'for_each', 'depends_on']);

/** How deep names may lead to other names (local → local → module output …) before the rest is unknown. */
const MAX_NAME_DEPTH = 400;
/** Instances of one block expanded, at most. */
const MAX_INSTANCES = 10_000;

interface Tracked {
  value: Value;
  refs: Set<string>;
}
const BUSY = Symbol('busy');

/** What the evaluation of a whole root shares: who refers to what, what could not be evaluated. */
class Run {
  private collectors: Array<Set<string>> = [];
  unevaluated: IacUnevaluated[] = [];
  readonly budget = { left: FOR_BUDGET };

  track(f: () => Value): Tracked {
    const refs = new Set<string>();
    // Names that lead to names a thousand deep (hostile or generated code) are not followed to the end.
    if (this.collectors.length > MAX_NAME_DEPTH) return { value: UNKNOWN, refs };
    this.collectors.push(refs);
    try {
      return { value: f(), refs };
    } finally {
      this.collectors.pop();
    }
  }

  use(refs: Iterable<string>): void {
    const top = this.collectors.at(-1);
    if (top) for (const r of refs) top.add(r);
  }

  ref(address: string): void {
    this.collectors.at(-1)?.add(address);
  }
}

interface Instance {
  address: string;
  /** The for_each key of this instance. */
  key?: string;
  type: string;
  name: string;
  values: Value;
  raw: Obj;
  refs: Set<string>;
  providerKey: string;
  constructPath?: string;
  moduleCall?: string;
}

/** One expansion of a block: its address suffix and the names (count, each) it adds. */
interface Expansion {
  suffix: string;
  key?: string;
  names: Record<string, Value>;
}

const ns = (get: (key: string) => Value): Namespace => ({ namespace: true, get });

class ModuleEval {
  private readonly memo = new Map<string, Tracked | typeof BUSY>();
  private readonly variables: Map<string, Obj>;
  private readonly locals: Map<string, unknown>;
  private readonly outputs: Map<string, Obj>;
  private readonly resources = new Map<string, { type: string; name: string; body: Obj }>();
  private readonly instanceMemo = new Map<string, Instance[] | typeof BUSY>();
  /** Resources whose count or for_each is unknown (one instance, keyed by nothing). */
  private readonly unknownExpansion = new Set<string>();
  private readonly childMemo = new Map<
    string,
    Array<{ suffix: string; key?: string; child: ModuleEval }> | typeof BUSY
  >();
  readonly scope: Scope;
  private readonly varNs: Namespace;
  private readonly localNs: Namespace;
  private readonly moduleNs: Namespace;
  private readonly pathValue: Value;

  constructor(
    private readonly run: Run,
    readonly mod: LoadedModule,
    readonly prefix: string,
    /** A variable's value as given (root: tfvars, --var…; a called module: its call's argument). */
    private readonly input: (name: string) => Value | undefined,
    private readonly providerOf: (key: string) => string,
    rootDir: string,
    /** Where the root module calls this module (its resources' findings name it); undefined for the root. */
    private readonly callSite?: string,
  ) {
    this.variables = labelled(mod.config, 'variable');
    this.locals = localsOf(mod.config);
    this.outputs = labelled(mod.config, 'output');
    for (const r of typedBlocks(mod.config, 'resource')) {
      const key = `${r.type}.${r.name}`;
      if (!this.resources.has(key)) this.resources.set(key, r);
    }
    this.varNs = ns((k) => this.variable(k));
    this.localNs = ns((k) => this.local(k));
    this.moduleNs = ns((k) => this.moduleValue(k));
    this.pathValue = { module: mod.dir, root: rootDir, cwd: '.' };
    this.scope = { root: (n) => this.root(n), budget: run.budget };
  }

  private memoised(key: string, compute: () => Value): Value {
    const m = this.memo.get(key);
    if (m === BUSY) return UNKNOWN;
    if (m) {
      this.run.use(m.refs);
      return m.value;
    }
    this.memo.set(key, BUSY);
    const t = this.run.track(compute);
    this.memo.set(key, t);
    this.run.use(t.refs);
    return t.value;
  }

  private root(name: string): Value {
    switch (name) {
      case 'var':
        return this.varNs;
      case 'local':
        return this.localNs;
      case 'module':
        return this.moduleNs;
      case 'data':
        return DATA;
      case 'path':
        return this.pathValue;
      case 'terraform':
        return { workspace: 'default' };
      default: {
        const prefix = `${name}.`;
        // A resource type of this module: `aws_s3_bucket.logs` refers to that resource.
        return ns((n) => {
          const key = `${prefix}${n}`;
          if (!this.resources.has(key)) throw new ExprError(`no resource ${key}`);
          return this.resourceValue(key);
        });
      }
    }
  }

  private variable(name: string): Value {
    const decl = this.variables.get(name);
    if (!decl) throw new ExprError(`no variable ${name}`);
    return this.memoised(`var.${name}`, () => {
      const given = this.input(name);
      // A null argument is null, unless the variable is declared `nullable = false` (then its default).
      if (given !== undefined && (given !== null || decl.nullable !== false)) return convert(given, decl.type);
      if ('default' in decl) return convert(evalConfigValue(decl.default, constants(this.run.budget)), decl.type);
      return UNKNOWN;
    });
  }

  private local(name: string): Value {
    if (!this.locals.has(name)) throw new ExprError(`no local ${name}`);
    return this.memoised(`local.${name}`, () => evalConfigValue(this.locals.get(name), this.scope));
  }

  private output(name: string): Value {
    const decl = this.outputs.get(name);
    if (!decl) throw new ExprError(`no output ${name}`);
    return this.memoised(`output.${name}`, () => evalConfigValue(decl.value, this.scope));
  }

  /** `type.name` as other expressions see it: one instance, a list (count) or a map (for_each). */
  private resourceValue(key: string): Value {
    const r = this.resources.get(key)!;
    const insts = this.instances(key);
    if (insts === undefined) return UNKNOWN;
    // Reading an instance's attribute refers to that instance (not to every instance of the resource).
    const one = (i: Instance) =>
      ns((attr) => {
        this.run.ref(i.address);
        return isMap(i.values) && Object.hasOwn(i.values, attr) ? i.values[attr]! : UNKNOWN;
      });
    if (this.unknownExpansion.has(key)) {
      this.run.ref(insts[0]?.address ?? `${this.prefix}${key}`);
      return UNKNOWN;
    }
    if ('count' in r.body) return insts.map(one);
    if ('for_each' in r.body) {
      const out: Record<string, Value> = {};
      for (const i of insts) if (i.key !== undefined) out[i.key] = one(i);
      return out;
    }
    return insts[0] ? one(insts[0]) : UNKNOWN;
  }

  /** The expansions of a block with count or for_each (one, unknown-keyed, when the collection is unknown). */
  private expansions(
    address: string,
    b: Obj,
    metaRefs: Set<string>,
    location?: () => Location | undefined,
    /** Only asking: an unknown collection is not listed. */
    quiet = false,
  ): Expansion[] | 'unknown' {
    if ('count' in b) {
      const t = this.run.track(() => evalConfigValue(b.count, this.scope));
      for (const r of t.refs) metaRefs.add(r);
      // More instances than any real configuration has (count = 1e9) are not expanded: one, unknown-keyed.
      if (t.value === UNKNOWN || typeof t.value !== 'number' || t.value > MAX_INSTANCES) {
        if (!quiet) this.unknownCollection(address, b.count, location);
        return 'unknown';
      }
      return Array.from({ length: Math.max(0, Math.trunc(t.value)) }, (_, i) => ({
        suffix: `[${i}]`,
        names: { count: { index: i } },
      }));
    }
    if ('for_each' in b) {
      const t = this.run.track(() => evalConfigValue(b.for_each, this.scope));
      for (const r of t.refs) metaRefs.add(r);
      const v = t.value;
      let pairs: Array<[string, Value]> | undefined;
      if (isMap(v))
        pairs = Object.keys(v)
          .sort()
          .map((k) => [k, v[k]!]);
      else if (Array.isArray(v) && v.every((x) => typeof x === 'string'))
        pairs = [...new Set(v as string[])].sort().map((k) => [k, k]);
      if (!pairs) {
        if (!quiet) this.unknownCollection(address, b.for_each, location);
        return 'unknown';
      }
      return pairs.map(([k, val]) => ({
        suffix: `[${JSON.stringify(k)}]`,
        key: k,
        names: { each: { key: k, value: val } },
      }));
    }
    return [{ suffix: '', names: {} }];
  }

  private unknownCollection(address: string, expr: unknown, locate?: () => Location | undefined): void {
    const location = locate?.();
    this.run.unevaluated.push({
      address,
      reason: 'collection-unknown',
      detail: typeof expr === 'string' ? expr : JSON.stringify(expr),
      ...(location ? { location } : {}),
    });
  }

  /** The instances of a resource; undefined while it is being evaluated (a reference cycle). */
  instances(key: string): Instance[] | undefined {
    const m = this.instanceMemo.get(key);
    if (m === BUSY) return undefined;
    if (m) return m;
    this.instanceMemo.set(key, BUSY);
    const r = this.resources.get(key)!;
    const base = `${this.prefix}${key}`;
    const metaRefs = new Set<string>();
    const ex = this.expansions(base, r.body, metaRefs, () => this.mod.locate([key]).get(key));
    if (ex === 'unknown') this.unknownExpansion.add(key);
    const list: Expansion[] = ex === 'unknown' ? [{ suffix: '', names: unknownNames(r.body) }] : ex;
    const { '//': meta, provider } = r.body;
    const constructPath =
      isObj(meta) && isObj(meta.metadata) && typeof meta.metadata.path === 'string' ? meta.metadata.path : undefined;
    const ownKey = typeof provider === 'string' ? provider.replace(/^\$\{(.*)\}$/, '$1') : r.type.split('_')[0]!;
    const out: Instance[] = list.map((e) => {
      const scope = e.suffix || ex === 'unknown' ? withNames(this.scope, e.names) : this.scope;
      const t = this.run.track(() => evalBody(r.body, scope, META));
      for (const x of metaRefs) t.refs.add(x);
      return {
        address: `${base}${e.suffix}`,
        ...('key' in e && e.key !== undefined ? { key: e.key } : {}),
        type: r.type,
        name: r.name,
        values: t.value,
        raw: r.body,
        refs: t.refs,
        providerKey: this.providerOf(ownKey),
        ...(constructPath ? { constructPath } : {}),
        ...(this.callSite ? { moduleCall: this.callSite } : {}),
      };
    });
    this.instanceMemo.set(key, out);
    return out;
  }

  /** The instances of a module call, each a module evaluated with the call's arguments as its inputs. */
  private children(name: string): Array<{ suffix: string; key?: string; child: ModuleEval }> {
    const m = this.childMemo.get(name);
    if (m === BUSY) return [];
    if (m) return m;
    this.childMemo.set(name, BUSY);
    const call = this.mod.calls.get(name);
    const b = blockBody(labelled(this.mod.config, 'module').get(name)) ?? {};
    let out: Array<{ suffix: string; key?: string; child: ModuleEval }> = [];
    if (call?.module) {
      const address = `${this.prefix}module.${name}`;
      const ex = this.expansions(address, b, new Set(), () => call.location);
      const list: Expansion[] = ex === 'unknown' ? [{ suffix: '', names: unknownNames(b) }] : ex;
      const explicit = new Map<string, string>();
      if (isObj(b.providers))
        for (const [k, v] of Object.entries(isObj(b.providers) ? b.providers : {}))
          if (typeof v === 'string') explicit.set(k, this.providerOf(v.replace(/^\$\{(.*)\}$/, '$1')));
      out = list.map((e) => {
        const scope = e.suffix || ex === 'unknown' ? withNames(this.scope, e.names) : this.scope;
        const child = new ModuleEval(
          this.run,
          call.module!,
          `${address}${e.suffix}.`,
          (input) => (input in b && !CALL_META.has(input) ? evalConfigValue(b[input], scope) : undefined),
          (key) => explicit.get(key) ?? this.providerOf(key),
          (this.pathValue as Record<string, string>).root!,
          this.callSite ??
            (call.location ? `${call.location.file}:${call.location.line}:${call.location.column}` : undefined),
        );
        return { suffix: e.suffix, ...('key' in e && e.key !== undefined ? { key: e.key } : {}), child };
      });
    }
    this.childMemo.set(name, out);
    return out;
  }

  private moduleValue(name: string): Value {
    const call = this.mod.calls.get(name);
    if (!call) throw new ExprError(`no module ${name}`);
    if (!call.module) return UNKNOWN;
    const b = blockBody(labelled(this.mod.config, 'module').get(name)) ?? {};
    const kids = this.children(name);
    const outputs = (c: ModuleEval) => ns((o) => c.output(o));
    if ('count' in b) return kids.map((k) => outputs(k.child));
    if ('for_each' in b) {
      const out: Record<string, Value> = {};
      for (const k of kids) if (k.key !== undefined) out[k.key] = outputs(k.child);
      return out;
    }
    return kids[0] ? outputs(kids[0].child) : UNKNOWN;
  }

  private callMakesNothing(name: string): boolean {
    const b = blockBody(labelled(this.mod.config, 'module').get(name)) ?? {};
    if (!('count' in b) && !('for_each' in b)) return false;
    const ex = this.expansions(`${this.prefix}module.${name}`, b, new Set(), undefined, true);
    return ex !== 'unknown' && ex.length === 0;
  }

  /** Every resource instance of this module and the modules it calls. */
  collect(into: Instance[]): void {
    for (const key of this.resources.keys()) into.push(...(this.instances(key) ?? []));
    for (const [name, call] of this.mod.calls) {
      if (call.unavailable) {
        // count = 0 or an empty for_each: the call makes nothing, read or not.
        if (this.callMakesNothing(name)) continue;
        this.run.unevaluated.push({
          address: `${this.prefix}module.${name}`,
          reason: call.unavailable.reason,
          detail: call.unavailable.detail,
          ...(call.location ? { location: call.location } : {}),
        });
        continue;
      }
      for (const { child } of this.children(name)) child.collect(into);
    }
  }
}

/**
 * A value converted to a variable's primitive type, as Terraform converts it (`"7"` for a number is
 * 7, `true` for a string is "true"); other types and values that do not convert are left as given.
 */
function convert(v: Value, type: unknown): Value {
  const t = typeof type === 'string' ? type.replace(/^\$\{(.*)\}$/s, '$1').trim() : undefined;
  if (t === 'number' && typeof v === 'string' && /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(v)) return Number(v);
  if (t === 'bool' && (v === 'true' || v === 'false')) return v === 'true';
  if (t === 'string' && (typeof v === 'number' || typeof v === 'boolean')) return String(v);
  return v;
}

/** Where a variable's default is evaluated: it may name nothing (Terraform refuses references there). */
const constants = (budget: { left: number }): Scope => ({
  root: (n) => {
    throw new ExprError(`${n} is not available here`);
  },
  budget,
});
const UNKNOWN_EACH: Value = { key: UNKNOWN, value: UNKNOWN };
/** The one instance of a block whose count or for_each is unknown: its index or key is unknown too. */
const unknownNames = (b: Obj): Record<string, Value> =>
  'count' in b ? { count: { index: UNKNOWN } } : { each: UNKNOWN_EACH };
// Data sources are read at plan time from the provider: unknown here.
const DATA: Namespace = ns(() => ns(() => ns(() => UNKNOWN)));

/** What a resource's values stand in for in the source, for materialize(): generated dynamic blocks. */
const SOURCE = new WeakMap<object, unknown>();

/**
 * A block body with its expressions evaluated and its `dynamic` blocks generated. Returns the
 * body itself when nothing in it needed evaluating (most literal-only resources).
 */
function evalBody(b: Obj, scope: Scope, skip?: Set<string>): Value {
  let out: Record<string, Value> | undefined;
  let source: Obj | undefined;
  const keys = Object.keys(b);
  for (const k of keys) {
    const v = b[k];
    let e: Value;
    if (skip?.has(k)) {
      e = undefined as unknown as Value;
    } else if (RAW_KEYS.has(k)) e = v as Value;
    else if (k === 'dynamic') {
      out ??= copyUpTo(b, keys, k, skip);
      source ??= { ...b };
      for (const [name, gen, src] of dynamicBlocks(v, scope)) {
        const prev = out[name];
        const prevSrc = source[name];
        if (gen === UNKNOWN || prev === UNKNOWN) {
          out[name] = UNKNOWN;
          source[name] = src;
        } else {
          out[name] = [...(Array.isArray(prev) ? prev : prev === undefined ? [] : [prev]), ...(gen as Value[])];
          source[name] = [
            ...(Array.isArray(prevSrc) ? prevSrc : prevSrc === undefined ? [] : [prevSrc]),
            ...(src as unknown[]),
          ];
        }
      }
      continue;
    } else e = evalValue(v, scope);
    if (out) {
      if (!skip?.has(k)) out[k] = e;
    } else if (e !== v || skip?.has(k)) {
      out = copyUpTo(b, keys, k, skip);
      if (!skip?.has(k)) out[k] = e;
    }
  }
  if (!out) return b as Value;
  if (source) SOURCE.set(out, source);
  return out;
}

function copyUpTo(b: Obj, keys: string[], stop: string, skip?: Set<string>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const k of keys) {
    if (k === stop) break;
    if (!skip?.has(k) && k !== 'dynamic') out[k] = b[k] as Value;
  }
  return out;
}

/** A configuration value: strings evaluated, nested blocks (lists of objects, objects) walked for `dynamic`. */
function evalValue(v: unknown, scope: Scope): Value {
  if (typeof v === 'string') return isTemplate(v) ? evaluate(parseTemplate(v), scope) : v;
  if (Array.isArray(v)) {
    let out: Value[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const e = evalValue(v[i], scope);
      if (out) out.push(e);
      else if (e !== v[i]) {
        out = v.slice(0, i) as Value[];
        out.push(e);
      }
    }
    return (out ?? v) as Value;
  }
  if (isObj(v)) {
    // An object key may itself be an expression (`(var.k) = 1` is written "${(var.k)}").
    if (Object.keys(v).some(isTemplate)) return evalConfigValue(v, scope);
    return evalBody(v, scope);
  }
  return v as Value;
}

/** The blocks a `dynamic "name" { for_each, iterator, content }` generates: [name, blocks | UNKNOWN, source]. */
function dynamicBlocks(v: unknown, scope: Scope): Array<[string, Value, unknown]> {
  const out: Array<[string, Value, unknown]> = [];
  for (const o of Array.isArray(v) ? v : [v]) {
    if (!isObj(o)) continue;
    for (const [name, specs] of Object.entries(o)) {
      for (const spec of Array.isArray(specs) ? specs : [specs]) {
        if (!isObj(spec)) continue;
        const content = blockBody(spec.content) ?? {};
        const iterator = typeof spec.iterator === 'string' ? spec.iterator.replace(/^\$\{(.*)\}$/, '$1') : name;
        const coll = evalConfigValue(spec.for_each, scope);
        if (coll === UNKNOWN || (!Array.isArray(coll) && !isMap(coll))) {
          out.push([name, UNKNOWN, spec.for_each]);
          continue;
        }
        const pairs: Array<[Value, Value]> = Array.isArray(coll)
          ? coll.map((x, i) => [SETS.has(coll) ? x : i, x])
          : Object.keys(coll)
              .sort()
              .map((k) => [k, coll[k]!]);
        // A set's key is its value (Terraform): lists from toset() are written as sets here too.
        const blocks = pairs.map(([key, value]) => evalBody(content, withNames(scope, { [iterator]: { key, value } })));
        out.push([name, blocks, pairs.map(() => content)]);
      }
    }
  }
  return out;
}

/**
 * An evaluated value as the policies receive it: UNKNOWN (and namespaces, which only apply can turn
 * into values) become the source text at that path, listed in `unknown` as a dotted path.
 */
function materialize(v: Value, raw: unknown, path: string, unknown: string[]): unknown {
  if (v === raw && !(typeof v === 'string' && isTemplate(v))) return v;
  if (v === UNKNOWN || isNamespace(v)) {
    unknown.push(path);
    return typeof raw === 'string' ? raw : raw === undefined ? undefined : null;
  }
  if (Array.isArray(v)) {
    const src = SOURCE.get(v) ?? raw;
    return v.map((x, i) => {
      const r = Array.isArray(src) ? src[i] : typeof src === 'string' ? src : undefined;
      const m = materialize(x, r, path ? `${path}.${i}` : String(i), unknown);
      return m === undefined ? null : m;
    });
  }
  if (isMap(v)) {
    const src = SOURCE.get(v) ?? raw;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      const r = isObj(src) ? src[k] : typeof src === 'string' ? src : undefined;
      const m = materialize(v[k]!, r, path ? `${path}.${k}` : k, unknown);
      if (m !== undefined) out[k] = m;
    }
    return out;
  }
  return v;
}

/**
 * Evaluates a root module: every resource instance, with its values, unknown paths and references,
 * the root's provider regions, and what could not be evaluated.
 */
export function evaluateRoot(root: LoadedModule, inputs: Map<string, Value>): Evaluated {
  const run = new Run();
  const top = new ModuleEval(
    run,
    root,
    '',
    (n) => inputs.get(n),
    (k) => k,
    root.dir,
  );
  const instances: Instance[] = [];
  top.collect(instances);

  const providers: ProviderRegions = new Map();
  for (const o of labelledProviders(root.config)) {
    const key = typeof o.body.alias === 'string' ? `${o.name}.${o.body.alias}` : o.name;
    const attribute = regionAttribute(o.name);
    if (!(attribute in o.body)) providers.set(key, undefined);
    else {
      const r = evalConfigValue(o.body[attribute], top.scope);
      providers.set(key, typeof r === 'string' ? r : null);
    }
  }

  // A reference names a resource without its key (aws_s3_bucket.logs): it refers to every instance.
  const byBase = new Map<string, string[]>();
  const addresses = new Set(instances.map((i) => i.address));
  for (const i of instances) {
    const base = i.address.endsWith(']') ? i.address.slice(0, i.address.lastIndexOf('[')) : i.address;
    const list = byBase.get(base);
    if (list) list.push(i.address);
    else byBase.set(base, [i.address]);
  }
  const raws: RawResource[] = instances.map((i) => {
    const unknown: string[] = [];
    const values = (materialize(i.values, i.raw, '', unknown) ?? {}) as Record<string, unknown>;
    const refs = new Set<string>();
    for (const r of i.refs)
      for (const a of addresses.has(r) ? [r] : (byBase.get(r) ?? [])) if (a !== i.address) refs.add(a);
    return {
      address: i.address,
      type: i.type,
      name: i.name,
      providerKey: i.providerKey,
      values,
      unknown,
      refs: [...refs],
      evaluated: true,
      ...(i.constructPath ? { constructPath: i.constructPath } : {}),
      ...(i.moduleCall ? { moduleCall: i.moduleCall } : {}),
    };
  });
  return { raws, providers, unevaluated: run.unevaluated };
}

function labelledProviders(config: Obj): Array<{ name: string; body: Obj }> {
  const out: Array<{ name: string; body: Obj }> = [];
  const all = config.provider;
  for (const o of Array.isArray(all) ? all.flat(2) : [all]) {
    if (!isObj(o)) continue;
    for (const [name, bodies] of Object.entries(o))
      for (const b of Array.isArray(bodies) ? bodies : [bodies]) if (isObj(b)) out.push({ name, body: b });
  }
  return out;
}
