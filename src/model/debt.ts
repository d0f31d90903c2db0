import type { Baseline } from './baseline.js';
import type { DebtInputFile, InputProblem } from './types.js';
import type { Waiver } from './waiver.js';

/** Waivers and baseline of a run, read and validated before any descriptor is evaluated. */
export interface DebtInputs {
  waivers: Waiver[];
  baseline?: { baseline: Baseline; file: string };
  errors: InputProblem[];
  /** The files read, with their digests, for Report.debtInputs. */
  files: DebtInputFile[];
}
