import { closeSync, openSync, readSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { looksLikeIac } from './iac/load.js';
import { head } from './iac/sniff.js';

const DESCRIPTOR_EXT = /\.(ya?ml|json)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'cdktf.out', '.terraform', 'dist']);
// A descriptor announces itself; other YAML/JSON in a tree (CI files, package.json) is not ours.
const MARKER = /["']?apiVersion["']?\s*:\s*["']?tuanthu\/v1\b/;

export interface Discovered {
  files: string[];
  /** Infrastructure code found while walking directories: Terraform JSON / plan files, and directories of .tf files. */
  iac: string[];
  problems: Array<{ path: string; message: string }>;
}

/**
 * Expands the paths given on the command line: files are taken as they are, directories are
 * walked for descriptors. Symlinked directories are not followed (no loops), unreadable entries
 * are reported, and the result is sorted so that reports are stable.
 */
export async function discover(paths: string[]): Promise<Discovered> {
  const files = new Set<string>();
  const iac = new Set<string>();
  const problems: Discovered['problems'] = [];
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch (e) {
      problems.push({ path: p, message: errnoText(e) });
      continue;
    }
    if (st.isDirectory()) {
      // A directory of .tf files named on the command line is one Terraform root module.
      if ((await readdir(p).catch(() => [] as string[])).some((n) => /\.tf$/i.test(n))) iac.add(p);
      await walk(p, files, problems, iac);
    } else files.add(p);
  }
  return { files: [...files].sort(), iac: [...iac].sort(), problems };
}

async function walk(dir: string, out: Set<string>, problems: Discovered['problems'], iac: Set<string>): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ path: dir, message: errnoText(e) });
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(p, out, problems, iac);
    } else if (e.isFile() && /\.tf$/i.test(e.name)) {
      iac.add(dirname(p));
    } else if ((e.isFile() || e.isSymbolicLink()) && DESCRIPTOR_EXT.test(e.name)) {
      // A symlinked file is followed (a loop or a dangling link is reported); symlinked folders are not.
      if (e.isSymbolicLink()) {
        try {
          if (!(await stat(p)).isFile()) continue;
        } catch (err) {
          problems.push({ path: p, message: errnoText(err) });
          continue;
        }
      }
      try {
        if (looksLikeDescriptor(p)) out.add(p);
        else if (/\.json$/i.test(e.name) && looksLikeIac(e.name, await head(p))) iac.add(p);
      } catch (err) {
        // An unreadable YAML/JSON file may be a descriptor; saying nothing would let a run pass unchecked.
        problems.push({ path: p, message: errnoText(err) });
      }
    }
  }
}

/** Reads only the head of the file: a huge file in a scanned tree costs 4 KiB here, not its size. */
function looksLikeDescriptor(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const bytesRead = readSync(fd, head, 0, HEAD_BYTES, 0);
    // A BOM or UTF-16 would hide the marker; let the loader say what is wrong with such a file.
    return MARKER.test(head.subarray(0, bytesRead).toString('utf8')) || MARKER.test(head.subarray(0, bytesRead).toString('utf16le'));
  } finally {
    closeSync(fd);
  }
}

const HEAD_BYTES = 4096;

export function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links (a symlink loop?)';
    case 'EISDIR':
      return 'is a directory';
    default:
      return code ? `cannot read (${code})` : String(e);
  }
}
