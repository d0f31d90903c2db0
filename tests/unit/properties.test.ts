// Property-based tests (fast-check) of the loader and schema validation: whatever the bytes, the
// loader answers with a value or with errors that carry a file, a code and a 1-based position; it
// never throws, never pollutes Object.prototype, and its fast path (js-yaml's loader) agrees with the
// careful path (`yaml`'s document model) on values and on every position.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseSource, locate, pointerSegments, type SourceDoc } from '../../src/io/descriptor/source.js';
import { validateAgainst } from '../../src/io/descriptor/schema.js';
import { flowDepthExceeded, parseSize } from '../../src/io/limits.js';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { ROOT } from '../helpers.js';

/** Seeded, so that a failure reproduces; the counts add up in docs/robustness.md. */
const RUNS = { seed: 20261123, numRuns: 300 };
const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

function assertWellFormed(r: ReturnType<typeof parseSource>): void {
  if (r.ok) return;
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(e.file).toBe('p.yaml');
    expect(e.code).toMatch(/^[a-z-]+$/);
    for (const text of [e.message.en, e.message.vi]) {
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/\n\s+at /);
    }
    if (e.line !== undefined) {
      expect(e.line).toBeGreaterThanOrEqual(1);
      expect(e.column).toBeGreaterThanOrEqual(1);
    }
  }
}

