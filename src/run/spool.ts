// Systems of a streamed run, serialised as the JSON report shows them, held in a file rather than in
// memory: a report's summary comes before its systems, so the systems wait here until the run ends,
// then are read back in the report's order. A 10,000-system report is ~300 MB; held in memory it
// was most of a run's peak RSS (docs/benchmarks.md, issue 23).
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareText } from '../util/collate.js';

interface Entry {
  file: string;
  /** The system's place before sorting (descriptor order, then IaC alone): breaks ties as a stable sort would. */
  order: number;
  offset: number;
  length: number;
}

/** Bytes read back at a time, across neighbouring systems. */
const READ_BLOCK = 4 << 20;

export class SystemSpool {
  private fd: number | undefined;
  private path: string | undefined;
  private entries: Entry[] = [];
  private end = 0;

  /** `dir`: where the spool file goes (beside the report it will become, so on the same disk). */
  constructor(private readonly dir: string) {}

  get size(): number {
    return this.entries.length;
  }

  /** A system's JSON: its bytes, or its text in pieces (a large system, src/format/json.ts). */
  add(file: string, order: number, json: Uint8Array | Iterable<string | Uint8Array>): void {
    const fd = this.open();
    const start = this.end;
    for (const piece of json instanceof Uint8Array ? [json] : json) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
      for (let done = 0; done < bytes.length; )
        done += writeSync(fd, bytes, done, bytes.length - done, this.end + done);
      this.end += bytes.length;
    }
    this.entries.push({ file, order, offset: start, length: this.end - start });
  }

  /** Each system's bytes, in the report's order (by file, as engine/report.ts sorts). Can be taken more than once. */
  *systems(): Generator<Uint8Array> {
    const sorted = [...this.entries].sort((a, b) => compareText(a.file, b.file) || a.order - b.order);
    for (let i = 0; i < sorted.length; ) {
      // Systems mostly arrive in report order: neighbours in the file are read in one go.
      let j = i + 1;
      let span = sorted[i]!.length;
      while (
        j < sorted.length &&
        sorted[j]!.offset === sorted[j - 1]!.offset + sorted[j - 1]!.length &&
        span + sorted[j]!.length <= READ_BLOCK
      )
        span += sorted[j++]!.length;
      const start = sorted[i]!.offset;
      const block = Buffer.allocUnsafe(span);
      for (let done = 0; done < span; ) {
        const n = readSync(this.fd!, block, done, span - done, start + done);
        if (n === 0) throw new Error('the spool of serialised systems ended early');
        done += n;
      }
      for (; i < j; i++) yield block.subarray(sorted[i]!.offset - start, sorted[i]!.offset - start + sorted[i]!.length);
    }
  }

  /** Closes and removes the spool file. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.removeFile();
  }

  private open(): number {
    if (this.fd !== undefined) return this.fd;
    const name = `.tuanthu-${process.pid}-${randomBytes(6).toString('hex')}.spool`;
    try {
      this.path = join(this.dir, name);
      this.fd = openSync(this.path, 'wx+', 0o600);
    } catch {
      // The report's folder may be missing or read-only: that is reported when the report is written.
      this.path = join(tmpdir(), name);
      this.fd = openSync(this.path, 'wx+', 0o600);
    }
    // Removed at once where the system allows it (the open file lives on), so nothing is left behind
    // by a run that is killed; elsewhere at close().
    this.removeFile();
    return this.fd;
  }

  private removeFile(): void {
    if (this.path === undefined) return;
    try {
      unlinkSync(this.path);
      this.path = undefined;
    } catch {
      // An open file cannot be removed on Windows: close() tries again.
    }
  }
}
