// The library API: lint() over inputs already read gives the report the CLI's file runner gives.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint, loadDescriptorText } from '../../src/api.js';
import { parseSource } from '../../src/io/descriptor/source.js';
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

  it('compares names as composed text: the operator typed decomposed as its own appraiser is not independent', () => {
    const operator = 'Cục Tin học và Thống kê tài chính';
    const decomposed = operator.normalize('NFD');
    expect(decomposed).not.toBe(operator);
    const text = readFileSync(COMPLIANT, 'utf8').replace(
      'by: "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao"',
      `by: "${decomposed}"`,
    );
    expect(text).toContain(decomposed);
    const loaded = loadDescriptorText('mof.yaml', text);
    if (!loaded.ok) throw new Error('expected the descriptor to load');
    const report = lint({ systems: [{ descriptor: loaded.source, stacks: [] }] }, OPTIONS);
    const lvl04 = report.systems[0]!.findings.filter((f) => f.rule === 'LVL-04');
    expect(lvl04.map((f) => f.params.msg)).toEqual(['not_independent']);
  });

  it('returns the problems of a text that is not a descriptor, with their place', () => {
    const bad = loadDescriptorText('bad.yaml', 'apiVersion: tuanthu/v1\nkind: [unclosed\n');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors[0]).toMatchObject({ file: 'bad.yaml', line: expect.any(Number) });
    const notOurs = loadDescriptorText('list.yaml', '- a\n- b\n');
    expect(notOurs.ok === false && notOurs.errors[0]!.code).toBe('not-a-descriptor');
  });

  it('rejects a critical waiver whose head is only directional controls, with no schema in the way', () => {
    // U+202E U+202C show nothing: the schema rejects such a name; lint() over an unvalidated source must too.
    const text = readFileSync(NONCOMPLIANT, 'utf8').replace(
      /accountable_head: \{name: [^,]+,/,
      'accountable_head: {name: "\\u202E\\u202C",',
    );
    expect(loadDescriptorText('portal.yaml', text).ok).toBe(false);
    const parsed = parseSource(Buffer.from(text, 'utf8'), 'portal.yaml');
    if (!parsed.ok) throw new Error('expected the text to parse');
    const waiver = {
      rule: 'LVL-02',
      system: 'tinh-ha-nam-dat-dai',
      justification: 'approval decision being signed',
      approvedBy: { name: '\u202E\u202C', title: 'Phó Chủ tịch UBND tỉnh' },
      approved: '2026-10-01',
      expires: '2026-12-31',
      location: { file: 'w.yaml', line: 1, column: 1 },
    };
    const report = lint(
      { systems: [{ descriptor: parsed.source, stacks: [] }], debt: { waivers: [waiver], errors: [], files: [] } },
      OPTIONS,
    );
    expect(report.waivers?.map((w) => [w.status, w.reason?.code])).toEqual([['invalid', 'critical-no-head']]);
    expect(report.systems[0]!.findings.some((f) => f.rule === 'LVL-02' && !f.waiver)).toBe(true);
  });
});
