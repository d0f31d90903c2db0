/**
 * The expression language of Terraform as hcl2json renders it: every expression is a string,
 * `"${var.x}"` for a whole expression, `"logs-${var.env}"` for a template. This parses the part of
 * HCL's expression syntax that configurations use (literals, references, attribute and index
 * access, splats, function calls, operators, conditionals, tuples, objects, for expressions) and
 * evaluates it over a Scope. What it cannot parse or evaluate is unknown, never guessed.
 */
import { callFunction } from './functions.js';
import {
  asBool,
  asNumber,
  asString,
  checkKnown,
  equal,
  ExprError,
  isMap,
  isNamespace,
  UNKNOWN,
  UNKNOWN_SIGNAL,
  type Value,
} from './value.js';

export type Node =
  | { k: 'lit'; v: Value }
  | { k: 'tpl'; parts: Array<string | Node> }
  | { k: 'ref'; name: string }
  | { k: 'get'; obj: Node; key: string }
  | { k: 'idx'; obj: Node; index: Node }
  | { k: 'splat'; obj: Node; chain: Step[] }
  | { k: 'call'; name: string; args: Node[]; expand: boolean }
  | { k: 'un'; op: '!' | '-'; x: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'cond'; c: Node; t: Node; f: Node }
  | { k: 'tuple'; items: Node[] }
  | { k: 'object'; entries: Array<[Node, Node]> }
  | {
      k: 'for';
      object: boolean;
      keyVar?: string;
      valVar: string;
      coll: Node;
      key?: Node;
      val: Node;
      cond?: Node;
      group: boolean;
    };

type Step = { attr: string } | { index: Node };

/** Where names are looked up: the module's namespaces, then the iterators of enclosing for expressions. */
export interface Scope {
  /** The value of a root name (var, local, module, data, count, each, path, a resource type…). */
  root(name: string): Value;
  /**
   * Iterations of for expressions left to the whole evaluation this scope belongs to: nested loops
   * over range() in hostile code would otherwise run for hours. Shared by the scopes made from it.
   */
  budget?: { left: number };
}

/** Iterations of for expressions one root (or one tfvars file) may take. */
export const FOR_BUDGET = 2_000_000;

/** A scope with extra names (a for expression's iterators, a dynamic block's iterator). */
export function withNames(parent: Scope, names: Record<string, Value>): Scope {
  return {
    root: (n) => (Object.hasOwn(names, n) ? names[n]! : parent.root(n)),
    ...(parent.budget ? { budget: parent.budget } : {}),
  };
}

// ---------------------------------------------------------------- parsing

/** True when a string holds an interpolation or directive (is not a plain literal). */
export function isTemplate(s: string): boolean {
  return s.includes('${') || s.includes('%{');
}

const PARSED = new Map<string, Node>();
const PARSED_MAX = 20_000;

/** The template a string is; a string that is exactly one `${…}` is that expression. Memoised. */
export function parseTemplate(s: string): Node {
  let n = PARSED.get(s);
  if (n) return n;
  try {
    n = new Parser(s).template();
  } catch (e) {
    // RangeError: nesting deep enough to exhaust the stack (hostile input) is not evaluated either.
    if (!(e instanceof ExprError) && !(e instanceof RangeError)) throw e;
    n = { k: 'call', name: '\u0000unparsable', args: [], expand: false };
  }
  if (PARSED.size >= PARSED_MAX) PARSED.clear();
  PARSED.set(s, n);
  return n;
}

/** Parses one expression (a tfvars value given as text, `--var list=["a"]`). */
export function parseExpression(s: string): Node {
  const p = new Parser(s);
  const n = p.expression();
  p.ws();
  if (p.pos < s.length) throw new ExprError(`unexpected ${s[p.pos]}`);
  return n;
}

const IDENT_START = /[A-Za-z_]/;
const IDENT = /[A-Za-z0-9_-]/;

class Parser {
  pos = 0;
  constructor(readonly s: string) {}

  fail(what: string): never {
    throw new ExprError(`${what} at ${this.pos}`);
  }

