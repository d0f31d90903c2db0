// The inspector's per-clause view: an item is as good as the worst of its rules, a portfolio as its
// worst system; waived, due (with the earliest date) and not-yet-checked items are told apart.
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/engine/catalogue.js';
import { clauseSummary } from '../../src/engine/clause-summary.js';
import type { Coverage } from '../../src/engine/coverage.js';
import type { RuleOutcome, SystemReport } from '../../src/model/types.js';
import { tallyText } from '../../src/format/clause-text.js';

const req = { en: 'x', vi: 'x' };
const coverage: Coverage = {
  bodies: {},
  entries: [
    { clause: 'KH04:V.1.m', item: '1', requires: req, rules: ['A-01', 'B-01'] },
    { clause: 'KH04:V.1.m', item: '2', requires: req, rules: ['C-01'], due: '2026-04-30' },
    { clause: 'KH04:V.1.m', item: '3', requires: req, rules: ['D-01'] },
    { clause: 'KH04:V.1.m', item: '4', requires: req, open: req },
    { clause: 'KH04:V.1.m', item: '5', requires: req, 'not-checkable': req },
    { clause: 'TB06:III.5', requires: req, rules: ['E-01'] },
  ],
};
const catalogue = { byId: new Map() } as unknown as Catalogue;

function system(outcomes: Record<string, RuleOutcome>, waived: string[] = []): SystemReport {
  return {
    file: 's.yaml',
    id: 's',
    name: 's',
    result: 'fail',
    metrics: {},
    inputs: [],
    rules: Object.entries(outcomes).map(([rule, outcome]) => ({ rule, outcome })),
    findings: Object.entries(outcomes)
      .filter(([, o]) => o === 'fail')
      .map(([rule]) => ({ rule, status: 'violation', ...(waived.includes(rule) ? { waiver: {} } : {}) })) as never,
  };
}

describe('clauseSummary', () => {
  it('takes the worst rule of an item, and counts open items as not yet checked, never as met', () => {
    const [tb06, kh04] = clauseSummary(
      {
        systems: [system({ 'A-01': 'pass', 'B-01': 'fail', 'C-01': 'due', 'D-01': 'pass', 'E-01': 'not_applicable' })],
      },
      coverage,
      catalogue,
    );
    // Documents come in citation order: 06-TB, 57-CT, 04-KH, the dispatch.
    expect(kh04).toMatchObject({
      number: '04-KH/BCĐTW',
      met: 1,
      not_met: 1,
      due: 1,
      unchecked: 1,
      dueBy: '2026-04-30',
    });
    expect(tallyText(kh04!, 'en')).toBe(
      '1 of 3 item(s) met · 1 not met · 1 due by 2026-04-30 · 1 not yet checked by a rule',
    );
    expect(tb06).toMatchObject({ number: '06-TB/CQTTBCĐ', met: 0, not_applicable: 1 });
  });

  it('counts an item whose every violation is waived as waived, and a portfolio item as its worst system', () => {
    const good = system({ 'A-01': 'pass', 'B-01': 'pass', 'C-01': 'pass', 'D-01': 'pass', 'E-01': 'pass' });
    const waived = system({ 'A-01': 'pass', 'B-01': 'pass', 'C-01': 'pass', 'D-01': 'fail', 'E-01': 'pass' }, ['D-01']);
    const kh04 = clauseSummary({ systems: [good, waived] }, coverage, catalogue)[1];
    expect(kh04).toMatchObject({ met: 2, waived: 1, not_met: 0 });
    const alone = clauseSummary({ systems: [good] }, coverage, catalogue)[1];
    expect(alone).toMatchObject({ met: 3, waived: 0 });
  });

  it("counts an agency's rule (Report.agencies): an item its systems cannot judge is not met when the agency fails", () => {
    // E-01 stands for BUD-04: not applicable to each system, judged for the agency over them.
    const sys = system({ 'A-01': 'pass', 'B-01': 'pass', 'C-01': 'pass', 'D-01': 'pass', 'E-01': 'not_applicable' });
    const agency = { ...system({ 'E-01': 'fail' }), id: 'agency:X', systems: 1 };
    const without = clauseSummary({ systems: [sys] }, coverage, catalogue)[0];
    expect(without).toMatchObject({ not_applicable: 1, not_met: 0 });
    const withAgency = clauseSummary({ systems: [sys], agencies: [agency] }, coverage, catalogue)[0];
    expect(withAgency).toMatchObject({ not_met: 1, met: 0 });
    const passing = { ...system({ 'E-01': 'pass' }), id: 'agency:X', systems: 1 };
    expect(clauseSummary({ systems: [sys], agencies: [passing] }, coverage, catalogue)[0]).toMatchObject({ met: 1 });
  });
});
