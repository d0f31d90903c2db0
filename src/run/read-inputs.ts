import { relative, resolve } from 'node:path';
import type { LintInputs } from '../api.js';
import { loadDebtInputs } from '../io/debt/inputs.js';
import { discover } from '../io/discover.js';
import { classifyFile } from '../io/iac/sniff.js';
import { resolveLimits } from '../io/limits.js';
import type { InputProblem, Limits, LintOptions } from '../model/types.js';
import { loadStackFiles, readDescriptor, standaloneIac, validated, withStacks } from './check-files.js';

/**
 * Everything a run over these paths reads, loaded whole: for lint() (src/api.ts), which evaluates
 * without touching the file system. runLint() reads the same inputs a batch at a time instead.
 */
export async function readInputs(paths: string[], options: LintOptions, given?: Partial<Limits>): Promise<LintInputs> {
  const cwd = options.cwd ?? process.cwd();
  const display = (p: string) => relative(cwd, resolve(cwd, p)) || p;
  const limits = resolveLimits(given, options.limits);
  const found = await discover(paths.map((p) => resolve(cwd, p)));
  const problems: InputProblem[] = found.problems.map((p) => ({
    file: display(p.path),
    code: 'read',
    message: p.message,
  }));
  const debt = await loadDebtInputs(options, cwd, found.files, limits);
  for (const e of debt.errors) problems.push(e);
  const systems: LintInputs['systems'] = [];
  const iacPaths = new Set(found.iac);
  const attached = new Set<string>();
  const io = { options, limits, walked: found.walked };
  for (const file of found.files) {
    if (!found.walked.has(file) && (await classifyFile(file)) === 'iac') {
      iacPaths.add(file);
      continue;
    }
    const read = readDescriptor(file, io, display);
    const v = read.ok ? validated(read.source) : read.checked;
    if (!('value' in v)) {
      for (const e of v.errors) problems.push(e);
      if (v.skipped === 'iac') iacPaths.add(file);
      continue;
    }
    const s = await withStacks(file, v, io, display);
    for (const e of s.errors) problems.push(e);
    for (const f of s.attached) attached.add(f);
    systems.push({ descriptor: s.source, stacks: s.stacks });
  }
  for (const f of standaloneIac(iacPaths, attached)) {
    const r = await loadStackFiles([f], display, limits, options.jobs, options.iacVariables);
    for (const e of r.errors) problems.push(e);
    if (r.stacks.length > 0) systems.push({ descriptor: null, stacks: r.stacks });
  }
  return { systems, problems, debt };
}