  /** Whitespace, newlines and comments between tokens. */
  ws(): void {
    const s = this.s;
    for (;;) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos++;
      else if (c === '#' || (c === '/' && s[this.pos + 1] === '/')) {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      } else if (c === '/' && s[this.pos + 1] === '*') {
        const end = s.indexOf('*/', this.pos + 2);
        this.pos = end < 0 ? s.length : end + 2;
      } else return;
    }
  }

  peek(tok: string): boolean {
    this.ws();
    return this.s.startsWith(tok, this.pos);
  }

  eat(tok: string): boolean {
    if (!this.peek(tok)) return false;
    this.pos += tok.length;
    return true;
  }

  expect(tok: string): void {
    if (!this.eat(tok)) this.fail(`expected ${tok}`);
  }

  ident(): string {
    this.ws();
    const start = this.pos;
    if (!IDENT_START.test(this.s[this.pos] ?? '')) this.fail('expected a name');
    while (this.pos < this.s.length && IDENT.test(this.s[this.pos]!)) this.pos++;
    return this.s.slice(start, this.pos);
  }

  /** A whole string as a template: literal text, `${expr}` and escapes `$${`, `%%{`. */
  template(): Node {
    const s = this.s;
    const parts: Array<string | Node> = [];
    let text = '';
    while (this.pos < s.length) {
      if (s.startsWith('$${', this.pos) || s.startsWith('%%{', this.pos)) {
        text += `${s[this.pos]}{`;
        this.pos += 3;
      } else if (s.startsWith('${', this.pos)) {
        if (text) parts.push(text);
        text = '';
        this.pos += 2;
        this.eat('~');
        parts.push(this.expression());
        this.eat('~');
        this.expect('}');
      } else if (s.startsWith('%{', this.pos)) {
        this.fail('template directives are not evaluated');
      } else text += s[this.pos++];
    }
    if (text) parts.push(text);
    if (parts.length === 1 && typeof parts[0] !== 'string') return parts[0]!;
    if (parts.every((p) => typeof p === 'string')) return { k: 'lit', v: parts.join('') };
    return { k: 'tpl', parts };
  }

  expression(): Node {
    const c = this.binary(0);
    if (this.eat('?')) {
      const t = this.expression();
      this.expect(':');
      const f = this.expression();
      return { k: 'cond', c, t, f };
    }
    return c;
  }

  // Precedence from the HCL specification, loosest first.
  static LEVELS = [['||'], ['&&'], ['==', '!='], ['<=', '>=', '<', '>'], ['+', '-'], ['*', '/', '%']];

  binary(level: number): Node {
    if (level >= Parser.LEVELS.length) return this.unary();
    let a = this.binary(level + 1);
    for (;;) {
      this.ws();
      const op = Parser.LEVELS[level]!.find((o) => this.s.startsWith(o, this.pos) && !this.arrowOrOther(o));
      if (!op) return a;
      this.pos += op.length;
      const b = this.binary(level + 1);
      a = { k: 'bin', op, a, b };
    }
  }

  /** `=>` and `==` must not be read as `=`…; `<=`/`>=` before `<`/`>` is handled by LEVELS order. */
  arrowOrOther(op: string): boolean {
    const next = this.s[this.pos + op.length];
    return (op === '<' || op === '>') && next === '=';
  }

  unary(): Node {
    if (this.eat('!')) return { k: 'un', op: '!', x: this.unary() };
    this.ws();
    if (this.s[this.pos] === '-' && !/[0-9]/.test(this.s[this.pos + 1] ?? '')) {
      this.pos++;
      return { k: 'un', op: '-', x: this.unary() };
    }
    return this.postfix(this.primary());
  }

  postfix(node: Node): Node {
    let n = node;
    for (;;) {
      this.ws();
      const s = this.s;
      if (s.startsWith('[*]', this.pos) || (s[this.pos] === '.' && s[this.pos + 1] === '*')) {
        this.pos += s[this.pos] === '.' ? 2 : 3;
        const chain: Step[] = [];
        for (;;) {
          this.ws();
          if (s[this.pos] === '.' && IDENT_START.test(s[this.pos + 1] ?? '')) {
            this.pos++;
            chain.push({ attr: this.ident() });
          } else if (s[this.pos] === '[' && s[this.pos + 1] !== '*') {
            this.pos++;
            chain.push({ index: this.expression() });
            this.expect(']');
          } else break;
        }
        n = { k: 'splat', obj: n, chain };
      } else if (s[this.pos] === '.' && s[this.pos + 1] !== '.') {
        this.pos++;
        this.ws();
        if (/[0-9]/.test(s[this.pos] ?? '')) {
          const start = this.pos;
          while (/[0-9]/.test(s[this.pos] ?? '')) this.pos++;
          n = { k: 'idx', obj: n, index: { k: 'lit', v: Number(s.slice(start, this.pos)) } };
        } else n = { k: 'get', obj: n, key: this.ident() };
      } else if (s[this.pos] === '[') {
        this.pos++;
        const index = this.expression();
        this.expect(']');
        n = { k: 'idx', obj: n, index };
      } else return n;
    }
  }

  primary(): Node {
    this.ws();
    const s = this.s;
    const c = s[this.pos];
    if (c === undefined) this.fail('unexpected end');
    if (c === '(') {
      this.pos++;
      const e = this.expression();
      this.expect(')');
      return e;
    }
    if (c === '"') return this.quoted();
    if (c === '[') return this.tuple();
    if (c === '{') return this.object();
    if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(s[this.pos + 1] ?? ''))) {
      const m = /^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(s.slice(this.pos))!;
      this.pos += m[0].length;
      return { k: 'lit', v: Number(m[0]) };
    }
    if (s.startsWith('<<', this.pos)) this.fail('heredoc in an expression');
    const name = this.ident();
    if (name === 'true') return { k: 'lit', v: true };
    if (name === 'false') return { k: 'lit', v: false };
    if (name === 'null') return { k: 'lit', v: null };
    if (s.startsWith('::', this.pos)) this.fail('provider functions are not evaluated');
    if (this.peek('(')) {
      this.pos++;
      const args: Node[] = [];
      let expand = false;
      while (!this.eat(')')) {
        args.push(this.expression());
        if (this.eat('...')) expand = true;
        if (!this.eat(',')) {
          this.expect(')');
          break;
        }
      }
      return { k: 'call', name, args, expand };
    }
    return { k: 'ref', name };
  }

  /** A quoted string inside an expression: escapes, then a template of its own. */
  quoted(): Node {
    const s = this.s;
    this.pos++;
    const parts: Array<string | Node> = [];
    let text = '';
    while (this.pos < s.length && s[this.pos] !== '"') {
      const c = s[this.pos]!;
      if (c === '\\') {
        const e = s[this.pos + 1];
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
        if (e !== undefined && e in simple) {
          text += simple[e];
          this.pos += 2;
        } else if (e === 'u' || e === 'U') {
          const len = e === 'u' ? 4 : 8;
          text += String.fromCodePoint(Number.parseInt(s.slice(this.pos + 2, this.pos + 2 + len), 16));
          this.pos += 2 + len;
        } else this.fail('bad escape');
      } else if (s.startsWith('$${', this.pos) || s.startsWith('%%{', this.pos)) {
        text += `${c}{`;
        this.pos += 3;
      } else if (s.startsWith('${', this.pos)) {
        if (text) parts.push(text);
        text = '';
        this.pos += 2;
        this.eat('~');
        parts.push(this.expression());
        this.eat('~');
        this.expect('}');
      } else if (s.startsWith('%{', this.pos)) {
        this.fail('template directives are not evaluated');
      } else {
        text += c;
        this.pos++;
      }
    }
    this.expect('"');
    if (text || parts.length === 0) parts.push(text);
    if (parts.every((p) => typeof p === 'string')) return { k: 'lit', v: parts.join('') };
    return { k: 'tpl', parts };
  }

  tuple(): Node {
    this.pos++;
    if (this.peekKeyword('for')) return this.forExpr(false);
    const items: Node[] = [];
    while (!this.eat(']')) {
      items.push(this.expression());
      if (!this.eat(',')) {
        this.expect(']');
        break;
      }
    }
    return { k: 'tuple', items };
  }

  object(): Node {
    this.pos++;
    if (this.peekKeyword('for')) return this.forExpr(true);
    const entries: Array<[Node, Node]> = [];
    while (!this.eat('}')) {
      this.ws();
      let key: Node;
      const start = this.pos;
      if (IDENT_START.test(this.s[this.pos] ?? '')) {
        const name = this.ident();
        this.ws();
        // A bare name is a literal key; anything more (a.b, f()) is an expression.
        if (this.s[this.pos] === '=' || this.s[this.pos] === ':') key = { k: 'lit', v: name };
        else {
          this.pos = start;
          key = this.expression();
        }
      } else key = this.expression();
      if (!this.eat('=') && !this.eat(':')) this.fail('expected = in an object');
      entries.push([key, this.expression()]);
      this.eat(',');
    }
    return { k: 'object', entries };
  }

  peekKeyword(word: string): boolean {
    this.ws();
    return this.s.startsWith(word, this.pos) && !IDENT.test(this.s[this.pos + word.length] ?? '');
  }

  forExpr(object: boolean): Node {
    this.pos += 3;
    const first = this.ident();
    let keyVar: string | undefined;
    let valVar = first;
    if (this.eat(',')) {
      keyVar = first;
      valVar = this.ident();
    }
    if (!this.peekKeyword('in')) this.fail('expected in');
    this.pos += 2;
    const coll = this.expression();
    this.expect(':');
    let key: Node | undefined;
    let val = this.expression();
    if (object) {
      this.expect('=>');
      key = val;
      val = this.expression();
    }
    const group = this.eat('...');
    let cond: Node | undefined;
    if (this.peekKeyword('if')) {
      this.pos += 2;
      cond = this.expression();
    }
    this.expect(object ? '}' : ']');
    return {
      k: 'for',
      object,
      ...(keyVar ? { keyVar } : {}),
      valVar,
      coll,
      ...(key ? { key } : {}),
      val,
      ...(cond ? { cond } : {}),
      group,
    };
  }
}

