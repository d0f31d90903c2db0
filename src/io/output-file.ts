// Report and baseline files written whole or not at all: the bytes go to a temporary file in the
// target's folder (same file system, so the rename cannot copy), are flushed to the disk, and the
// temporary file is renamed over the target. A full disk, an error or a signal leaves the old file
// (or none), never a truncated one that looks valid. A run with several reports stages them all
// and renames them only when every one is written, so they are never from different runs. A target that is not a regular file (a device
// such as /dev/null or /dev/stdout, a FIFO) is written in place: it cannot be renamed over.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  fchmodSync,
  fsyncSync,
  lstatSync,
  openSync,
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
/** Why a rename over the target can fail when the target itself can still be written. */
const RENAME_REFUSED = new Set(['EBUSY', 'EXDEV']);
const turn = () => new Promise<void>((r) => setImmediate(r));

/** The temporary file's name: hidden, beside the target, unique to this process and call. */
export function tempName(target: string): string {
  return join(dirname(target), `.${basename(target)}.tuanthu-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** A file written to its temporary file and flushed, waiting to be renamed over its target (or abandoned). */
export interface StagedFile {
  /** Renames the temporary file over the target. Throws OutputWriteError. */
  commit(): void;
  /** Removes the temporary file; the target stays as it was. */
  abort(): void;
}

/**
 * Writes `pieces` to a temporary file beside `file` and flushes it; `commit()` then replaces `file`
 * atomically. The new file gets the mode of the regular file it replaces, else 0o666 less the
 * umask (as open(2) makes it). A symlink is replaced, never written through: a link planted where
 * the report goes (in a repository under review) cannot aim the write at another file. A target
 * that is not a regular file (a device, a FIFO, also through a link: /dev/stdout) is written in
 * place at once and its commit does nothing. Throws OutputWriteError.
 */
export async function stageFile(
  file: string,
  pieces: Iterable<string | Uint8Array>,
  { onTemp, yieldEvery = YIELD_EVERY }: AtomicWriteOptions = {},
): Promise<StagedFile> {
  let link: Stats | undefined;
  let followed: Stats | undefined;
  try {
    link = lstatSync(file);
    followed = link.isSymbolicLink() ? statSync(file) : link;
  } catch {
    // not there yet, or a dangling link (replaced like any link)
  }
  if (followed?.isDirectory()) throw new OutputWriteError(file, localized('input.is-directory'));
  if (followed && !followed.isFile()) {
    await writeInPlace(file, pieces, yieldEvery);
    return { commit: () => {}, abort: () => {} };
  }
  const temp = tempName(file);
  let fd: number | undefined;
  const abort = () => {
    if (fd !== undefined) closeQuietly(fd);
    fd = undefined;
    removeQuietly(temp);
    onTemp?.(temp, false);
  };
  try {
    fd = openSync(temp, 'wx', 0o666);
    onTemp?.(temp, true);
    if (link?.isFile()) fchmodSync(fd, link.mode & 0o7777);
    await writePieces(fd, pieces, yieldEvery);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
  } catch (e) {
    abort();
    throw e instanceof OutputWriteError ? e : new OutputWriteError(file, writeErrorText(e));
  }
  return {
    commit: () => {
      try {
        renameSync(temp, file);
      } catch (e) {
        try {
          // A file bind-mounted into a container cannot be renamed over (EBUSY): its bytes are
          // copied in instead, once they are all written and flushed. Not atomic, but whole
          // unless the copy itself fails.
          if (!RENAME_REFUSED.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
          copyFileSync(temp, file);
        } catch (copyError) {
          abort();
          throw new OutputWriteError(file, writeErrorText(copyError));
        }
        abort();
      }
      onTemp?.(temp, false);
      syncFolder(dirname(file));
    },
    abort,
  };
}

/** stageFile and commit: `file` replaced whole, or left as it was. Throws OutputWriteError. */
export async function writeFileAtomic(
  file: string,
  pieces: Iterable<string | Uint8Array>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  (await stageFile(file, pieces, options)).commit();
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
