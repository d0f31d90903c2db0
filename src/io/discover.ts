import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { WAIVERS_FILE } from '../model/waiver.js';
import { compareText } from '../util/collate.js';
import { localized } from '../i18n/index.js';
import type { Localized } from '../model/types.js';

const DESCRIPTOR_EXT = /\.(ya?ml|json)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'cdktf.out', '.terraform', 'dist']);
// A descriptor announces itself; other YAML/JSON in a tree (CI files, package.json) is not ours.
export const DESCRIPTOR_MARKER = /["']?apiVersion["']?\s*:\s*["']?tuanthu\/v1\b/;

export interface Discovered {
  files: string[];
  /**
   * Files found by walking a directory (a subset of files): each is a descriptor only if its head
   * says so (isDescriptorHead), which the checking threads decide as they read it. Files named
   * on the command line are taken as they are.
   */
  walked: Set<string>;
  /** Infrastructure code found while walking directories: Terraform JSON / plan files, and directories of .tf files. */
  iac: string[];
  problems: Array<{ path: string; message: Localized }>;
}

/**
 * Expands the paths given on the command line: files are taken as they are, directories are
 * walked for descriptors. Symlinked directories are not followed (no loops), unreadable entries
 * are reported, and the result is sorted so that reports are stable.
 */
export async function discover(paths: string[]): Promise<Discovered> {
  const files = new Set<string>();
  const walked = new Set<string>();
  const iac = new Set<string>();
  const problems: Discovered['problems'] = [];
  for (const p of paths) {
    let st: Stats;
    try {
      st = await stat(p);
    } catch (e) {
      problems.push({ path: p, message: errnoText(e) });
      continue;
    }
    if (st.isDirectory()) {
      // A directory of .tf files named on the command line is one Terraform root module.
      const root = (await readdir(p).catch(() => [] as string[])).some((n) => /\.tf$/i.test(n));
      if (root) iac.add(p);
      await walk(p, walked, problems, iac, root);
    } else files.add(p);
  }
  // Named on the command line and also found by a walk: taken as named.
  for (const f of files) walked.delete(f);
  return { files: [...files, ...walked].sort(), walked, iac: [...iac].sort(), problems };
}

/**
 * `underRoot`: an ancestor directory holds .tf files. It is the Terraform root; the directories of
 * .tf files below it are its modules (modules/vpc), evaluated through its module calls, not systems
 * of their own. A descriptor may still list one.
 */
async function walk(
  dir: string,
  out: Set<string>,
  problems: Discovered['problems'],
  iac: Set<string>,
  underRoot = false,
): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ path: dir, message: errnoText(e) });
    return;
  }
  entries.sort((a, b) => compareText(a.name, b.name));
  const root = underRoot || entries.some((e) => e.isFile() && /\.tf$/i.test(e.name));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(p, out, problems, iac, root);
    } else if (e.isFile() && /\.tf$/i.test(e.name)) {
      if (!underRoot) iac.add(dirname(p));
    } else if ((e.isFile() || e.isSymbolicLink()) && DESCRIPTOR_EXT.test(e.name) && e.name !== WAIVERS_FILE) {
      // A symlinked file is followed (a loop or a dangling link is reported); symlinked folders are not.
      if (e.isSymbolicLink()) {
        try {
          if (!(await stat(p)).isFile()) continue;
        } catch (err) {
          problems.push({ path: p, message: errnoText(err) });
          continue;
        }
      }
      out.add(p);
    }
  }
}

// A descriptor announces itself in its first bytes (a BOM or UTF-16 would hide the marker; the
// loader then says what is wrong with such a file).
export function isDescriptorHead(head: Buffer): boolean {
  return DESCRIPTOR_MARKER.test(head.toString('utf8')) || DESCRIPTOR_MARKER.test(head.toString('utf16le'));
}

/** The files of a Terraform root module that the loader reads from its directory (src/io/iac/load.ts). */
export const TERRAFORM_MODULE_FILE = /\.tf(\.json)?$/i;

/** Why a path the user named could not be read: "file not found", else in discovery's words (a symlink loop…). */
export function readErrorText(e: unknown): Localized {
  return (e as NodeJS.ErrnoException).code === 'ENOENT' ? localized('input.file-not-found') : errnoText(e);
}

export function errnoText(e: unknown): Localized {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return localized('input.no-such-path');
    case 'EACCES':
      return localized('input.permission-denied');
    case 'ELOOP':
      return localized('input.symlink-loop');
    case 'EISDIR':
      return localized('input.is-directory');
    default:
      return code
        ? localized('input.cannot-read', { errno: code })
        : localized('input.verbatim', { detail: String(e) });
  }
}