// ---------------------------------------------------------------- evaluation

/**
 * The value of an expression. UNKNOWN when it depends on something only apply knows; an
 * expression that fails (type error, missing key, function not implemented) is UNKNOWN as well,
 * except inside try()/can(), which see the error.
 */
export function evaluate(n: Node, scope: Scope): Value {
  try {
    return evalNode(n, scope);
  } catch (e) {
    if (e === UNKNOWN_SIGNAL || e instanceof ExprError || e instanceof RangeError) return UNKNOWN;
    throw e;
  }
}

/** As evaluate, but errors propagate (try and can need to tell an error from an unknown). */
export function evalStrict(n: Node, scope: Scope): Value {
  try {
    return evalNode(n, scope);
  } catch (e) {
    if (e === UNKNOWN_SIGNAL) return UNKNOWN;
    throw e;
  }
}

function evalNode(n: Node, scope: Scope): Value {
  switch (n.k) {
    case 'lit':
      return n.v;
    case 'ref':
      return scope.root(n.name);
    case 'tpl': {
      let out = '';
      for (const p of n.parts) out += typeof p === 'string' ? p : asString(evalNode(p, scope));
      return out;
    }
    case 'get':
      return getAttr(evalNode(n.obj, scope), n.key);
    case 'idx':
      return index(evalNode(n.obj, scope), evalNode(n.index, scope));
    case 'splat': {
      const base = evalNode(n.obj, scope);
      if (base === UNKNOWN) return UNKNOWN;
      const list = base === null ? [] : Array.isArray(base) ? base : [base];
      return list.map((x) => {
        let v = x;
        for (const step of n.chain) v = 'attr' in step ? getAttr(v, step.attr) : index(v, evalNode(step.index, scope));
        return v;
      });
    }
    case 'call':
      return callFunction(
        n.name,
        n.args.map((a) => () => evalStrict(a, scope)),
        n.expand,
      );
    case 'un': {
      const x = evalNode(n.x, scope);
      if (x === UNKNOWN) return UNKNOWN;
      return n.op === '!' ? !asBool(x) : -asNumber(x);
    }
    case 'bin':
      return binary(n.op, n.a, n.b, scope);
    case 'cond': {
      const c = evalNode(n.c, scope);
      if (c === UNKNOWN) return UNKNOWN;
      return asBool(c) ? evalNode(n.t, scope) : evalNode(n.f, scope);
    }
    case 'tuple':
      return n.items.map((x) => evalNode(x, scope));
    case 'object': {
      const out: Record<string, Value> = {};
      for (const [k, v] of n.entries) {
        const key = evalNode(k, scope);
        checkKnown(key);
        out[asString(key)] = evalNode(v, scope);
      }
      return out;
    }
    case 'for':
      return forExpr(n, scope);
  }
}

