// Work shared by this thread and worker threads through one counter in shared memory: whoever is
// free takes the next item, so the threads finish together whatever each item costs. Used for the
// descriptors of a large portfolio (src/run/pool.ts) and the pieces of a large .tf file (src/io/iac/hcl.ts).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** A worker's last message: it takes no more items. */
export type Done = { done: true };

/** Items this thread handles between turns of the event loop, where the workers' messages are taken. */
const YIELD_EVERY = 16;

/** Whether the compiled worker module exists: run from TypeScript sources (the test runner) there is none. */
export function hasWorker(url: URL): boolean {
  return existsSync(fileURLToPath(url));
}

/** The indices a thread takes from the shared counter, `block` at a time, until none are left. */
export function* claimBlocks(next: Int32Array, count: number, block = 1): Generator<number[]> {
  for (let i = Atomics.add(next, 0, block); i < count; i = Atomics.add(next, 0, block)) {
    const items: number[] = [];
    for (let k = i; k < Math.min(count, i + block); k++) items.push(k);
    yield items;
  }
}

/** The indices a thread takes from the shared counter, one at a time, until none are left. */
export function* claims(next: Int32Array, count: number): Generator<number> {
  for (const [i] of claimBlocks(next, count)) yield i!;
}

export interface ShareWork<M> {
  /** Items 0 … count-1. */
  count: number;
  /** Worker threads besides this one. */
  workers: number;
  url: URL;
  /** Given to each worker, with the counter as `next`. */
  workerData: Record<string, unknown>;
  /** A worker's message other than Done. */
  onMessage: (m: M) => void;
  /** Items a thread takes at a time (1 unless said). */
  block?: number;
  /** This thread's handling of some items (`block` of them but at the end). */
  here: (items: number[]) => Promise<void>;
  /** A worker's error or failed exit: fails the call, or only ends its share (the caller handles what it left undone). */
  onWorkerFailure: 'reject' | 'end-share';
  /** The workers' heap limits (node:worker_threads ResourceLimits); V8's defaults when absent. */
  resourceLimits?: { maxYoungGenerationSizeMb?: number };
}

/** Handles the items on this thread and the workers; resolves when every thread has run out of items. */
export async function shareWork<M extends object>(o: ShareWork<M>): Promise<void> {
  const next = new Int32Array(new SharedArrayBuffer(4));
  const started: Worker[] = [];
  const finished = Array.from({ length: o.workers }, () => {
    return new Promise<void>((resolveShare, reject) => {
      const w = new Worker(o.url, {
        workerData: { ...o.workerData, next },
        ...(o.resourceLimits ? { resourceLimits: o.resourceLimits } : {}),
      });
      started.push(w);
      w.on('message', (m: M | Done) => ('done' in m ? resolveShare() : o.onMessage(m as M)));
      const tolerate = o.onWorkerFailure === 'end-share';
      w.once('error', (e) => (tolerate ? resolveShare() : reject(e)));
      w.once('exit', (code) =>
        code === 0 || tolerate ? resolveShare() : reject(new Error(`a worker thread stopped with exit code ${code}`)),
      );
    });
  });
  try {
    let sinceTurn = 0;
    for (const items of claimBlocks(next, o.count, o.block)) {
      await o.here(items);
      // This thread's items rarely wait on the event loop, so the workers' messages would queue up
      // until it ran out of items and then be handled alone, after the workers stopped (0.7 s at
      // 10,000 descriptors). Taking them as they come spreads that work over the run.
      if ((sinceTurn += items.length) >= YIELD_EVERY) {
        sinceTurn = 0;
        await new Promise<void>((resolveTurn) => setImmediate(resolveTurn));
      }
    }
    await Promise.all(finished);
  } finally {
    await Promise.all(started.map((w) => w.terminate()));
  }
}
