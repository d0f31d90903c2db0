// Which output paths a run may write: never one of its inputs, never another output of the same run,
// never a directory or into a folder that is not there. Files are compared by what they are (device
// and inode, after following symlinks), so a symlink or a hard link to an input is caught as the
// input itself; a file not yet written is compared by the real path of its folder and its name.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { localized } from '../i18n/index.js';
import type { Localized } from '../model/types.js';
import { errnoText, TERRAFORM_MODULE_FILE } from './discover.js';
import { autoVarFiles } from './iac/eval/var-files.js';

/** An output as the user asked for it: the path given, and the option that gave it (for the message). */
export interface OutputTarget {
  file: string;
  /** How the user wrote it, e.g. `--format json=report.json` or `-o tuanthu.baseline.json`. */
  option: string;
}

export interface OutputProblem {
  output: OutputTarget;
  message: Localized;
}

/** What a path is: an existing file's device and inode, or a file not yet there by its real path. */
type Identity = { key: string; kind: 'file' | 'directory' | 'other' } | { problem: Localized };

function identity(path: string, shown = path): Identity {
  try {
    const st = statSync(path);
    return { key: `${st.dev}:${st.ino}`, kind: st.isDirectory() ? 'directory' : st.isFile() ? 'file' : 'other' };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') return { problem: errnoText(e) };
  }
  const dir = dirname(path);
  const shownDir = dirname(shown);
  try {
    if (!statSync(dir).isDirectory()) return { problem: localized('output.parent-not-directory', { dir: shownDir }) };
    return { key: `path:${join(realpathSync(dir), basename(path))}`, kind: 'file' };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: localized('output.missing-directory', { dir: shownDir }) };
    if (code === 'ENOTDIR') return { problem: localized('output.parent-not-directory', { dir: shownDir }) };
    return { problem: errnoText(e) };
  }
}

/**
 * The identities of a run's inputs: each file, and for a directory (a Terraform module) each of its
 * .tf/.tf.json files, the ones the loader reads. Inputs that are not there are left out: they were
 * not read, so writing there loses nothing.
 */
function inputKeys(inputs: Iterable<string>, cwd: string): Map<string, string> {
  const keys = new Map<string, string>();
  const add = (p: string) => {
    const id = identity(p);
    if ('key' in id && !id.key.startsWith('path:') && !keys.has(id.key)) keys.set(id.key, relative(cwd, p) || p);
    return id;
  };
  for (const given of inputs) {
    const p = resolve(cwd, given);
    const id = add(p);
    if ('kind' in id && id.kind === 'directory') {
      let names: string[] = [];
      try {
        names = readdirSync(p);
      } catch {
        // unreadable: the run reported it, and nothing in it was read
      }
      for (const n of names) if (TERRAFORM_MODULE_FILE.test(n)) add(join(p, n));
      // The variable files Terraform (and the evaluator) load from a root by themselves.
      for (const n of autoVarFiles(names)) add(join(p, n));
    }
  }
  return keys;
}

/**
 * Every reason the run must not write its outputs, in the order they were given: an output that is
 * an input (itself, through a symlink or a hard link), the same file as an earlier output, a
 * directory, or in a folder that does not exist. Empty when all may be written.
 */
export function outputProblems(outputs: OutputTarget[], inputs: Iterable<string>, cwd: string): OutputProblem[] {
  const problems: OutputProblem[] = [];
  const ins = inputKeys(inputs, cwd);
  const seen = new Map<string, OutputTarget>();
  for (const output of outputs) {
    const id = identity(resolve(cwd, output.file), output.file);
    if ('problem' in id) {
      problems.push({ output, message: localized('output.cannot-write', { file: output.file, reason: id.problem }) });
      continue;
    }
    if (id.kind === 'directory') {
      problems.push({ output, message: localized('output.is-directory', { file: output.file }) });
      continue;
    }
    const input = ins.get(id.key);
    if (input !== undefined) {
      problems.push({ output, message: localized('output.is-input', { option: output.option, input }) });
      continue;
    }
    const earlier = seen.get(id.key);
    if (earlier) {
      problems.push({
        output,
        message: localized('output.same-output', { option: output.option, other: earlier.option }),
      });
      continue;
    }
    seen.set(id.key, output);
  }
  return problems;
}
