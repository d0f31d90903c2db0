import type { StagedFile } from '../io/output-file.js';
import type { OutputTarget } from '../io/output-paths.js';
import type { Lang, Localized } from '../model/types.js';
import { trackTemp } from './interrupt.js';

/** Where a command writes, and what it knows of its terminal: the process in main(), strings in tests. */
export interface CliIo {
  stdout: (s: string | Uint8Array) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
  /** The working directory a configuration file is searched from (default: the process's). */
  cwd?: string;
  /** Standard output is a terminal (colour). */
  isTTY: boolean;
  /** Standard error is a terminal (progress). */
  isStderrTTY?: boolean;
  /**
   * Standard error as it is, for the progress line's own control sequences; stderr() itself shows
   * any control in what it is given escaped (main.ts). Defaults to stderr().
   */
  progress?: (s: string) => void;
}

/** Colour on a terminal, never with NO_COLOR set to a non-empty value (no-color.org). */
export function useColor(io: Pick<CliIo, 'isTTY' | 'env'>): boolean {
  return io.isTTY && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '');
}

/** A usage or environment error with its text in both languages: main() prints it in the run's language, exit 2. */
export class UsageError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
  }
}

/**
 * Writes pieces to a file, replacing it atomically (src/io/output-file.ts), its temporary file
 * known to the signal handler; a failure is an OutputWriteError naming the file in plain words.
 */
export async function writeOutputFile(file: string, pieces: Iterable<string | Uint8Array>): Promise<void> {
  const { writeFileAtomic } = await import('../io/output-file.js');
  await writeFileAtomic(file, pieces, { onTemp: trackTemp });
}

/**
 * Several report files, all or none: each is written to its temporary file in turn (`write` is
 * called for each, and may write standard output between them), and only when all are written
 * are they renamed over their targets. A failure removes every temporary file.
 */
export async function writeOutputFiles(
  files: Array<{ file: string; pieces: () => Iterable<string | Uint8Array> } | { stdout: () => void }>,
): Promise<void> {
  const { stageFile } = await import('../io/output-file.js');
  const staged: StagedFile[] = [];
  let committed = 0;
  try {
    for (const f of files) {
      if ('stdout' in f) f.stdout();
      else staged.push(await stageFile(f.file, f.pieces(), { onTemp: trackTemp }));
    }
    for (; committed < staged.length; committed++) staged[committed]!.commit();
  } finally {
    for (const s of staged.slice(committed)) s.abort();
  }
}

/**
 * Refuses, before anything is written, outputs that are inputs of the run (or its .tuanthu.yaml), the same file twice, a
 * directory or in a missing folder (src/io/output-paths.ts): a UsageError naming each.
 */
export async function refuseUnsafeOutputs(outputs: OutputTarget[], inputs: Iterable<string>): Promise<void> {
  if (outputs.length === 0) return;
  const [{ outputProblems }, { findConfig }] = await Promise.all([
    import('../io/output-paths.js'),
    import('./config.js'),
  ]);
  // The configuration file is an input of every run.
  const config = findConfig(process.cwd());
  const problems = outputProblems(outputs, [...inputs, ...(config ? [config] : [])], process.cwd());
  if (problems.length === 0) return;
  const lines = (lang: Lang) => problems.map((p) => p.message[lang]).join('\ntuanthu: ');
  throw new UsageError({ en: lines('en'), vi: lines('vi') });
}
