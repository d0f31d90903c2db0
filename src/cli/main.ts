// The process around the program: real standard streams, and every failure as an exit code (0, 1,
// 2), never a stack trace (unless TUANTHU_DEBUG is set).
import { CommanderError, InvalidArgumentError } from 'commander';
import { EXIT_USAGE } from '../engine/exit-code.js';
import { writeAllSync } from '../io/write-sync.js';
import { safeLines } from '../format/safe-text.js';
import { buildProgram } from './program.js';

/**
 * Standard error, where messages quote file names and option values (commander's among them): any
 * control in them is shown escaped and no line of theirs can be a CI command (format/safe-text.ts).
 */
const stderr = (s: string) => void process.stderr.write(safeLines(s));

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  // Standard output is written synchronously (reports can be hundreds of MB); once its reader has
  // gone (`… | head`), the rest is dropped and the exit code still tells the result.
  let readerGone = false;
  const program = buildProgram(
    {
      stdout: (s) => void (readerGone ||= !writeAllSync(1, s)),
      stderr,
      progress: (s) => void process.stderr.write(s),
      env: process.env,
      isTTY: Boolean(process.stdout.isTTY),
      isStderrTTY: Boolean(process.stderr.isTTY),
    },
    (c) => (code = c),
  );
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    // Checked first: InvalidArgumentError is a CommanderError, but one thrown by an action has not
    // been printed by commander yet.
    if (e instanceof InvalidArgumentError) {
      stderr(`tuanthu: ${e.message}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_USAGE;
    stderr(
      `tuanthu: internal error: ${e instanceof Error ? e.message : String(e)}\nPlease report this with the command you ran.\n`,
    );
    if (process.env.TUANTHU_DEBUG && e instanceof Error) stderr(`${e.stack}\n`);
    return EXIT_USAGE;
  }
}
