// The Terraform expression evaluator (src/io/iac/eval/): expressions as hcl2json renders them,
// every built-in function evaluated, unknowns propagated, variables in Terraform's precedence.
import { describe, expect, it } from 'vitest';
import { evalConfigValue, parseTemplate, evaluate, type Scope } from '../../src/io/iac/eval/expressions.js';
import { FUNCTION_NAMES } from '../../src/io/iac/eval/functions.js';
import { ExprError, UNKNOWN, type Value } from '../../src/io/iac/eval/value.js';
import { autoVarFiles, rootInputs, textValue } from '../../src/io/iac/eval/variables.js';

const vars: Record<string, Value> = {
  env: 'prod',
  n: 3,
  list: ['a', 'b', 'a'],
  tags: { Owner: 'team', Env: 'prod' },
  nested: { x: [{ name: 'first' }] },
  empty: '',
  nothing: null,
  later: UNKNOWN,
};
const scope: Scope = {
  root(name) {
    if (name === 'var') return { namespace: true, get: (k) => (k in vars ? vars[k]! : UNKNOWN) };
    if (name === 'aws_kms_key') return { namespace: true, get: () => ({ namespace: true, get: () => UNKNOWN }) };
    throw new ExprError(`no ${name}`);
  },
};
const ev = (s: string) => evaluate(parseTemplate(s), scope);

describe('expressions', () => {
  it('evaluates literals, references, access and templates', () => {
    expect(ev('plain')).toBe('plain');
    expect(ev('${var.env}')).toBe('prod');
    expect(ev('logs-${var.env}-${var.n}')).toBe('logs-prod-3');
    expect(ev('${var.nested.x[0].name}')).toBe('first');
    expect(ev('${var.nested["x"].0.name}')).toBe('first');
    expect(ev('${var.tags}')).toEqual({ Owner: 'team', Env: 'prod' });
    expect(ev('$${literal}')).toBe('${literal}');
    expect(ev('${"quoted ${var.env}"}')).toBe('quoted prod');
    expect(ev('${[1, "x", true, null]}')).toEqual([1, 'x', true, null]);
    expect(ev('${{ a = 1, "b" = var.env }}')).toEqual({ a: 1, b: 'prod' });
  });
  it('evaluates operators and conditionals', () => {
    expect(ev('${var.n * 2 + 1}')).toBe(7);
    expect(ev('${var.n - 1 >= 2 && !false}')).toBe(true);
    expect(ev('${var.env == "prod" ? "p" : "d"}')).toBe('p');
    expect(ev('${var.n % 2 != 0 || var.later}')).toBe(true);
    expect(ev('${-var.n}')).toBe(-3);
  });
  it('evaluates for expressions and splats', () => {
    expect(ev('${[for s in var.list : upper(s) if s != "b"]}')).toEqual(['A', 'A']);
    expect(ev('${{ for k, v in var.tags : lower(k) => v }}')).toEqual({ owner: 'team', env: 'prod' });
    expect(ev('${{ for s in var.list : s => s... }}')).toEqual({ a: ['a', 'a'], b: ['b'] });
    expect(ev('${var.nested.x[*].name}')).toEqual(['first']);
  });
  it('is unknown where apply decides, and never guesses', () => {
    expect(ev('${var.later}')).toBe(UNKNOWN);
    expect(ev('arn-${var.later}')).toBe(UNKNOWN);
    expect(ev('${aws_kms_key.main.arn}')).toBe(UNKNOWN);
    expect(ev('${var.later ? 1 : 2}')).toBe(UNKNOWN);
    expect(ev('${var.later + 1}')).toBe(UNKNOWN);
    expect(ev('${not_a_function(1)}')).toBe(UNKNOWN);
    expect(ev('${var.tags.missing}')).toBe(UNKNOWN);
    expect(ev('%{ if true }x%{ endif }')).toBe(UNKNOWN);
    expect(ev('${provider::aws::arn_parse("x")}')).toBe(UNKNOWN);
    // An object with one unknown value is known except for that value.
    expect(ev('${{ a = 1, b = var.later }}')).toEqual({ a: 1, b: UNKNOWN });
  });
  it('stops for expressions past the budget of their evaluation (unknown, not hours of loops)', () => {
    const budget = { left: 5000 };
    const limited: Scope = { root: scope.root, budget };
    const loops = parseTemplate('${[for a in range(100) : [for b in range(100) : a * b]]}');
    expect(evaluate(loops, limited)).toBe(UNKNOWN);
    expect(budget.left).toBeLessThan(0);
    expect(evaluate(parseTemplate('${[for a in range(3) : a]}'), { root: scope.root, budget: { left: 5000 } })).toEqual(
      [0, 1, 2],
    );
    expect(ev('${format("%99999d", 1)}')).toBe(UNKNOWN);
  });
  it('takes hostile nesting as unknown, never a crash', () => {
    expect(ev(`\${${'('.repeat(50_000)}1${')'.repeat(50_000)}}`)).toBe(UNKNOWN);
    expect(ev(`\${${'['.repeat(50_000)}${']'.repeat(50_000)}}`)).toBe(UNKNOWN);
  });
  it('evaluates object keys and nested values of a configuration', () => {
    expect(evalConfigValue({ '${var.env}': ['${var.n}', 'x'] }, scope)).toEqual({ prod: [3, 'x'] });
  });
});

