import { availableParallelism } from 'node:os';
import { CHECK_BATCH, type Checked, type FileCheckOptions } from './lint-files.js';
import { loadCatalogue } from '../engine/catalogue.js';
import { hasWorker, shareWork, type Done } from '../util/share-work.js';
import type { LintOptions } from '../model/types.js';
import { unpackChecked, type WireChecked } from './wire.js';

/**
 * Below this many descriptors a worker thread costs more than it saves: it starts cold (modules,
 * Wasm compilation, code not yet optimised) while checking in batches made each file cheap. Two
 * threads took longer than one at 400 and 700 descriptors, about as long at 1,000, and less
 * from 1,500 (docs/benchmarks.md, Run 9).
 */
export const PARALLEL_MIN_FILES = 1000;

const WORKER = new URL('./worker.js', import.meta.url);

/** Threads for a run: as asked, else 2 for a large portfolio on a machine with 2+ cores. */
export function parallelJobs(requested: number | undefined, files: number): number {
  // Run from TypeScript sources (the test runner) there is no compiled worker to start.
  if (!hasWorker(WORKER)) return 1;
  if (requested !== undefined) return Math.max(1, Math.min(requested, files));
  return files >= PARALLEL_MIN_FILES ? Math.min(2, availableParallelism()) : 1;
}

/**
 * Threads that may share the parsing of a large .tf module: as asked, else 2 on a machine with 2+
 * cores. (When threads share a portfolio, lint() asks for 1: each parses on the thread checking.)
 */
export function iacThreads(requested: number | undefined): number {
  return Math.max(1, requested ?? Math.min(2, availableParallelism()));
}

/** A worker's message: results of some of its files, by index in the run; `done` ends its share. */
export type WorkerMessage = { results: Array<[number, WireChecked]> } | Done;

/**
 * Checks the files with this thread and jobs-1 worker threads (src/lint-worker.ts), each with its
 * own policy engine. Returns the results in file order.
 */
export async function checkInParallel(
  files: string[],
  jobs: number,
  fileOptions: FileCheckOptions,
  here: (files: string[]) => Promise<Checked[]>,
  onProgress?: LintOptions['onProgress'],
): Promise<Checked[]> {
  const results: Checked[] = new Array<Checked>(files.length);
  const catalogue = loadCatalogue();
  let done = 0;
  const progress = (i: number) => onProgress?.({ done: done++, total: files.length, file: files[i]! });
  // Functions (the progress callback) cannot cross to a thread.
  const { onProgress: _drop, ...options } = fileOptions.options as LintOptions;
  // Whoever is free takes the next files (CHECK_BATCH of them), so the threads finish together even though this one also
  // started first and will write the report afterwards.
  await shareWork<Exclude<WorkerMessage, Done>>({
    count: files.length,
    workers: jobs - 1,
    url: WORKER,
    workerData: { files, fileOptions: { ...fileOptions, options } },
    onMessage: (m) => {
      for (const [i, c] of m.results) {
        results[i] = unpackChecked(c, catalogue);
        progress(i);
      }
    },
    block: CHECK_BATCH,
    here: async (items) => {
      const checked = await here(items.map((i) => files[i]!));
      items.forEach((i, k) => {
        results[i] = checked[k]!;
        progress(i);
      });
    },
    onWorkerFailure: 'reject',
  });
  return results;
}
