// Worker thread for large portfolios (src/parallel.ts): checks its share of the files and posts
// the results back. Errors propagate to the main thread as the worker's "error" event.
import { parentPort, workerData } from 'node:worker_threads';
import { checkFiles } from './lint.js';
import { loadCatalogue } from './policy/catalogue.js';
import { PolicyEngine } from './policy/engine.js';
import type { Limits, LintOptions } from './types.js';

const { files, options, limits } = workerData as { files: string[]; options: LintOptions; limits: Limits };
parentPort!.postMessage(checkFiles(files, options, limits, PolicyEngine.load(), loadCatalogue()));
