import { loadCatalogue } from '../engine/catalogue.js';
import type { LintOptions } from '../model/types.js';
import { shareWork, type Done } from '../util/share-work.js';
import { CHECK_BATCH, type Checked, type FileCheckOptions } from './check-files.js';
import { WORKER } from './threads.js';
import { unpackChecked, type WorkerMessage } from './wire.js';

/**
 * The young generation of a checking worker's heap. V8 lets it grow to 48 MiB (16 MiB semi-spaces)
 * when a thread allocates as fast as checking does; everything a batch allocates is short-lived, so
 * a smaller one costs no time and keeps ~25 MiB less resident (docs/benchmarks.md, issue 23). The
 * old generation, which a large IaC stack needs, is left unbounded.
 */
const WORKER_YOUNG_GENERATION_MB = 24;

/**
 * Checks the files with this thread and jobs-1 worker threads (src/run/worker.ts), each with its
 * own policy engine. Returns the results in file order; with `take`, hands each result to it as it
 * arrives instead (in no particular order, by index) and keeps none.
 */
export async function checkInParallel(
  files: string[],
  jobs: number,
  fileOptions: FileCheckOptions,
  here: (files: string[]) => Promise<Checked[]>,
  onProgress?: LintOptions['onProgress'],
  take?: (index: number, checked: Checked) => void,
): Promise<Checked[]> {
  const results: Checked[] = take ? [] : new Array<Checked>(files.length);
  const keep = take ?? ((i: number, c: Checked) => (results[i] = c));
  const catalogue = loadCatalogue();
  let done = 0;
  const progress = (i: number) => onProgress?.({ done: done++, total: files.length, file: files[i]! });
  // Functions (the progress callback) cannot cross to a thread.
  const { onProgress: _drop, ...options } = fileOptions.options as LintOptions;
  // Whoever is free takes the next files (CHECK_BATCH of them), so the threads finish together even
  // though this one also started first and will write the report afterwards.
  await shareWork<Exclude<WorkerMessage, Done>>({
    count: files.length,
    workers: jobs - 1,
    url: WORKER,
    workerData: { files, fileOptions: { ...fileOptions, options } },
    onMessage: (m) => {
      for (const [i, c] of m.results) {
        keep(i, unpackChecked(c, catalogue, fileOptions.options.lang));
        progress(i);
      }
    },
    block: CHECK_BATCH,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    here: async (items) => {
      const checked = await here(items.map((i) => files[i]!));
      items.forEach((i, k) => {
        keep(i, checked[k]!);
        progress(i);
      });
    },
    onWorkerFailure: 'reject',
  });
  return results;
}