describe('functions', () => {
  const cases: Array<[string, string, Value]> = [
    ['merge', '${merge(var.tags, { Env = "dev" }, null)}', { Owner: 'team', Env: 'dev' }],
    ['concat', '${concat(var.list, ["c"], [])}', ['a', 'b', 'a', 'c']],
    ['lookup', '${lookup(var.tags, "Owner", "x")}', 'team'],
    ['lookup', '${lookup(var.tags, "Nope", "x")}', 'x'],
    ['try', '${try(var.tags.Nope, var.nested.x[5], "fallback")}', 'fallback'],
    ['try', '${try(var.env, "fallback")}', 'prod'],
    ['can', '${can(var.tags.Nope)}', false],
    ['can', '${can(var.tags.Owner)}', true],
    ['coalesce', '${coalesce(var.nothing, var.empty, "first", "second")}', 'first'],
    ['coalescelist', '${coalescelist([], ["x"])}', ['x']],
    ['format', '${format("%s-%03d %v %q %% %-3s|%.2f", var.env, 7, 1.5, "q", "x", 2)}', 'prod-007 1.5 "q" % x  |2.00'],
    ['join', '${join(",", var.list)}', 'a,b,a'],
    ['split', '${split(",", "a,b")}', ['a', 'b']],
    ['tomap', '${tomap({ a = "1" })}', { a: '1' }],
    ['toset', '${toset(var.list)}', ['a', 'b']],
    ['tolist', '${tolist(var.list)}', ['a', 'b', 'a']],
    ['length', '${length(var.list)}', 3],
    ['length', '${length(var.tags)}', 2],
    ['length', '${length("héllo")}', 5],
    ['keys', '${keys(var.tags)}', ['Env', 'Owner']],
    ['values', '${values(var.tags)}', ['prod', 'team']],
    ['element', '${element(var.list, 4)}', 'b'],
    ['contains', '${contains(var.list, "b")}', true],
    ['contains', '${contains(var.list, "z")}', false],
    ['jsonencode', '${jsonencode({ a = [1, "x"] })}', '{"a":[1,"x"]}'],
    ['jsondecode', '${jsondecode("{\\"a\\":1}")}', { a: 1 }],
    ['lower', '${lower("AbC")}', 'abc'],
    ['upper', '${upper("AbC")}', 'ABC'],
    ['replace', '${replace("a-b-c", "-", "_")}', 'a_b_c'],
    ['replace', '${replace("a1b22", "/[0-9]+/", "#")}', 'a#b#'],
    ['distinct', '${distinct(var.list)}', ['a', 'b']],
    ['flatten', '${flatten([["a"], [["b"]], "c"])}', ['a', 'b', 'c']],
    ['zipmap', '${zipmap(["a", "b"], [1, 2])}', { a: 1, b: 2 }],
    ['slice', '${slice(var.list, 1, 3)}', ['b', 'a']],
    ['compact', '${compact(["a", "", null])}', ['a']],
    ['one', '${one(["x"])}', 'x'],
    ['range', '${range(3)}', [0, 1, 2]],
    ['trimspace', '${trimspace("  x ")}', 'x'],
    ['substr', '${substr("hello", 1, 3)}', 'ell'],
    ['startswith', '${startswith("hello", "he")}', true],
    ['endswith', '${endswith("hello", "lo")}', true],
    ['tostring', '${tostring(5)}', '5'],
    ['tonumber', '${tonumber("5")}', 5],
    ['tobool', '${tobool("true")}', true],
    ['max', '${max(1, 5, 3)}', 5],
    ['min', '${min(1, 5, 3)}', 1],
    ['abs', '${abs(-2)}', 2],
    ['ceil', '${ceil(1.2)}', 2],
    ['floor', '${floor(1.8)}', 1],
    ['expand', '${concat(["x"], [var.list]...)}', ['x', 'a', 'b', 'a']],
    ['trimprefix', '${trimprefix("arn:aws:x", "arn:")}', 'aws:x'],
    ['trimsuffix', '${trimsuffix("name.tf", ".tf")}', 'name'],
    ['trim', '${trim("?!hello?!", "!?")}', 'hello'],
    ['chomp', '${chomp("x\n\n")}', 'x'],
    ['title', '${title("hello world")}', 'Hello World'],
    ['strrev', '${strrev("abc")}', 'cba'],
    ['formatlist', '${formatlist("%s-%s", ["a", "b"], "x")}', ['a-x', 'b-x']],
    ['base64encode', '${base64encode("hi")}', 'aGk='],
    ['base64decode', '${base64decode("aGk=")}', 'hi'],
    ['md5', '${md5("a")}', '0cc175b9c0f1b6a831c399e269772661'],
    ['sha1', '${sha1("a")}', '86f7e437faa5a7fce15d1ddcb9eaeaea377667b8'],
    ['sha256', '${sha256("a")}', 'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb'],
    ['sort', '${sort(["b", "a", "c"])}', ['a', 'b', 'c']],
    ['reverse', '${reverse([1, 2])}', [2, 1]],
    ['index', '${index(var.list, "b")}', 1],
    ['setunion', '${setunion(["a"], ["b", "a"])}', ['a', 'b']],
    ['setintersection', '${setintersection(["a", "b"], ["b", "c"])}', ['b']],
    ['setsubtract', '${setsubtract(["a", "b"], ["b"])}', ['a']],
    ['chunklist', '${chunklist([1, 2, 3], 2)}', [[1, 2], [3]]],
    ['sum', '${sum([1, 2, 3.5])}', 6.5],
    ['alltrue', '${alltrue([true, "true"])}', true],
    ['anytrue', '${anytrue([false, true])}', true],
    ['cidrsubnet', '${cidrsubnet("10.40.0.0/16", 8, 2)}', '10.40.2.0/24'],
    [
      'cidrsubnet',
      '${[for k in range(2) : cidrsubnet("172.16.0.0/12", 4, k + 1)]}',
      ['172.17.0.0/16', '172.18.0.0/16'],
    ],
    ['cidrhost', '${cidrhost("10.12.112.0/20", 16)}', '10.12.112.16'],
    ['cidrhost', '${cidrhost("10.0.0.0/24", -2)}', '10.0.0.254'],
  ];
  for (const [name, expr, want] of cases) it(`${name}: ${expr}`, () => expect(ev(expr)).toEqual(want));

  it('tests every function it evaluates', () => {
    const tested = new Set(cases.map(([n]) => n));
    expect(FUNCTION_NAMES.filter((n) => !tested.has(n))).toEqual([]);
  });
  it('is unknown on unknown arguments, except where the function can tell without them', () => {
    expect(ev('${join(",", [var.later])}')).toBe(UNKNOWN);
    expect(ev('${merge(var.later, {})}')).toBe(UNKNOWN);
    expect(ev('${length([var.later, 1])}')).toBe(2);
    expect(ev('${lookup({ a = var.later, b = 1 }, "b")}')).toBe(1);
    expect(ev('${coalesce(var.later, "x")}')).toBe(UNKNOWN);
    expect(ev('${coalesce("x", var.later)}')).toBe('x');
    expect(ev('${contains([var.later], "x")}')).toBe(UNKNOWN);
    expect(ev('${try(var.later, "x")}')).toBe(UNKNOWN);
    expect(ev('${jsonencode({ a = var.later })}')).toBe(UNKNOWN);
    expect(ev('${lookup(var.tags, "Nope")}')).toBe(UNKNOWN);
  });
});

