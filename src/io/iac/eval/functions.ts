/**
 * The built-in functions of Terraform that modules use, over evaluator values. Arguments are
 * evaluated here (try and can need them unevaluated); an unknown argument makes the result unknown
 * unless the function can tell without it (length of a list of unknowns, lookup of a known key).
 * A function not listed is not guessed: the expression is unknown.
 */
import { createHash } from 'node:crypto';
import {
  asBool,
  asList,
  asMap,
  asNumber,
  asSet,
  asString,
  checkKnown,
  distinctValues,
  elements,
  equal,
  ExprError,
  holdsUnknown,
  isMap,
  isNamespace,
  UNKNOWN,
  type Value,
} from './value.js';

type Fn = (args: Value[]) => Value;

const strictly =
  (f: Fn): Fn =>
  (args) => {
    for (const a of args) checkKnown(a);
    return f(args);
  };

const deepKnown = (v: Value): Value => {
  if (holdsUnknown(v)) checkKnown(UNKNOWN);
  return v;
};

function arity(args: Value[], min: number, max = min): void {
  if (args.length < min || args.length > max) throw new ExprError('wrong number of arguments');
}

function flatten(list: Value[]): Value[] {
  const out: Value[] = [];
  for (const x of list) {
    checkKnown(x);
    if (Array.isArray(x)) out.push(...flatten(x));
    else out.push(x);
  }
  return out;
}

