// Worker thread for large portfolios (src/parallel.ts): checks descriptors, taking them one by one, with
// its own policy engine and posts the results back in batches (smaller messages to clone).
// An exception reaches the main thread as the worker's "error" event.
import { parentPort, workerData } from 'node:worker_threads';
import { checkDescriptorFile, type FileCheckOptions } from './lint.js';
import type { WorkerMessage } from './parallel.js';
import { loadCatalogue } from './policy/catalogue.js';
import { PolicyEngine } from './policy/engine.js';
import { claims } from './share-work.js';
import { packChecked, type WireChecked } from './wire.js';

const BATCH = 64;
const { files, next, fileOptions } = workerData as { files: string[]; next: Int32Array; fileOptions: FileCheckOptions };
const engine = PolicyEngine.load();
const catalogue = loadCatalogue();
// Serialised systems move to the main thread without a copy.
const post = (m: WorkerMessage) => parentPort!.postMessage(m, 'results' in m ? m.results.flatMap(([, c]) => (c.json ? [c.json.buffer as ArrayBuffer] : [])) : []);
let batch: Array<[number, WireChecked]> = [];
// The next unclaimed file comes from the counter shared with the other threads (src/share-work.ts).
for (const i of claims(next, files.length)) {
  batch.push([i, packChecked(await checkDescriptorFile(files[i]!, fileOptions, engine, catalogue), catalogue)]);
  if (batch.length >= BATCH) {
    post({ results: batch });
    batch = [];
  }
}
if (batch.length > 0) post({ results: batch });
post({ done: true });
