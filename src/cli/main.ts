// The process around the program: real standard streams, and every failure as an exit code (0, 1,
// 2), never a stack trace (unless TUANTHU_DEBUG is set).
import { CommanderError, InvalidArgumentError } from 'commander';
import { EXIT_USAGE } from '../engine/exit-code.js';
import { PolicyError } from '../engine/policy-engine.js';
import { localized } from '../i18n/index.js';
import type { Lang, Localized } from '../model/types.js';
import { OutputWriteError, writeErrorText } from '../io/output-file.js';
import { writeAllSync } from '../io/write-sync.js';
import { safeLines } from '../format/safe-text.js';
import { handleInterrupts } from './interrupt.js';
import { UsageError } from './io.js';
import { defaultLang } from './options.js';
import { buildProgram } from './program.js';

/**
 * Standard error, where messages quote file names and option values (commander's among them): any
 * control in them is shown escaped and no line of theirs can be a CI command (format/safe-text.ts).
 */
const stderr = (s: string) => void process.stderr.write(safeLines(s));

export async function main(argv: string[]): Promise<number> {
  const lang = messageLang(argv, process.env);
  const say = (text: Localized) => stderr(`tuanthu: ${text[lang]}\n`);
  const stopHandling = handleInterrupts((signal) => say(localized('output.interrupted', { signal })));
  let code = 0;
  // Standard output is written synchronously (reports can be hundreds of MB); once its reader has
  // gone (`… | head`), the rest is dropped and the exit code still tells the result. Any other
  // failure (a full disk behind `> report.json`) ends the run as an environment error.
  let readerGone = false;
  const stdout = (s: string | Uint8Array) => {
    if (readerGone) return;
    try {
      readerGone = !writeAllSync(1, s);
    } catch (e) {
      readerGone = true;
      throw new UsageError(localized('output.stdout', { reason: writeErrorText(e) }));
    }
  };
  const program = buildProgram(
    {
      stdout,
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
    // A report that cannot be written (a full disk, a missing folder, an output over an input) is
    // the user's environment, not tuanthu's fault.
    // A policy that cannot be used (--policy: unreadable, invalid, or breaking its contract).
    if (e instanceof UsageError || e instanceof OutputWriteError || e instanceof PolicyError) {
      say(e.text);
      return EXIT_USAGE;
    }
    stderr(
      `tuanthu: internal error: ${e instanceof Error ? e.message : String(e)}\nPlease report this with the command you ran.\n`,
    );
    if (process.env.TUANTHU_DEBUG && e instanceof Error) stderr(`${e.stack}\n`);
    return EXIT_USAGE;
  } finally {
    stopHandling();
  }
}

/** The language of messages printed outside a command (errors, interrupts): --lang if given, else the locale's. */
export function messageLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'vi' || v === 'en') return v;
  }
  return defaultLang(env);
}
