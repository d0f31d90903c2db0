import { closeSync, openSync, writeSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';
import { errnoText } from '../io/discover.js';

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

/** Writes pieces to a file, replacing it; a failure is a usage error naming the file. */
export function writeOutputFile(file: string, pieces: Iterable<string | Uint8Array>): void {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'w');
    // A regular file takes each write whole.
    for (const p of pieces) {
      if (typeof p === 'string') writeSync(fd, p);
      else for (let done = 0; done < p.length; ) done += writeSync(fd, p, done);
    }
  } catch (e) {
    throw new InvalidArgumentError(`cannot write ${file}: ${errnoText(e).en}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
