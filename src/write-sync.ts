import { writeSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `data` to a file descriptor before returning. For standard output this bounds
 * memory: `process.stdout.write` to a pipe queues what the reader has not taken yet (a 300 MB
 * report piped to `jq` held twice its size). A non-blocking pipe that is full (EAGAIN) is waited
 * on a millisecond at a time. Returns false when the reader has gone (EPIPE: `… | head`).
 */
export function writeAllSync(fd: number, data: string | Uint8Array): boolean {
  let bytes: Uint8Array;
  if (typeof data === 'string') {
    // A string is written as it is (Node encodes it without an intermediate Buffer, a third of
    // the cost of Buffer.from); only a short write has the rest encoded.
    let written: number;
    try {
      written = writeSync(fd, data);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return false;
      if (code !== 'EAGAIN') throw e;
      written = 0;
    }
    // Never fewer bytes than characters: the byte count is taken only when it could differ.
    if (written >= data.length && written === Buffer.byteLength(data)) return true;
    bytes = Buffer.from(data, 'utf8').subarray(written);
  } else bytes = data;
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(fd, bytes, done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return false;
      if (code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
  return true;
}
