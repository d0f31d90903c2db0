import { relative, resolve } from 'node:path';
import type { DebtInputs } from '../../model/debt.js';
import type { DebtInputFile, InputProblem, Limits, LintOptions } from '../../model/types.js';
import type { Waiver } from '../../model/waiver.js';
import { loadBaseline } from './baseline.js';
import { loadWaivers, waiverFiles } from './waivers.js';

export async function loadDebtInputs(
  options: LintOptions,
  cwd: string,
  descriptors: string[],
  limits: Limits,
): Promise<DebtInputs> {
  const display = (p: string) => relative(cwd, p) || p;
  const errors: InputProblem[] = [];
  const waivers: Waiver[] = [];
  const files: DebtInputFile[] = [];
  for (const file of await waiverFiles(options.waivers, cwd, descriptors)) {
    const loaded = await loadWaivers(file, display(file), limits);
    for (const w of loaded.waivers) waivers.push(w);
    for (const e of loaded.errors) errors.push(e);
    if (loaded.sha256) files.push({ file: display(file), sha256: loaded.sha256, role: 'waivers' });
  }
  if (options.baseline === undefined) return { waivers, errors, files };
  const abs = resolve(cwd, options.baseline);
  const loaded = await loadBaseline(abs, display(abs), limits);
  if (!loaded.ok) return { waivers, errors: [...errors, ...loaded.errors], files };
  files.push({ file: display(abs), sha256: loaded.sha256, role: 'baseline' });
  return { waivers, errors, files, baseline: { baseline: loaded.baseline, file: display(abs) } };
}
