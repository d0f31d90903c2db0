/**
 * Values of the Terraform expression language as the evaluator holds them: JSON values (sets and
 * tuples as arrays, maps and objects as plain objects), UNKNOWN for what only apply knows, and
 * namespaces (var, local, module outputs, a resource's attributes) read one attribute at a time.
 */

/** A value only `terraform apply` knows (docs/architecture.md, "values and unknowns"). */
export const UNKNOWN: unique symbol = Symbol('unknown');
export type Unknown = typeof UNKNOWN;

/** Something read by attribute (`var.x`, `aws_s3_bucket.logs.arn`, `module.vpc.id`); not a value itself. */
export interface Namespace {
  readonly namespace: true;
  get(key: string): Value;
}

export type Value = string | number | boolean | null | Unknown | Namespace | Value[] | { [key: string]: Value };

/** An expression that cannot be evaluated (type error, unknown function): the attribute is then unknown. */
export class ExprError extends Error {}

export function isNamespace(v: unknown): v is Namespace {
  return typeof v === 'object' && v !== null && (v as Namespace).namespace === true;
}

export function isMap(v: Value): v is { [key: string]: Value } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isNamespace(v);
}

/** True when the value is or holds UNKNOWN anywhere. */
export function holdsUnknown(v: Value): boolean {
  if (v === UNKNOWN) return true;
  if (Array.isArray(v)) return v.some(holdsUnknown);
  if (isMap(v)) {
    for (const k in v) if (holdsUnknown(v[k]!)) return true;
  }
  return false;
}

/** Thrown through strict conversions when an operand is unknown; turned into UNKNOWN by the caller. */
export const UNKNOWN_SIGNAL = { unknown: true } as const;

export function checkKnown(v: Value): void {
  if (v === UNKNOWN) throw UNKNOWN_SIGNAL;
}

export function asString(v: Value): string {
  checkKnown(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) throw new ExprError('null value where a string is required');
  throw new ExprError('a string is required');
}

export function asNumber(v: Value): number {
  checkKnown(v);
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  throw new ExprError('a number is required');
}

export function asBool(v: Value): boolean {
  checkKnown(v);
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new ExprError('a bool is required');
}

export function asList(v: Value): Value[] {
  checkKnown(v);
  if (Array.isArray(v)) return v;
  throw new ExprError('a list is required');
}

export function asMap(v: Value): { [key: string]: Value } {
  checkKnown(v);
  if (isMap(v)) return v;
  throw new ExprError('a map is required');
}

/** Elements of a list or the values of a map (what `for`, splat and several functions iterate). */
export function elements(v: Value): Value[] {
  checkKnown(v);
  if (Array.isArray(v)) return v;
  if (isMap(v))
    return Object.keys(v)
      .sort()
      .map((k) => v[k]!);
  throw new ExprError('a collection is required');
}

/** Terraform's equality: same type and value, deeply. */
export function equal(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]!));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && equal(a[k]!, b[k]!));
  }
  return false;
}

/**
 * Lists that are sets (from toset): a set's elements are their own keys where Terraform iterates
 * one (a dynamic block's iterator.key), where a list's keys are its indices.
 */
export const SETS = new WeakSet<Value[]>();

export function asSet(list: Value[]): Value[] {
  SETS.add(list);
  return list;
}

/** Dedupe preserving first occurrence (toset, distinct). */
export function distinctValues(list: Value[]): Value[] {
  const out: Value[] = [];
  for (const x of list) if (!out.some((y) => equal(x, y))) out.push(x);
  return out;
}