function binary(op: string, an: Node, bn: Node, scope: Scope): Value {
  const a = evalNode(an, scope);
  // && and || short-circuit on a known operand.
  if (op === '&&' || op === '||') {
    if (a !== UNKNOWN && asBool(a) === (op === '||')) return op === '||';
    const b = evalNode(bn, scope);
    if (a === UNKNOWN || b === UNKNOWN) return b !== UNKNOWN && asBool(b) === (op === '||') ? op === '||' : UNKNOWN;
    return asBool(b);
  }
  const b = evalNode(bn, scope);
  if (a === UNKNOWN || b === UNKNOWN) return UNKNOWN;
  switch (op) {
    case '==':
      return equal(a, b);
    case '!=':
      return !equal(a, b);
    case '<':
      return asNumber(a) < asNumber(b);
    case '>':
      return asNumber(a) > asNumber(b);
    case '<=':
      return asNumber(a) <= asNumber(b);
    case '>=':
      return asNumber(a) >= asNumber(b);
    case '+':
      return asNumber(a) + asNumber(b);
    case '-':
      return asNumber(a) - asNumber(b);
    case '*':
      return asNumber(a) * asNumber(b);
    case '/':
      return asNumber(a) / asNumber(b);
    case '%':
      return asNumber(a) % asNumber(b);
  }
  throw new ExprError(`operator ${op}`);
}

