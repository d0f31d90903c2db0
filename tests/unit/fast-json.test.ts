// The JSON fast path (src/io/descriptor/fast-json.ts) must give what the YAML fast path gives on the same
// text — value and every position — and must leave to the YAML paths whatever they judge.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastParseJson } from '../../src/io/descriptor/fast-json.js';
import { fastParse } from '../../src/io/descriptor/fast-yaml.js';
import { parseSource } from '../../src/io/descriptor/source.js';
import { ROOT } from '../helpers.js';

const example = JSON.stringify(
  parseYaml(readFileSync(join(ROOT, 'examples/province-land-portal/system.yaml'), 'utf8')),
  null,
  2,
);

describe('JSON fast path', () => {
  it('gives the value and the position tree that the YAML fast path gives', () => {
    for (const text of [
      example,
      JSON.stringify(JSON.parse(example)),
      '{"a": [1, {"b": null}, "x"], "c": {"d": [[], {}]}, "e": -1.5e3}',
    ]) {
      const json = fastParseJson(text, 64);
      const yaml = fastParse(text, 64);
      expect(json).toBeDefined();
      expect(isDeepStrictEqual(json!.value, yaml!.value)).toBe(true);
      expect(json!.root).toEqual(yaml!.root);
    }
  });

  it('declines what the YAML paths must judge', () => {
    for (const text of [
      'a: 1',
      '[1, 2]',
      '{a: 1}',
      '{"a": 1, "a": 2}',
      '{"__proto__": {"x": 1}}',
      '{"a": "\u007f"}',
      '{"a": 1} trailing',
      '',
    ]) {
      expect(fastParseJson(text, 64), text).toBeUndefined();
    }
  });

  it('declines nesting deeper than the limit, which the careful path then reports where it starts', () => {
    const text = `{"a": ${'['.repeat(70)}${']'.repeat(70)}}`;
    expect(fastParseJson(text, 64)).toBeUndefined();
    expect(fastParseJson(text, 80)).toBeDefined();
    const r = parseSource(Buffer.from(text), 'deep.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'too-deep', line: 1 });
  });

  it('leaves a duplicate key in a JSON descriptor to be reported where it is', () => {
    const r = parseSource(Buffer.from('{\n  "a": 1,\n  "a": 2\n}\n'), 'd.json');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]).toMatchObject({
        line: 3,
        column: 3,
        message: expect.objectContaining({ en: expect.stringContaining('appears twice') }),
      });
  });

  it('is the path a JSON descriptor takes', () => {
    const r = parseSource(Buffer.from(example), 'p.json');
    expect(r.ok && r.source.pos).toEqual(fastParseJson(example, 64)!.root);
  });
});
