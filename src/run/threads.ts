import { availableParallelism } from 'node:os';
import { hasWorker } from '../util/share-work.js';

/**
 * Below this many descriptors a worker thread costs more than it saves: it starts cold (modules,
 * Wasm compilation, code not yet optimised) while checking in batches made each file cheap. Two
 * threads took longer than one at 400 and 700 descriptors, about as long at 1,000, and less
 * from 1,500 (docs/benchmarks.md, Run 9).
 */
export const PARALLEL_MIN_FILES = 1000;

export const WORKER = new URL('./worker.js', import.meta.url);

/** Threads for a run: as asked, else 2 for a large portfolio on a machine with 2+ cores. */
export function parallelJobs(requested: number | undefined, files: number): number {
  // Run from TypeScript sources (the test runner) there is no compiled worker to start.
  if (!hasWorker(WORKER)) return 1;
  if (requested !== undefined) return Math.max(1, Math.min(requested, files));
  return files >= PARALLEL_MIN_FILES ? Math.min(2, availableParallelism()) : 1;
}

/**
 * Threads that may share the parsing of a large .tf module: as asked, else 2 on a machine with 2+
 * cores. (When threads share a portfolio, runLint() asks for 1: each parses on the thread checking.)
 */
export function iacThreads(requested: number | undefined): number {
  return Math.max(1, requested ?? Math.min(2, availableParallelism()));
}
