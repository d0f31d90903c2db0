// Worker thread for large .tf files (src/io/iac/hcl.ts): parses pieces of them with its own hcl2json,
// taking them one by one from the counter shared with the main thread (src/util/share-work.ts), and posts each value back.
import { parentPort, workerData } from 'node:worker_threads';
import { claims } from '../../util/share-work.js';
import type { PieceMessage } from './hcl.js';

const { pieces, next } = workerData as { pieces: string[]; next: Int32Array };
const { parse } = await import('@cdktn/hcl2json');
const post = (m: PieceMessage) => parentPort!.postMessage(m);
for (const i of claims(next, pieces.length)) {
  try {
    post({ index: i, value: (await parse('piece.tf', pieces[i]!)) as Record<string, unknown> });
  } catch {
    // The main thread parses the whole file again for hcl2json's own message and position.
    post({ index: i, failed: true });
  }
}
post({ done: true });
