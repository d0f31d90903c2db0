import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { InputError, Limits, LintOptions, SystemReport } from './types.js';

export interface Checked {
  systems: SystemReport[];
  errors: InputError[];
}

/**
 * Below this many files a worker thread costs more than it saves: starting one (modules + Wasm)
 * takes about as long as checking ~100 descriptors (docs/benchmarks.md).
 */
export const PARALLEL_MIN_FILES = 400;

export function defaultJobs(files: number): number {
  return files >= PARALLEL_MIN_FILES ? Math.min(2, availableParallelism()) : 1;
}

/**
 * Splits the files between this thread and jobs-1 worker threads (src/lint-worker.ts), each with
 * its own policy engine; the report is sorted afterwards, so the split never shows in the output.
 */
export async function checkInParallel(files: string[], jobs: number, options: LintOptions, limits: Limits, here: (files: string[]) => Checked): Promise<Checked> {
  const shares: string[][] = Array.from({ length: jobs }, () => []);
  files.forEach((f, i) => shares[i % jobs]!.push(f));
  const workers = shares.slice(1).map(
    (share) =>
      new Promise<Checked>((resolvePromise, reject) => {
        const w = new Worker(new URL('./lint-worker.js', import.meta.url), { workerData: { files: share, options: { ...options, jobs: 1 }, limits } });
        w.once('message', (m: Checked) => resolvePromise(m));
        w.once('error', reject);
        w.once('exit', (code) => code !== 0 && reject(new Error(`worker stopped with exit code ${code}`)));
      }),
  );
  const mine = here(shares[0]!);
  const theirs = await Promise.all(workers);
  return { systems: mine.systems.concat(...theirs.map((t) => t.systems)), errors: mine.errors.concat(...theirs.map((t) => t.errors)) };
}
