import { CORE_SCHEMA, load, type State } from 'js-yaml';

/** Where each value of a parsed file starts, as character offsets; enough to answer locate(). */
export type PosNode =
  | { kind: 'map'; start: number; keys: string[]; keyStarts: number[]; values: PosNode[] }
  | { kind: 'seq'; start: number; items: PosNode[] }
  | { kind: 'scalar'; start: number };

class NotFast extends Error {}

/**
 * One call of js-yaml's node composer, as its listener sees it: where it began, what it read,
 * and the calls it made. A value in block context is often read by a call that only wraps the
 * call that read it (unwrap).
 */
interface Call {
  open: number;
  end: number;
  kind: string | null;
  result: unknown;
  /** A plain scalar: its type was resolved from its text (quoted and block scalars are strings). */
  plain: boolean;
  calls: Call[] | undefined;
}

/**
 * The fast path of the loader: js-yaml 4's loader (about 3× faster than js-yaml 5's event parser
 * and 30× faster than `yaml`'s document model on descriptors, docs/benchmarks.md), with its
 * listener recording where each node starts. It declines — returns undefined — whenever the
 * careful path must decide: any syntax problem or duplicate key (so that errors keep `yaml`'s
 * wording and positions), tags, anchors and aliases (a "billion laughs" file must meet `yaml`'s
 * alias count), explicit `?` keys, directives, several documents, a non-scalar key, an empty
 * sequence entry, and any plain scalar whose type js-yaml and `yaml`'s YAML 1.2 core schema resolve
 * differently (`0b101`, `-.5`…): on what it accepts, the value is the one `yaml` gives.
 */
export function fastParse(text: string, maxDepth: number): { value: unknown; root: PosNode } | undefined {
  if (DIRECTIVE.test(text)) return undefined;
  const stack: Call[] = [];
  const top: Call[] = [];
  const listener = (event: 'open' | 'close', state: State) => {
    if (event === 'open') {
      stack.push({ open: state.position, end: 0, kind: null, result: undefined, plain: false, calls: undefined });
      return;
    }
    const call = stack.pop()!;
    call.end = state.position;
    call.kind = state.kind;
    call.result = state.result;
    call.plain = (state as State & { tag: string | null }).tag !== null;
    const parent = stack[stack.length - 1];
    if (parent) (parent.calls ??= []).push(call);
    else top.push(call);
  };
  let value: unknown;
  try {
    // A cap on js-yaml's recursion (one or two composer calls per level); the position walk then
    // holds collections to the limit itself.
    value = load(text, { schema: CORE_SCHEMA, listener, maxDepth: 2 * maxDepth + 4 } as Parameters<typeof load>[1]);
  } catch {
    return undefined;
  }
  // No document, or one with nothing but comments.
  if (top.length !== 1 || top[0]!.kind === null) return undefined;
  try {
    return { value, root: position(text, top[0]!, maxDepth) };
  } catch (e) {
    if (e instanceof NotFast) return undefined;
    throw e;
  }
}

// A directive (%YAML 1.1 would change how `yaml` resolves scalars).
const DIRECTIVE = /^%/m;