function pointers(v: unknown, p = '', out: string[] = []): string[] {
  out.push(p);
  if (Array.isArray(v)) for (const [i, x] of v.entries()) pointers(x, `${p}/${i}`, out);
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) pointers(x, `${p}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
  return out;
}

/** The same file through the careful path only (no position tree), for comparison. */
function careful(s: SourceDoc): SourceDoc {
  return { file: s.file, text: s.text, sha256: s.sha256, value: s.doc.toJS(), doc: s.doc, lines: s.lines };
}

// Keys and scalars a descriptor could plausibly hold, plus the awkward ones.
const key = fc.oneof(
  fc.constantFrom(
    'id',
    'name',
    'level',
    '__proto__',
    'constructor',
    'prototype',
    'a/b',
    'x~y',
    'true',
    '1',
    'ngày',
    '<<',
  ),
  fc.string({ minLength: 1, maxLength: 8 }),
);
const scalar = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2026-11-26', '26/11/2026', 'yes', 'no', '~', '0x1F', '1e3', '"q"', "it's", '- x', '# c', '*a', '&b'),
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('arr'), tie('obj')),
  arr: fc.array(tie('tree'), { maxLength: 4 }),
  obj: fc.dictionary(key, tie('tree'), { maxKeys: 5 }),
}));
const document = fc.dictionary(key, tree, { minKeys: 1, maxKeys: 6 });

describe('loader properties', () => {
  it('never throws on arbitrary bytes, and every error is well formed', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        assertWellFormed(parseSource(Buffer.from(bytes), 'p.yaml'));
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary text built from YAML punctuation', () => {
    const piece = fc.constantFrom(
      'a',
      ': ',
      '- ',
      '[',
      ']',
      '{',
      '}',
      ',',
      '\n',
      '  ',
      '"',
      "'",
      '#',
      '&x ',
      '*x',
      '? ',
      '|',
      '>',
      '---\n',
      '!!str ',
      '<<: ',
      '\t',
      'é',
      '\uFEFF',
      '\\',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (parts) => {
        assertWellFormed(parseSource(Buffer.from(parts.join('')), 'p.yaml'));
      }),
      RUNS,
    );
  });

  it('reads back any generated document, written as YAML or JSON, with the value it was written from', () => {
    let fast = 0;
    fc.assert(
      fc.property(document, fc.boolean(), (doc, asJson) => {
        const text = asJson ? JSON.stringify(doc, null, 1) : stringifyYaml(doc);
        const r = parseSource(Buffer.from(text), 'p.yaml');
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        if (r.source.pos) fast++;
        // yaml.parse is the reference reading of the text (JSON numbers like 1e+21 stay numbers).
        expect(isDeepStrictEqual(r.source.value, parseYaml(text))).toBe(true);
      }),
      RUNS,
    );
    // The comparison means something only if the fast path took most of the files.
    expect(fast).toBeGreaterThan(RUNS.numRuns * 0.8);
  });

  it('puts every value at the same line and column on the fast path as on the careful path', () => {
    let fast = 0;
    fc.assert(
      fc.property(document, fc.constantFrom('block', 'flow', 'json'), (doc, style) => {
        const text =
          style === 'json'
            ? JSON.stringify(doc, null, 2)
            : stringifyYaml(doc, style === 'flow' ? { collectionStyle: 'flow' } : {});
        const r = parseSource(Buffer.from(text), 'p.yaml');
        if (!r.ok) return;
        if (r.source.pos) fast++;
        const slow = careful(r.source);
        for (const p of pointers(r.source.value)) {
          for (const q of [p, `${p}/missing`]) expect(locate(r.source, q), `${q} in\n${text}`).toEqual(locate(slow, q));
        }
      }),
      RUNS,
    );
    expect(fast).toBeGreaterThan(RUNS.numRuns * 0.8);
  });

  it('types every plain scalar as the careful path does, or leaves the file to it', () => {
    // Texts on which YAML schemas disagree (0b101, -.5, 0o17, +12, 1e3, .NaN, ~): js-yaml's own
    // typing is used only where it matches YAML 1.2's core schema, which `yaml` applies.
    const piece = fc.constantFrom(
      '0',
      '1',
      '7',
      '9',
      '-',
      '+',
      '.',
      'e',
      'E',
      'b',
      'o',
      'x',
      'f',
      'inf',
      'Inf',
      'nan',
      'NaN',
      'null',
      'Null',
      '~',
      'true',
      'False',
      'yes',
      '_',
      ':',
      '2026-11-26',
    );
    let fast = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 4 }), (parts) => {
        const s = parts.join('');
        const text = `k${s}: ${s}\nlist:\n  - ${s}\nflow: [${s}, {${s}: ${s}}]\n`;
        let expected: unknown;
        try {
          expected = parseYaml(text, { uniqueKeys: true, strict: true });
        } catch {
          return;
        }
        const r = parseSource(Buffer.from(text), 'p.yaml');
        expect(r.ok, text).toBe(true);
        if (!r.ok) return;
        if (r.source.pos) fast++;
        expect(isDeepStrictEqual(r.source.value, expected), text).toBe(true);
      }),
      { ...RUNS, numRuns: 1000 },
    );
    expect(fast).toBeGreaterThan(500);
  });

  it('places empty values, block scalars, comments and document markers as the careful path does', () => {
    const texts = [
      'a:\nb: 1\n',
      'a: # note\nb: 1\n',
      'x:\n  y:\nz: 2\n',
      'a: |\n  two\n  lines\nb: >-\n  folded\n',
      'a: "q"\nb: \'r\'\nc:   plain   # trailing\n',
      '- a: 1\n  b: 2\n- c\n',
      '---\na: 1\n...\n',
      'a: {by: "x", date: 2026-01-20, ok: true}\nb: [1, [2, 3], {c: d}]\n',
      '{by: "x", n: [1, 2]}\n',
      'a:\n  # comment\n  b: 1\n',
    ];
    for (const text of texts) {
      const r = parseSource(Buffer.from(text), 'p.yaml');
      expect(r.ok && r.source.pos !== undefined, text).toBe(true);
      if (!r.ok) continue;
      const slow = careful(r.source);
      expect(isDeepStrictEqual(r.source.value, slow.value), text).toBe(true);
      for (const p of pointers(r.source.value)) {
        for (const q of [p, `${p}/missing`]) expect(locate(r.source, q), `${q} in\n${text}`).toEqual(locate(slow, q));
      }
    }
  });

  it('never changes Object.prototype, whatever the keys', () => {
    fc.assert(
      fc.property(document, fc.boolean(), (doc, asJson) => {
        const text = asJson ? JSON.stringify(doc) : stringifyYaml(doc);
        const r = parseSource(Buffer.from(text), 'p.yaml');
        if (r.ok) validateAgainst('system.schema.json', r.source);
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_NAMES);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('accepts nesting up to the limit and refuses it beyond, flow or block', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 2, max: 80 }),
        fc.boolean(),
        (depth, maxDepth, flow) => {
          // depth = number of nested collections, the root mapping included.
          let text: string;
          if (flow) text = `a: ${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}\n`;
          else {
            text = '';
            for (let i = 0; i < depth - 1; i++) text += `${'  '.repeat(i)}k:\n`;
            text += `${'  '.repeat(depth - 1)}v: 1\n`;
          }
          const r = parseSource(Buffer.from(text), 'p.yaml', { ...DEFAULT_LIMITS, maxDepth });
          if (depth <= maxDepth) expect(r.ok, text).toBe(true);
          else {
            expect(r.ok).toBe(false);
            if (!r.ok) expect(r.errors[0]!.code).toBe('too-deep');
          }
        },
      ),
      RUNS,
    );
  });

  it('counts only real brackets towards flow depth (not those in quotes or comments)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 70, max: 300 }), (n) => {
        const text = `a: "${'['.repeat(n)}"\nb: '${'{'.repeat(n)}'\n# ${'['.repeat(n)}\n`;
        expect(flowDepthExceeded(text, 64)).toBeUndefined();
        expect(parseSource(Buffer.from(text), 'p.yaml').ok).toBe(true);
      }),
      { ...RUNS, numRuns: 50 },
    );
  });

  it('accepts a literal U+FFFD, which is valid UTF-8 (it used to be taken for a decoding error)', () => {
    const r = parseSource(Buffer.from('apiVersion: tuanthu/v1\nname: "a \uFFFD b"\n'), 'p.yaml');
    expect(r.ok).toBe(true);
    const bad = parseSource(Buffer.from([0x61, 0x3a, 0x20, 0x0a, 0x62, 0x3a, 0x20, 0xe0, 0x80]), 'p.yaml');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatchObject({ code: 'encoding', line: 2, column: 4 });
  });

  it('parses sizes with and without units', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4096 }),
        fc.constantFrom(['', 1], ['k', 1024], ['KB', 1024], ['m', 1024 ** 2], ['MiB', 1024 ** 2]),
        (n, [unit, factor]) => {
          expect(parseSize(`${n}${unit as string}`)).toBe(n * (factor as number));
        },
      ),
      RUNS,
    );
    expect(parseSize('0')).toBeUndefined();
    expect(parseSize('-5')).toBeUndefined();
    expect(parseSize('lots')).toBeUndefined();
  });
});

