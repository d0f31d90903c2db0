// "Did you mean": the nearest candidates, and a misspelt descriptor field pointed at the right one.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/util/suggest.js';
import { AS_OF, ROOT } from '../helpers.js';

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit, and insertions, deletions, substitutions as one each', () => {
    expect(editDistance('nmae', 'name')).toBe(1);
    expect(editDistance('levle', 'level')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('closest', () => {
  it('offers near candidates nearest first, and nothing for a different word', () => {
    expect(closest('nmae', ['id', 'name', 'owner'])).toEqual(['name']);
    expect(closest('lvel', ['levels', 'level', 'label'])).toEqual(['level']);
    expect(closest('secruity_levle', ['security_level', 'security_label', 'level'])).toEqual(['security_level']);
    expect(closest('budget', ['id', 'name', 'owner'])).toEqual([]);
  });
});

describe('a misspelt descriptor field', () => {
  it('names the schema field it was probably meant to be, in both languages, at its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-typo-'));
    const text = readFileSync(join(ROOT, 'examples/mof-public-services/system.yaml'), 'utf8');
    const file = join(dir, 'system.yaml');
    writeFileSync(file, text.replace(/^ {2}name:/m, '  nmae:').replace(/^ {2}level:/m, '  levle:'));
    const line = (key: string) => text.split('\n').findIndex((l) => l.startsWith(`  ${key}:`)) + 1;
    const bin = join(ROOT, 'bin/tuanthu.js');
    const en = await execa('node', [bin, 'check', file, '--as-of', AS_OF, '--lang', 'en'], { reject: false });
    expect(en.exitCode).toBe(2);
    expect(en.stdout).toContain(`system.yaml:${line('name')}:`);
    expect(en.stdout).toMatch(/"nmae" in "system" .*; did you mean "name"\?/);
    expect(en.stdout).toMatch(/"levle" in "classification" .*; did you mean "level"\?/);
    const vi = await execa('node', [bin, 'check', file, '--as-of', AS_OF, '--lang', 'vi'], { reject: false });
    expect(vi.stdout).toMatch(/trường lạ "nmae" .*; có phải ý bạn là "name"\?/);
  });
});
