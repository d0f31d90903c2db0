// Worker thread for large portfolios (src/run/pool.ts): checks descriptors, taking them a batch at a
// time, with its own policy engine and posts the results back in batches (smaller messages to clone).
// An exception reaches the main thread as the worker's "error" event.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalogue } from '../engine/catalogue.js';
import { PolicyEngine } from '../engine/policy-engine.js';
import { createRunMemo } from '../engine/system-report.js';
import { createSystemJsonWriter } from '../format/json.js';
import { claimBlocks } from '../util/share-work.js';
import { CHECK_BATCH, checkDescriptorFiles, type CheckTools, type FileCheckOptions } from './check-files.js';
import { packChecked, type WireChecked, type WorkerMessage } from './wire.js';

const BATCH = 64;
const { files, next, fileOptions } = workerData as { files: string[]; next: Int32Array; fileOptions: FileCheckOptions };
const tools: CheckTools = {
  engine: PolicyEngine.load(),
  catalogue: loadCatalogue(),
  memo: createRunMemo(),
  renderJson: createSystemJsonWriter(),
};
// Serialised systems move to the main thread without a copy.
const post = (m: WorkerMessage) =>
  parentPort!.postMessage(
    m,
    'results' in m ? m.results.flatMap(([, c]) => (c.json ? [c.json.buffer as ArrayBuffer] : [])) : [],
  );
let batch: Array<[number, WireChecked]> = [];
// The next unclaimed files come from the counter shared with the other threads (src/util/share-work.ts).
for (const items of claimBlocks(next, files.length, CHECK_BATCH)) {
  const checked = await checkDescriptorFiles(
    items.map((i) => files[i]!),
    fileOptions,
    tools,
  );
  for (const [k, i] of items.entries()) batch.push([i, packChecked(checked[k]!)]);
  if (batch.length >= BATCH) {
    post({ results: batch });
    batch = [];
  }
}
if (batch.length > 0) post({ results: batch });
post({ done: true });
