// Coverage: every clause that seeds/ marks checkable is cited by at least one rule of the
// compiled catalogue. While the catalogue is built in parallel branches, tests/coverage.pending.json
// lists the clauses still expected from elsewhere; an entry that a rule now cites fails the test,
// so the list can only shrink, and the integrator deletes the file after the merge.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/policy/catalogue.js';
import { readYaml, ROOT } from './helpers.js';

interface Seed {
  clauses: Array<{ id: string; checkable: boolean }>;
}

const seedDir = join(ROOT, 'seeds');
const checkable = readdirSync(seedDir)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => readYaml<Seed>(join(seedDir, f)).clauses)
  .filter((c) => c.checkable)
  .map((c) => c.id);
const cited = new Set(loadCatalogue().rules.flatMap((r) => r.clauses));

const pendingFile = join(ROOT, 'tests/coverage.pending.json');
const pending: string[] = existsSync(pendingFile)
  ? Object.entries(JSON.parse(readFileSync(pendingFile, 'utf8')) as Record<string, unknown>)
      .filter(([k]) => !k.startsWith('_'))
      .flatMap(([, v]) => Object.keys(v as Record<string, string>))
  : [];

describe('clause coverage', () => {
  it('every checkable clause in seeds/ is cited by a rule', () => {
    const uncovered = checkable.filter((id) => !cited.has(id) && !pending.includes(id));
    expect(uncovered, `checkable clauses no rule cites: ${uncovered.join(', ')}`).toEqual([]);
  });

  it('the pending list names only checkable clauses that are still uncovered', () => {
    const stale = pending.filter((id) => cited.has(id));
    const unknown = pending.filter((id) => !checkable.includes(id));
    expect(stale, `now cited, remove from tests/coverage.pending.json: ${stale.join(', ')}`).toEqual([]);
    expect(unknown, `not a checkable clause in seeds/: ${unknown.join(', ')}`).toEqual([]);
  });
});
