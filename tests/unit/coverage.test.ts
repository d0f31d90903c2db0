// Coverage: every clause that seeds/ marks checkable is cited by at least one rule of the compiled
// catalogue, and every clause marked not checkable says why (the schema requires the reason).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/engine/catalogue.js';
import { readYaml, ROOT } from '../helpers.js';

interface Seed {
  clauses: Array<{ id: string; checkable: boolean; reason?: { vi: string; en: string } }>;
}

const seedDir = join(ROOT, 'seeds');
const clauses = readdirSync(seedDir)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => readYaml<Seed>(join(seedDir, f)).clauses);
const cited = new Set(loadCatalogue().rules.flatMap((r) => r.clauses));

describe('clause coverage', () => {
  it('every checkable clause in seeds/ is cited by a rule', () => {
    const uncovered = clauses.filter((c) => c.checkable && !cited.has(c.id)).map((c) => c.id);
    expect(uncovered, `checkable clauses no rule cites: ${uncovered.join(', ')}`).toEqual([]);
  });

  it('every clause that is not checkable gives its reason in both languages', () => {
    const silent = clauses.filter((c) => !c.checkable && !(c.reason?.vi && c.reason.en)).map((c) => c.id);
    expect(silent).toEqual([]);
  });
});
