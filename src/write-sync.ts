import { writeSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `data` to a file descriptor before returning. For standard output this bounds
 * memory: `process.stdout.write` to a pipe queues what the reader has not taken yet (a 300 MB
 * report piped to `jq` held twice its size). A non-blocking pipe that is full (EAGAIN) is waited
 * on a millisecond at a time. Returns false when the reader has gone (EPIPE: `… | head`).
 */
export function writeAllSync(fd: number, data: string | Uint8Array): boolean {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
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
