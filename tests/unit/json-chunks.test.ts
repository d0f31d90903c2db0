// The JSON report is written system by system (bounded memory on large portfolios); the pieces
// must join to exactly what one JSON.stringify of the whole report gives.
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/format/json.js';
import { lintFiles } from '../../src/run/lint-files.js';
import type { Report } from '../../src/model/types.js';
import { AS_OF, COMPLIANT, NONCOMPLIANT } from '../helpers.js';

const whole = (r: Report) =>
  JSON.stringify({ $schema: 'https://tuanthu.dev/schemas/report.schema.json', ...r }, null, 2) + '\n';

describe('jsonChunks', () => {
  it('joins to the one-string serialisation for zero, one and several systems', async () => {
    const many = await lintFiles([COMPLIANT, NONCOMPLIANT, 'no/such/file.yaml'], {
      asOf: AS_OF,
      failOn: 'high',
      lang: 'vi',
    });
    expect(many.systems.length).toBe(2);
    const large = { ...many, systems: Array.from({ length: 130 }, (_, i) => many.systems[i % 2]!) };
    expect([...jsonChunks(large)].join('')).toBe(whole(large)); // several batches
    for (const r of [many, { ...many, systems: many.systems.slice(0, 1) }, { ...many, systems: [] }]) {
      const pieces = [...jsonChunks(r)];
      expect(pieces.length).toBe(r.systems.length > 0 ? 4 : 3); // head, systems in batches of 16 (or []), close, tail
      expect(pieces.join('')).toBe(whole(r));
    }
  });

  it('writes a system with thousands of findings in pieces that join to the same text', async () => {
    const r = await lintFiles([NONCOMPLIANT], { asOf: AS_OF, failOn: 'high', lang: 'vi' });
    const s = r.systems[0]!;
    const findings = Array.from({ length: 2500 }, (_, i) => ({
      ...s.findings[i % s.findings.length]!,
      path: `/x/${i}`,
    }));
    const big = { ...r, systems: [s, { ...s, findings }, { ...s, findings: findings.slice(0, 1001) }, s] };
    const pieces = [...jsonChunks(big)];
    expect(pieces.join('')).toBe(whole(big));
    // A name that spells the markers (NUL characters) is serialised plainly, not spliced into.
    const spelled = { ...s, name: '\u0000tuanthu:findings\u0000', findings };
    const spelledRules = { ...s, owner: '\u0000tuanthu:rules\u0000' };
    const odd = { ...r, systems: [spelled, spelledRules] };
    expect([...jsonChunks(odd)].join('')).toBe(whole(odd));
    // Neither large system's findings arrive as one piece.
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(JSON.stringify(findings, null, 2).length / 2);
  });

  it('serialises per-rule entries of other shapes, and systems without them, as they are', async () => {
    const r = await lintFiles([COMPLIANT, NONCOMPLIANT], { asOf: AS_OF, failOn: 'high', lang: 'en' });
    const [a, b] = r.systems as [Report['systems'][number], Report['systems'][number]];
    const odd = {
      ...a,
      rules: [{ outcome: 'pass' as const, rule: a.rules[0]!.rule }, { ...a.rules[1]!, note: 'x' }, ...a.rules.slice(2)],
    };
    const { rules: _none, ...bare } = b;
    const mixed = { ...r, systems: [odd, bare as typeof b, a, b] };
    expect([...jsonChunks(mixed)].join('')).toBe(whole(mixed));
  });
});