describe('variables', () => {
  const declared = new Map<string, Record<string, unknown>>([
    ['region', {}],
    ['zones', { type: '${list(string)}' }],
    ['name', { type: '${string}' }],
    ['count', {}],
  ]);
  it('takes TF_VAR_, then tfvars files in order, then --var (later wins)', () => {
    const v = rootInputs(declared, {
      env: { TF_VAR_region: 'env-region', TF_VAR_name: 'env-name', TF_VAR_undeclared: 'x', HOME: '/' },
      files: [{ region: 'tfvars-region', zones: ['a'] }, { zones: ['b', 'c'] }],
      vars: ['name=cli=name', 'count=3'],
    });
    expect(Object.fromEntries(v)).toEqual({ region: 'tfvars-region', zones: ['b', 'c'], name: 'cli=name', count: 3 });
  });
  it('reads text values by the variable type, as Terraform does', () => {
    expect(textValue('["a","b"]', { type: '${list(string)}' })).toEqual(['a', 'b']);
    expect(textValue('{ a = 1 }', { type: '${map(number)}' })).toEqual({ a: 1 });
    expect(textValue('007', { type: '${string}' })).toBe('007');
    expect(textValue('7', undefined)).toBe(7);
    expect(textValue('true', undefined)).toBe(true);
    expect(textValue('ap-southeast-1', undefined)).toBe('ap-southeast-1');
  });
  it('loads the automatic tfvars files in Terraform order', () => {
    expect(
      autoVarFiles(['b.auto.tfvars', 'terraform.tfvars.json', 'a.auto.tfvars.json', 'terraform.tfvars', 'x.tfvars']),
    ).toEqual(['terraform.tfvars', 'terraform.tfvars.json', 'a.auto.tfvars.json', 'b.auto.tfvars']);
  });
});