/** Terraform's format verbs (%s %d %v %q %f %t %%) with width, zero-padding and left-justify flags. */
function format(spec: string, args: Value[]): string {
  let i = 0;
  return spec.replace(
    /%([-+ #0]*)(\d*)(?:\.(\d+))?([sdvqftbxXeEgGo%])/g,
    (_m, flags: string, width: string, prec: string | undefined, verb: string) => {
      if (verb === '%') return '%';
      const a = args[i++];
      if (a === undefined) throw new ExprError('too few arguments to format');
      checkKnown(a);
      let out: string;
      switch (verb) {
        case 'd':
          out = String(Math.trunc(asNumber(a)));
          break;
        case 'q':
          out = JSON.stringify(asString(a));
          break;
        case 't':
          out = String(asBool(a));
          break;
        case 'f':
          out = asNumber(a).toFixed(prec ? Number(prec) : 6);
          break;
        case 'v':
          out = typeof a === 'object' && a !== null ? JSON.stringify(deepKnown(a)) : asString(a);
          break;
        case 's':
          out = asString(a);
          break;
        default:
          throw new ExprError(`format verb %${verb} is not evaluated`);
      }
      const w = width ? Number(width) : 0;
      if (w > 4096) throw new ExprError('format width too large');
      if (out.length >= w) return out;
      if (flags.includes('-')) return out.padEnd(w);
      if (flags.includes('0') && verb !== 's')
        return out.startsWith('-') ? `-${out.slice(1).padStart(w - 1, '0')}` : out.padStart(w, '0');
      return out.padStart(w);
    },
  );
}

function digest(algorithm: string, args: Value[]): string {
  arity(args, 1);
  return createHash(algorithm).update(asString(args[0]!), 'utf8').digest('hex');
}

/** An IPv4 prefix as its network address (a number) and length; IPv6 is not evaluated (unknown). */
function cidr(s: string): { base: number; bits: number } {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(s);
  if (!m) throw new ExprError(`not an IPv4 prefix: ${s}`);
  const octets = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32) throw new ExprError(`not an IPv4 prefix: ${s}`);
  const addr = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** (32 - bits);
  return { base: Math.floor(addr / size) * size, bits };
}

function ipv4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

const FUNCTIONS: Record<string, Fn> = {
  // Collections.
  merge: (args) => {
    const out: Record<string, Value> = {};
    for (const a of args) {
      if (a === null) continue;
      Object.assign(out, asMap(a));
    }
    return out;
  },
  concat: (args) => args.flatMap((a) => asList(a)),
  lookup: (args) => {
    arity(args, 2, 3);
    const m = asMap(args[0]!);
    const k = asString(args[1]!);
    if (Object.hasOwn(m, k)) return m[k]!;
    if (args.length === 3) return args[2]!;
    throw new ExprError(`lookup: no key ${k}`);
  },
  coalesce: (args) => {
    for (const a of args) {
      checkKnown(a);
      if (a !== null && a !== '') return a;
    }
    throw new ExprError('coalesce: no non-null argument');
  },
  coalescelist: (args) => {
    for (const a of args) if (asList(a).length > 0) return a;
    throw new ExprError('coalescelist: no non-empty argument');
  },
  tomap: (args) => {
    arity(args, 1);
    return asMap(args[0]!);
  },
  tolist: (args) => {
    arity(args, 1);
    return asList(args[0]!);
  },
  toset: (args) => {
    arity(args, 1);
    return asSet(distinctValues(asList(args[0]!).map(deepKnown)));
  },
  distinct: (args) => {
    arity(args, 1);
    return distinctValues(asList(args[0]!).map(deepKnown));
  },
  length: (args) => {
    arity(args, 1);
    const v = args[0]!;
    checkKnown(v);
    if (typeof v === 'string') return [...v].length;
    if (Array.isArray(v)) return v.length;
    if (isMap(v)) return Object.keys(v).length;
    throw new ExprError('length of a value that is not a collection');
  },
  keys: (args) => {
    arity(args, 1);
    return Object.keys(asMap(args[0]!)).sort();
  },
  values: (args) => {
    arity(args, 1);
    return elements(asMap(args[0]!));
  },
  element: (args) => {
    arity(args, 2);
    const list = asList(args[0]!);
    if (list.length === 0) throw new ExprError('element of an empty list');
    const i = Math.trunc(asNumber(args[1]!));
    return list[((i % list.length) + list.length) % list.length]!;
  },
  contains: (args) => {
    arity(args, 2);
    const list = asList(args[0]!);
    const x = deepKnown(args[1]!);
    if (list.some((y) => y !== UNKNOWN && equal(y, x))) return true;
    return list.some(holdsUnknown) ? UNKNOWN : false;
  },
  flatten: (args) => {
    arity(args, 1);
    return flatten(asList(args[0]!));
  },
  zipmap: (args) => {
    arity(args, 2);
    const ks = asList(args[0]!);
    const vs = asList(args[1]!);
    if (ks.length !== vs.length) throw new ExprError('zipmap: lists of different lengths');
    return Object.fromEntries(ks.map((k, i) => [asString(k), vs[i]!]));
  },
  slice: (args) => {
    arity(args, 3);
    return asList(args[0]!).slice(asNumber(args[1]!), asNumber(args[2]!));
  },
  compact: (args) => {
    arity(args, 1);
    return asList(args[0]!).filter((x) => {
      checkKnown(x);
      return x !== null && x !== '';
    });
  },
  one: (args) => {
    arity(args, 1);
    const list = asList(args[0]!);
    if (list.length > 1) throw new ExprError('one: more than one element');
    return list[0] ?? null;
  },
  range: strictly((args) => {
    arity(args, 1, 3);
    const [start, end, step] =
      args.length === 1 ? [0, asNumber(args[0]!), 1] : [asNumber(args[0]!), asNumber(args[1]!), asNumber(args[2] ?? 1)];
    if (step === 0) throw new ExprError('range: step 0');
    const out: number[] = [];
    for (let x = start; step > 0 ? x < end : x > end; x += step) {
      out.push(x);
      if (out.length > 1024) throw new ExprError('range too long');
    }
    return out;
  }),
  // Strings.
  format: (args) => {
    if (args.length === 0) throw new ExprError('format without a format');
    return format(asString(args[0]!), args.slice(1));
  },
  join: (args) => {
    arity(args, 2);
    const sep = asString(args[0]!);
    return asList(args[1]!).map(asString).join(sep);
  },
  split: (args) => {
    arity(args, 2);
    const s = asString(args[1]!);
    return s === '' ? [] : s.split(asString(args[0]!));
  },
  lower: (args) => {
    arity(args, 1);
    return asString(args[0]!).toLowerCase();
  },
  upper: (args) => {
    arity(args, 1);
    return asString(args[0]!).toUpperCase();
  },
  replace: (args) => {
    arity(args, 3);
    const s = asString(args[0]!);
    const search = asString(args[1]!);
    const by = asString(args[2]!);
    const re = /^\/(.*)\/$/s.exec(search);
    if (re) return s.replace(new RegExp(re[1]!, 'g'), by.replace(/\$\{(\d+)\}/g, '$$$1'));
    return s.split(search).join(by);
  },
  trimspace: (args) => {
    arity(args, 1);
    return asString(args[0]!).trim();
  },
  substr: (args) => {
    arity(args, 3);
    const chars = [...asString(args[0]!)];
    const offset = asNumber(args[1]!);
    const len = asNumber(args[2]!);
    const start = offset < 0 ? chars.length + offset : offset;
    return chars.slice(start, len < 0 ? undefined : start + len).join('');
  },
  startswith: (args) => {
    arity(args, 2);
    return asString(args[0]!).startsWith(asString(args[1]!));
  },
  endswith: (args) => {
    arity(args, 2);
    return asString(args[0]!).endsWith(asString(args[1]!));
  },
  tostring: (args) => {
    arity(args, 1);
    return args[0] === null ? null : asString(args[0]!);
  },
  tonumber: (args) => {
    arity(args, 1);
    return args[0] === null ? null : asNumber(args[0]!);
  },
  tobool: (args) => {
    arity(args, 1);
    return args[0] === null ? null : asBool(args[0]!);
  },
  jsonencode: (args) => {
    arity(args, 1);
    return JSON.stringify(deepKnown(args[0]!));
  },
  jsondecode: (args) => {
    arity(args, 1);
    try {
      return JSON.parse(asString(args[0]!)) as Value;
    } catch {
      throw new ExprError('jsondecode: not JSON');
    }
  },
  trimprefix: (args) => {
    arity(args, 2);
    const s = asString(args[0]!);
    const p = asString(args[1]!);
    return p && s.startsWith(p) ? s.slice(p.length) : s;
  },
  trimsuffix: (args) => {
    arity(args, 2);
    const s = asString(args[0]!);
    const p = asString(args[1]!);
    return p && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
  },
  trim: (args) => {
    arity(args, 2);
    const cut = new Set(asString(args[1]!));
    const chars = [...asString(args[0]!)];
    let a = 0;
    let b = chars.length;
    while (a < b && cut.has(chars[a]!)) a++;
    while (b > a && cut.has(chars[b - 1]!)) b--;
    return chars.slice(a, b).join('');
  },
  chomp: (args) => {
    arity(args, 1);
    return asString(args[0]!).replace(/(\r\n|\n|\r)+$/, '');
  },
  title: (args) => {
    arity(args, 1);
    return asString(args[0]!).replace(/(^|[^\p{L}\p{N}])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
  },
  strrev: (args) => {
    arity(args, 1);
    return [...asString(args[0]!)].reverse().join('');
  },
  formatlist: (args) => {
    if (args.length === 0) throw new ExprError('formatlist without a format');
    const spec = asString(args[0]!);
    const rest = args.slice(1);
    const lists = rest.filter(Array.isArray);
    const n = lists.length > 0 ? lists[0]!.length : 1;
    if (lists.some((l) => l.length !== n)) throw new ExprError('formatlist: lists of different lengths');
    return Array.from({ length: n }, (_, i) =>
      format(
        spec,
        rest.map((a) => (Array.isArray(a) ? a[i]! : a)),
      ),
    );
  },
  base64encode: (args) => {
    arity(args, 1);
    return Buffer.from(asString(args[0]!), 'utf8').toString('base64');
  },
  base64decode: (args) => {
    arity(args, 1);
    return Buffer.from(asString(args[0]!), 'base64').toString('utf8');
  },
  md5: (args) => digest('md5', args),
  sha1: (args) => digest('sha1', args),
  sha256: (args) => digest('sha256', args),
  // Collections (more).
  sort: (args) => {
    arity(args, 1);
    return asList(args[0]!)
      .map(asString)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  },
  reverse: (args) => {
    arity(args, 1);
    return [...asList(args[0]!)].reverse();
  },
  index: (args) => {
    arity(args, 2);
    const list = asList(args[0]!).map(deepKnown);
    const i = list.findIndex((x) => equal(x, deepKnown(args[1]!)));
    if (i < 0) throw new ExprError('index: not in the list');
    return i;
  },
  setunion: (args) => asSet(distinctValues(args.flatMap((a) => asList(a).map(deepKnown)))),
  setintersection: (args) => {
    const [first, ...rest] = args.map((a) => asList(a).map(deepKnown));
    return asSet(distinctValues((first ?? []).filter((x) => rest.every((l) => l.some((y) => equal(x, y))))));
  },
  setsubtract: (args) => {
    arity(args, 2);
    const b = asList(args[1]!).map(deepKnown);
    return asSet(
      distinctValues(
        asList(args[0]!)
          .map(deepKnown)
          .filter((x) => !b.some((y) => equal(x, y))),
      ),
    );
  },
  chunklist: (args) => {
    arity(args, 2);
    const list = asList(args[0]!);
    const size = asNumber(args[1]!);
    if (size < 0 || !Number.isInteger(size)) throw new ExprError('chunklist: bad size');
    if (size === 0) return [list];
    const out: Value[] = [];
    for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
    return out;
  },
  sum: (args) => {
    arity(args, 1);
    const list = asList(args[0]!);
    if (list.length === 0) throw new ExprError('sum of an empty list');
    return list.reduce<number>((a, x) => a + asNumber(x), 0);
  },
  alltrue: (args) => {
    arity(args, 1);
    return asList(args[0]!).every((x) => asBool(x));
  },
  anytrue: (args) => {
    arity(args, 1);
    return asList(args[0]!).some((x) => asBool(x));
  },
  // Networks (IPv4).
  cidrsubnet: (args) => {
    arity(args, 3);
    const { base, bits } = cidr(asString(args[0]!));
    const newbits = asNumber(args[1]!);
    const num = asNumber(args[2]!);
    const len = bits + newbits;
    if (
      !Number.isInteger(newbits) ||
      newbits < 0 ||
      len > 32 ||
      !Number.isInteger(num) ||
      num < 0 ||
      num >= 2 ** newbits
    )
      throw new ExprError('cidrsubnet: out of range');
    return `${ipv4(base + num * 2 ** (32 - len))}/${len}`;
  },
  cidrhost: (args) => {
    arity(args, 2);
    const { base, bits } = cidr(asString(args[0]!));
    const n = asNumber(args[1]!);
    const size = 2 ** (32 - bits);
    const host = n < 0 ? size + n : n;
    if (!Number.isInteger(host) || host < 0 || host >= size) throw new ExprError('cidrhost: out of range');
    return ipv4(base + host);
  },
  // Numbers.
  max: (args) => Math.max(...args.map(asNumber)),
  min: (args) => Math.min(...args.map(asNumber)),
  abs: (args) => Math.abs(asNumber(args[0]!)),
  ceil: (args) => Math.ceil(asNumber(args[0]!)),
  floor: (args) => Math.floor(asNumber(args[0]!)),
};

/**
 * Calls a function by name; each argument is evaluated when the function asks for it (try and
 * can see its error), unknown as UNKNOWN. `f(xs...)` expands the last one.
 */
export function callFunction(name: string, argNodes: Array<() => Value>, expand: boolean): Value {
  if (name === 'try') {
    for (const a of argNodes) {
      try {
        return a();
      } catch (e) {
        if (!(e instanceof ExprError)) throw e;
      }
    }
    throw new ExprError('try: no argument could be evaluated');
  }
  if (name === 'can') {
    if (argNodes.length !== 1) throw new ExprError('can takes one argument');
    try {
      const v = argNodes[0]!();
      return v === UNKNOWN ? UNKNOWN : true;
    } catch (e) {
      if (e instanceof ExprError) return false;
      throw e;
    }
  }
  const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!fn) throw new ExprError(`function ${name} is not evaluated`);
  const args = argNodes.map((a) => a());
  if (expand) {
    const last = args.pop()!;
    checkKnown(last);
    args.push(...asList(last));
  }
  if (args.some(isNamespace)) throw new ExprError('a namespace is not a value');
  // A wholly unknown argument makes the result unknown, except where the function handles it.
  if (!PARTIAL.has(name)) for (const a of args) checkKnown(a);
  return fn(args);
}

/** Functions that decide for themselves what an unknown argument means. */
const PARTIAL = new Set(['coalesce', 'contains']);

/** Names of the functions evaluated (for the documentation and its test). */
export const FUNCTION_NAMES = [...Object.keys(FUNCTIONS), 'try', 'can'].sort();
