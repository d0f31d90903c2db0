import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { InputError, Limits, LintOptions, SystemReport } from './types.js';

export interface Checked {
  systems: SystemReport[];
  errors: InputError[];
}

/**
 * One thread unless asked (--jobs): on the 2-core benchmark machine, shared with other work, a second
 * thread made 1,000 and 10,000 descriptors slower (9.5 s vs 4.5 s, 38 s vs 23 s wall) and cost
 * 20–30% more CPU (docs/benchmarks.md). Where cores are free, --jobs 2 may pay; it is measured by
 * `npm run bench` and gives byte-identical reports.
 */
export function defaultJobs(_files: number): number {
  return 1;
}

export function maxJobs(): number {
  return availableParallelism();
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
