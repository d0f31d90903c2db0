import { writeSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));
const GONE = -1;
const AGAIN = -2;

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
    const written = attempt(() => writeSync(fd, data));
    if (written === GONE) return false;
    // Never fewer bytes than characters: the byte count is taken only when it could differ.
    if (written >= data.length && written === Buffer.byteLength(data)) return true;
    bytes = Buffer.from(data, 'utf8').subarray(Math.max(written, 0));
  } else bytes = data;
  for (let done = 0; done < bytes.length; ) {
    const written = attempt(() => writeSync(fd, bytes, done));
    if (written === GONE) return false;
    if (written === AGAIN) Atomics.wait(pause, 0, 0, 1);
    else done += written;
  }
  return true;
}

/** Bytes written, or GONE (the reader closed the pipe), or AGAIN (a full non-blocking pipe). */
function attempt(write: () => number): number {
  try {
    return write();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return GONE;
    if (code === 'EAGAIN') return AGAIN;
    throw e;
  }
}
