import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { localized } from '../i18n/index.js';
import type { Localized } from '../model/types.js';
import { readErrorText } from './discover.js';

/** A file's bytes, or why they were not read (`too-large` carries the size the file system gave or the bytes seen). */
export type ReadResult =
  | { ok: true; buf: Buffer; tooLarge?: number }
  | { ok: false; code: 'read' | 'too-large'; message: Localized; size?: number };

export interface ReadOptions {
  /** Refuse a file larger than this (bytes). */
  maxBytes: number;
  /** The message for a file above maxBytes, given its size. */
  tooLarge: (size: number) => Localized;
  /** When the file is above maxBytes, read only this many bytes of it and say so (`tooLarge`) instead of refusing. */
  headOfLarge?: number;
  /** Already known to be a regular file (a directory walk saw it): skip the stat before open. */
  walked?: boolean;
}

// Opened without blocking and without becoming the controlling terminal: a FIFO that replaced the
// file after its stat opens at once (and is refused from fstat) instead of waiting for a writer.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

// A file whose size the file system reports as 0 may still hold bytes (/proc, /sys): this much is
// read to find out, enough for /proc/self/pagemap (8-byte records) and /proc/kmsg (a whole record).
const PROBE_BYTES = 4096;

/**
 * The one way tuanthu reads an input file (descriptors, infrastructure code, waivers, baselines):
 * only a regular file, within a size limit, never blocking. Kind and size come from the file
 * system first (symlinks followed): a FIFO, socket, device or directory is refused without being
 * opened, and a 200 MB file without being read. A file is then read up to one byte beyond the size
 * the file system gave, so that a file whose size lies — /proc/kmsg and /proc/self/pagemap report 0
 * bytes and never end — is refused after at most a few KiB instead of hanging the run or filling
 * memory, and one that grew past the limit since its stat is still refused.
 */
export function readRegularFile(file: string, opts: ReadOptions): ReadResult {
  const { maxBytes, headOfLarge } = opts;
  let fd: number | undefined;
  try {
    if (!opts.walked) {
      const refused = refuseKind(statSync(file), opts);
      if (refused) return refused;
    }
    fd = openSync(file, OPEN_FLAGS);
    const opened = fstatSync(fd);
    const refused = refuseKind(opened, opts);
    if (refused) return refused;
    const size = opened.size;
    const large = size > maxBytes;
    // One byte more than expected tells a file that holds more than it says.
    const want = large ? headOfLarge! : size === 0 ? Math.min(PROBE_BYTES, maxBytes + 1) : size + 1;
    let buf = Buffer.allocUnsafe(want);
    let n = 0;
    try {
      for (let r: number; n < buf.length && (r = readSync(fd, buf, n, buf.length - n, null)) > 0; ) n += r;
    } catch (e) {
      // EAGAIN (nothing to read yet, e.g. an empty /proc/kmsg) or EINVAL (a read /proc refuses) from a
      // "regular" file of size 0 is a special file, not a read failure worth its errno.
      const code = (e as NodeJS.ErrnoException).code;
      if (size === 0 && (code === 'EAGAIN' || code === 'EINVAL' || code === 'EWOULDBLOCK')) return special();
      throw e;
    }
    buf = buf.subarray(0, n);
    if (large) return { ok: true, buf, tooLarge: size };
    if (n > size) return size === 0 ? special() : changed(size);
    return { ok: true, buf };
  } catch (e) {
    return { ok: false, code: 'read', message: readErrorText(e) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function refuseKind(st: import('node:fs').Stats, opts: ReadOptions): ReadResult | undefined {
  if (st.isDirectory()) return { ok: false, code: 'read', message: localized('input.is-directory') };
  if (!st.isFile()) return { ok: false, code: 'read', message: localized('input.not-a-file') };
  if (st.size > opts.maxBytes && opts.headOfLarge === undefined)
    return { ok: false, code: 'too-large', message: opts.tooLarge(st.size), size: st.size };
  return undefined;
}

const special = (): ReadResult => ({ ok: false, code: 'read', message: localized('input.size-unknown') });
const changed = (size: number): ReadResult => ({
  ok: false,
  code: 'read',
  message: localized('input.size-changed', { size }),
});