describe('schema validation properties', () => {
  const example = parseYaml(readFileSync(join(ROOT, 'examples/mof-public-services/system.yaml'), 'utf8')) as Record<
    string,
    unknown
  >;
  const paths = pointers(example).filter((p) => p !== '' && !p.startsWith('/apiVersion') && !p.startsWith('/kind'));

  it('reports a wrong-typed value anywhere in a valid descriptor at that value, without throwing', () => {
    const wrong = fc.oneof(
      fc.constant(null),
      fc.constant([]),
      fc.constant({}),
      fc.integer(),
      fc.constant('26/11/2026'),
      fc.constant(true),
      fc.string({ maxLength: 5 }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...paths), wrong, (pointer, value) => {
        const doc = structuredClone(example);
        const segs = pointerSegments(pointer);
        let parent = doc as Record<string, unknown>;
        for (const s of segs.slice(0, -1)) parent = parent[s] as Record<string, unknown>;
        const before = parent[segs.at(-1)!];
        if (isDeepStrictEqual(before, value)) return;
        parent[segs.at(-1)!] = value;
        const text = stringifyYaml(doc);
        const r = parseSource(Buffer.from(text), 'p.yaml');
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const errors = validateAgainst('system.schema.json', r.source);
        for (const e of errors) {
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.message.en).not.toMatch(/must NOT|must match/); // plain words, not ajv's
          expect(e.message.vi).not.toMatch(/must NOT|must match/);
        }
      }),
      RUNS,
    );
  });
});
