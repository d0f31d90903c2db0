import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, Worker } from 'node:worker_threads';
import type { Checked, FileCheckOptions } from './lint.js';
import { loadCatalogue } from './policy/catalogue.js';
import type { LintOptions } from './types.js';
import { unpackChecked, type WireChecked } from './wire.js';

/**
 * Below this many descriptors a worker thread costs more than it saves: starting one (modules,
 * Wasm compilation, data) takes about as long as checking ~100 descriptors (docs/benchmarks.md).
 */
export const PARALLEL_MIN_FILES = 400;

const WORKER = new URL('./lint-worker.js', import.meta.url);

/** Files this thread checks between turns of the event loop (for the workers' messages: a batch is 64 files). */
const YIELD_EVERY = 16;

/** Threads for a run: as asked, else 2 for a large portfolio on a machine with 2+ cores. */
export function parallelJobs(requested: number | undefined, files: number): number {
  // Run from TypeScript sources (the test runner) there is no compiled worker to start.
  if (!existsSync(fileURLToPath(WORKER))) return 1;
  if (requested !== undefined) return Math.max(1, Math.min(requested, files));
  return files >= PARALLEL_MIN_FILES ? Math.min(2, availableParallelism()) : 1;
}

/**
 * Threads that may share the parsing of a large .tf module: as asked, else 2 on a machine with 2+
 * cores. A portfolio's worker threads are already one per core, so they parse on their own.
 */
export function iacThreads(requested: number | undefined): number {
  if (!isMainThread) return 1;
  return Math.max(1, requested ?? Math.min(2, availableParallelism()));
}

/** A worker's message: results of some of its files, by index in the run; `done` ends its share. */
export type WorkerMessage = { results: Array<[number, WireChecked]> } | { done: true };

/**
 * Checks the files with this thread and jobs-1 worker threads (src/lint-worker.ts), each with its
 * own policy engine. Returns the results in file order.
 */
export async function checkInParallel(
  files: string[],
  jobs: number,
  fileOptions: FileCheckOptions,
  here: (file: string) => Promise<Checked>,
  onProgress?: LintOptions['onProgress'],
): Promise<Checked[]> {
  const results: Checked[] = new Array<Checked>(files.length);
  const catalogue = loadCatalogue();
  let done = 0;
  const progress = (i: number) => onProgress?.({ done: done++, total: files.length, file: files[i]! });
  // Functions (the progress callback) cannot cross to a thread.
  const { onProgress: _drop, ...options } = fileOptions.options as LintOptions;
  // The next file to check, shared by all threads: whoever is free takes it, so the threads finish
  // together even though this one also started first and will write the report afterwards.
  const next = new Int32Array(new SharedArrayBuffer(4));
  const workers: Worker[] = [];
  const finished = Array.from({ length: jobs - 1 }, () => {
    return new Promise<void>((resolveShare, reject) => {
      const w = new Worker(WORKER, { workerData: { files, next, fileOptions: { ...fileOptions, options } } });
      workers.push(w);
      w.on('message', (m: WorkerMessage) => {
        if ('done' in m) return resolveShare();
        for (const [i, c] of m.results) {
          results[i] = unpackChecked(c, catalogue);
          progress(i);
        }
      });
      w.once('error', reject);
      w.once('exit', (code) => (code === 0 ? resolveShare() : reject(new Error(`a worker thread stopped with exit code ${code}`))));
    });
  });
  try {
    for (let i = Atomics.add(next, 0, 1), n = 1; i < files.length; i = Atomics.add(next, 0, 1), n++) {
      results[i] = await here(files[i]!);
      progress(i);
      // Checking a file never waits on the event loop, so the workers' messages would queue up
      // until this thread ran out of files and then be unpacked alone, after the workers stopped
      // (0.7 s at 10,000 descriptors). Taking them as they come spreads that work over the run.
      if (n % YIELD_EVERY === 0) await new Promise<void>((resolveTurn) => setImmediate(resolveTurn));
    }
    await Promise.all(finished);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
