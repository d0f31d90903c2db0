// Report and baseline files written whole or not at all: the bytes go to a temporary file in the
// target's folder (same file system, so the rename cannot copy), are flushed to the disk, and the
// temporary file is renamed over the target. A full disk, an error or a signal leaves the old file
// (or none), never a truncated one that looks valid. A target that is not a regular file (a device
// such as /dev/null or /dev/stdout, a FIFO) is written in place: it cannot be renamed over.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { localized } from '../i18n/index.js';
import type { Localized } from '../model/types.js';
import { writeAllSync } from './write-sync.js';

/** A file that could not be written, in plain words; nothing was left at its path but what was there. */
export class OutputWriteError extends Error {
  constructor(
    readonly file: string,
    readonly reason: Localized,
  ) {
    super(`cannot write ${file}: ${reason.en}`);
  }

  get text(): Localized {
    return localized('output.cannot-write', { file: this.file, reason: this.reason });
  }
}

/** Why a write failed, in plain words (ENOSPC is the full disk, /dev/full). */
export function writeErrorText(e: unknown): Localized {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC':
      return localized('output.no-space');
    case 'EDQUOT':
      return localized('output.quota');
    case 'EROFS':
      return localized('output.read-only');
    case 'EIO':
      return localized('output.io-error');
    case 'EACCES':
    case 'EPERM':
      return localized('input.permission-denied');
    case 'EISDIR':
      return localized('input.is-directory');
    case 'ENOENT':
      return localized('input.no-such-path');
    case 'EPIPE':
      return localized('output.reader-gone');
    default:
      return code ? localized('output.errno', { errno: code }) : localized('input.verbatim', { detail: String(e) });
  }
}

export interface AtomicWriteOptions {
  /** Told of the temporary file when it is made and when it is gone (renamed or removed), so a signal handler can remove it. */
  onTemp?: (temp: string, pending: boolean) => void;
  /** Bytes written between turns of the event loop, so that a signal is handled during a long write. */
  yieldEvery?: number;
}

const YIELD_EVERY = 8 << 20;
const turn = () => new Promise<void>((r) => setImmediate(r));

/** The temporary file's name: hidden, beside the target, unique to this process and call. */
export function tempName(target: string): string {
  return join(dirname(target), `.${basename(target)}.tuanthu-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes `pieces` to `file`, replacing it atomically. The new file gets the mode of the one it
 * replaces, else 0o666 less the umask (as open(2) makes it). A symlink is followed: the file it
 * points to is replaced and the link kept. Throws OutputWriteError.
 */
export async function writeFileAtomic(
  file: string,
  pieces: Iterable<string | Uint8Array>,
  { onTemp, yieldEvery = YIELD_EVERY }: AtomicWriteOptions = {},
): Promise<void> {
  let existing: Stats | undefined;
  try {
    existing = statSync(file);
  } catch {
    // not there yet (or a dangling link, which the rename replaces)
  }
  if (existing?.isDirectory()) throw new OutputWriteError(file, localized('input.is-directory'));
  if (existing && !existing.isFile()) return writeInPlace(file, pieces, yieldEvery);
  const target = existing ? realpathSync(file) : file;
  const temp = tempName(target);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o666);
    onTemp?.(temp, true);
    if (existing) fchmodSync(fd, existing.mode & 0o7777);
    await writePieces(fd, pieces, yieldEvery);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
    onTemp?.(temp, false);
  } catch (e) {
    if (fd !== undefined) closeQuietly(fd);
    removeQuietly(temp);
    onTemp?.(temp, false);
    throw e instanceof OutputWriteError ? e : new OutputWriteError(file, writeErrorText(e));
  }
  syncFolder(dirname(target));
}

async function writeInPlace(file: string, pieces: Iterable<string | Uint8Array>, yieldEvery: number): Promise<void> {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'w');
    await writePieces(fd, pieces, yieldEvery);
  } catch (e) {
    throw new OutputWriteError(file, writeErrorText(e));
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

async function writePieces(fd: number, pieces: Iterable<string | Uint8Array>, yieldEvery: number): Promise<void> {
  let sinceTurn = 0;
  for (const p of pieces) {
    // A FIFO whose reader has gone is EPIPE, as for a pipe on standard output.
    if (!writeAllSync(fd, p)) throw Object.assign(new Error('EPIPE'), { code: 'EPIPE' });
    sinceTurn += p.length;
    if (sinceTurn >= yieldEvery) {
      sinceTurn = 0;
      await turn();
    }
  }
}

/** The rename is on the disk once the folder is: best effort (not every system can open a folder). */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // the file itself is flushed; the rename is in the journal
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already failing: the first error is the one reported
  }
}

/** Removes a file if it is there; false when it could not be. */
export function removeQuietly(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT';
  }
}