export function getAttr(v: Value, key: string): Value {
  if (v === UNKNOWN) return UNKNOWN;
  if (isNamespace(v)) return v.get(key);
  if (isMap(v)) {
    if (Object.hasOwn(v, key)) return v[key]!;
    throw new ExprError(`no attribute ${key}`);
  }
  throw new ExprError(`no attribute ${key}`);
}

export function index(v: Value, i: Value): Value {
  if (v === UNKNOWN || i === UNKNOWN) return UNKNOWN;
  if (Array.isArray(v)) {
    const n = asNumber(i);
    if (!Number.isInteger(n) || n < 0 || n >= v.length) throw new ExprError('index out of range');
    return v[n]!;
  }
  if (isNamespace(v)) return v.get(asString(i));
  if (isMap(v)) {
    const k = asString(i);
    if (Object.hasOwn(v, k)) return v[k]!;
    throw new ExprError(`no key ${k}`);
  }
  throw new ExprError('cannot index');
}

function forExpr(n: Extract<Node, { k: 'for' }>, scope: Scope): Value {
  const coll = evalNode(n.coll, scope);
  if (coll === UNKNOWN) return UNKNOWN;
  const pairs: Array<[Value, Value]> = Array.isArray(coll)
    ? coll.map((v, i) => [i, v])
    : isMap(coll)
      ? Object.keys(coll)
          .sort()
          .map((k) => [k, coll[k]!])
      : (() => {
          throw new ExprError('for over a value that is not a collection');
        })();
  const list: Value[] = [];
  const obj: Record<string, Value> = {};
  for (const [k, v] of pairs) {
    if (scope.budget && --scope.budget.left < 0) throw new ExprError('too many iterations');
    const names: Record<string, Value> = { [n.valVar]: v };
    if (n.keyVar) names[n.keyVar] = k;
    const inner = withNames(scope, names);
    if (n.cond) {
      const c = evalNode(n.cond, inner);
      if (c === UNKNOWN) return UNKNOWN;
      if (!asBool(c)) continue;
    }
    const val = evalNode(n.val, inner);
    if (!n.object) {
      list.push(val);
      continue;
    }
    const key = evalNode(n.key!, inner);
    if (key === UNKNOWN) return UNKNOWN;
    const ks = asString(key);
    if (n.group) ((obj[ks] ??= []) as Value[]).push(val);
    else if (Object.hasOwn(obj, ks)) throw new ExprError(`duplicate key ${ks}`);
    else obj[ks] = val;
  }
  return n.object ? obj : list;
}

/** Evaluates a value of a configuration: strings are templates, lists and objects are walked. */
export function evalConfigValue(v: unknown, scope: Scope): Value {
  if (typeof v === 'string') return isTemplate(v) ? evaluate(parseTemplate(v), scope) : v;
  if (Array.isArray(v)) return v.map((x) => evalConfigValue(x, scope));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, Value> = {};
    for (const [k, x] of Object.entries(v)) {
      const key = isTemplate(k) ? evaluate(parseTemplate(k), scope) : k;
      if (typeof key !== 'string' && typeof key !== 'number') return UNKNOWN;
      out[String(key)] = evalConfigValue(x, scope);
    }
    return out;
  }
  return v as Value;
}
