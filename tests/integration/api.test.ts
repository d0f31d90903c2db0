// The library API: lint() over inputs already read gives the report the CLI's file runner gives.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint, loadDescriptorText } from '../../src/api.js';
import { lintFiles } from '../../src/run/lint-files.js';
import { readInputs } from '../../src/run/read-inputs.js';
import { AS_OF, COMPLIANT, NONCOMPLIANT, ROOT } from '../helpers.js';

const OPTIONS = { asOf: AS_OF, failOn: 'high' as const, lang: 'en' as const, cwd: ROOT };

describe('lint(inputs, options)', () => {
  it('gives, for the inputs readInputs() reads, the report lintFiles() gives for the paths', async () => {
    for (const paths of [
      ['examples'],
      [COMPLIANT, NONCOMPLIANT],
      ['tests/fixtures/bad/malformed.yaml', NONCOMPLIANT],
    ]) {
      const expected = await lintFiles(paths, OPTIONS);
      const inputs = await readInputs(paths, OPTIONS);
      expect(inputs.systems.length, paths.join(' ')).toBeGreaterThan(0);
      expect(lint(inputs, OPTIONS)).toEqual(expected);
    }
  });

  it('checks a descriptor given as text, with no file behind it', () => {
    const text = readFileSync(NONCOMPLIANT, 'utf8');
    const loaded = loadDescriptorText('portal.yaml', text);
    if (!loaded.ok) throw new Error('expected the example to load');
    const report = lint({ systems: [{ descriptor: loaded.source, stacks: [] }] }, OPTIONS);
    expect(report.summary.failed).toBe(1);
    const lvl02 = report.systems[0]!.findings.find((f) => f.rule === 'LVL-02')!;
    expect(lvl02.location.file).toBe('portal.yaml');
    expect(lvl02.location.line).toBeGreaterThan(1);
  });

  it('returns the problems of a text that is not a descriptor, with their place', () => {
    const bad = loadDescriptorText('bad.yaml', 'apiVersion: tuanthu/v1\nkind: [unclosed\n');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors[0]).toMatchObject({ file: 'bad.yaml', line: expect.any(Number) });
    const notOurs = loadDescriptorText('list.yaml', '- a\n- b\n');
    expect(notOurs.ok === false && notOurs.errors[0]!.code).toBe('not-a-descriptor');
  });
});
