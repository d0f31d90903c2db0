// Ctrl-C, a CI job's cancel, a closed terminal: the temporary files of reports being written are
// removed and the process ends with the shell's code for the signal (128 + its number), so nothing
// is left behind that looks like a report. Only the CLI ends the process.
import { unlinkSync } from 'node:fs';

const EXIT_BY_SIGNAL = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
type HandledSignal = keyof typeof EXIT_BY_SIGNAL;

/** The temporary files being written now (src/io/output-file.ts tells of each). */
const pending = new Set<string>();

/** For writeFileAtomic's onTemp: a temporary file made (true) or gone (false). */
export function trackTemp(temp: string, isPending: boolean): void {
  if (isPending) pending.add(temp);
  else pending.delete(temp);
}

/** The exit code for a signal: 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP. */
export function signalExitCode(signal: HandledSignal): number {
  return EXIT_BY_SIGNAL[signal];
}

/**
 * Handles SIGINT, SIGTERM and SIGHUP until the returned function is called: removes the pending
 * temporary files, says so through `say`, and exits with the signal's code.
 */
export function handleInterrupts(say: (signal: string) => void): () => void {
  const handlers = (Object.keys(EXIT_BY_SIGNAL) as HandledSignal[]).map((signal) => {
    const handler = () => {
      for (const temp of pending) {
        try {
          unlinkSync(temp);
        } catch {
          // already renamed or removed
        }
      }
      pending.clear();
      say(signal);
      process.exit(signalExitCode(signal));
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => {
    for (const off of handlers) off();
  };
}