/** The position tree of a node, `depth` levels of collections from the limit (the careful path reports a deeper one). */
function position(text: string, outer: Call, depth: number): PosNode {
  const call = unwrap(outer);
  if (call.kind === null) {
    // An empty value: `yaml` puts it where its line goes on after the indicator.
    if (call.result !== null || call.calls) throw new NotFast();
    return { kind: 'scalar', start: skipBlanks(text, call.open) };
  }
  const start = contentStart(text, outer.open);
  if (isProperty(text.charCodeAt(start))) throw new NotFast();
  let calls = call.calls ?? [];
  if ((call.kind === 'mapping' || call.kind === 'sequence') && depth < 1) throw new NotFast();
  if (call.kind === 'mapping') {
    const map = call.result as Record<string, unknown>;
    // A last call that read nothing: the mapping ended there (at `...`, say).
    const last = calls[calls.length - 1];
    if (calls.length % 2 === 1 && last!.kind === null && !last!.calls) calls = calls.slice(0, -1);
    if (calls.length !== 2 * Object.keys(map).length) throw new NotFast();
    const node: PosNode = { kind: 'map', start, keys: [], keyStarts: [], values: [] };
    for (let i = 0; i < calls.length; i += 2) {
      const k = calls[i]!;
      const v = calls[i + 1]!;
      // `yaml` names a null key "" where js-yaml names it "null".
      if (k.kind !== 'scalar' || k.result === null) throw new NotFast();
      checkScalar(text, unwrap(k));
      const name = String(k.result);
      const keyStart = contentStart(text, k.open);
      if (
        isProperty(text.charCodeAt(keyStart)) ||
        explicitKey(text, keyStart) ||
        !Object.hasOwn(map, name) ||
        !Object.is(map[name], v.result)
      )
        throw new NotFast();
      node.keys.push(name);
      node.keyStarts.push(keyStart);
      node.values.push(position(text, v, depth - 1));
    }
    return node;
  }
  if (call.kind === 'sequence') {
    const seq = call.result as unknown[];
    // An empty entry (`-` alone) is read without a call; `[a: b]` makes two calls for one entry.
    if (calls.length !== seq.length) throw new NotFast();
    const node: PosNode = { kind: 'seq', start, items: [] };
    for (let i = 0; i < calls.length; i++) {
      if (!Object.is(seq[i], calls[i]!.result)) throw new NotFast();
      node.items.push(position(text, calls[i]!, depth - 1));
    }
    return node;
  }
  checkScalar(text, call);
  return { kind: 'scalar', start };
}

/** The call that read a node: one that only wraps it (a value in block context, a flow collection tried as a key first) adds nothing. */
function unwrap(call: Call): Call {
  let c = call;
  while (c.calls?.length === 1 && c.calls[0]!.kind === c.kind && Object.is(c.calls[0]!.result, c.result))
    c = c.calls[0]!;
  return c;
}

/** A scalar typed as `yaml` would type it (the call that read it, not one wrapping it). */
function checkScalar(text: string, call: Call): void {
  if (call.calls) throw new NotFast();
  if (!call.plain) return;
  const source =
    typeof call.result === 'string' ? call.result : text.slice(contentStart(text, call.open), call.end).trimEnd();
  if (!Object.is(coreValue(source), call.result)) throw new NotFast();
}

// How YAML 1.2's core schema (YAML 1.2.2 §10.3.2; `yaml`'s default, the careful path's) types a
// plain scalar's text; first match wins, as in `yaml`. Kept here so that `yaml` loads only when needed.
const CORE: Array<[RegExp, (s: string) => unknown]> = [
  [/^(?:~|null|Null|NULL)?$/, () => null],
  [/^(?:true|True|TRUE|false|False|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'],
  [/^0o[0-7]+$/, (s) => parseInt(s.slice(2), 8)],
  [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
  [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.slice(2), 16)],
  [
    /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    (s) => (s.endsWith('n') || s.endsWith('N') ? NaN : s[0] === '-' ? -Infinity : Infinity),
  ],
  [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/, (s) => parseFloat(s)],
];
function coreValue(source: string): unknown {
  // Most text starts with a character none of the patterns can: a name, a sentence.
  const c = source.charCodeAt(0);
  const maybe =
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2b ||
    c === 0x2d ||
    c === 0x2e ||
    c === 0x7e ||
    Number.isNaN(c) ||
    (source.length <= 5 && 'nNtTfF'.includes(source[0]!));
  if (!maybe) return source;
  for (const [test, value] of CORE) if (test.test(source)) return value(source);
  return source;
}

/** A tag (`!`), an anchor (`&`) or an alias (`*`) where a node starts. */
function isProperty(c: number): boolean {
  return c === 0x21 || c === 0x26 || c === 0x2a;
}

/** The first character of a node's content: after blanks, line breaks and comments. */
function contentStart(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x23) {
      // A comment runs to the end of its line.
      const nl = text.indexOf('\n', i);
      if (nl < 0) return text.length;
      i = nl;
    } else if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
  }
  return text.length;
}

function skipBlanks(text: string, at: number): number {
  let i = at;
  while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
  return i;
}

/** True when the key at `at` follows a `?` indicator (an explicit key). */
function explicitKey(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i--;
  return i >= 0 && text.charCodeAt(i) === 0x3f && (i === 0 || /[\s,[{]/.test(text[i - 1]!));
}
