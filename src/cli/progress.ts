/** Progress of a long portfolio run, on stderr, only where a person watches it. */

import { safeText } from '../format/safe-text.js';

export const PROGRESS_MIN_FILES = 20;

export interface ProgressSink {
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  write: (s: string) => void;
}

/**
 * A progress callback for lint(), or undefined when progress would be noise: stderr is not a
 * terminal (piped, redirected), or a CI runner is detected (CI set). Short runs stay quiet too.
 */
export function progressReporter(
  sink: ProgressSink,
): ((p: { done: number; total: number; file: string }) => void) & { finish: () => void } {
  const active = sink.isTTY && !sink.env.CI;
  let shown = false;
  const report = (p: { done: number; total: number; file: string }) => {
    if (!active || p.total <= PROGRESS_MIN_FILES) return;
    const width = Math.max(String(p.total).length, 1);
    // The name is made safe before it is cut (by code points): it cannot move the cursor or clear the line.
    const name = [...safeText(p.file)];
    const file = name.length > 60 ? '…' + name.slice(-59).join('') : name.join('');
    sink.write(`\r\u001b[2K[${String(p.done + 1).padStart(width)}/${p.total}] ${file}`);
    shown = true;
  };
  return Object.assign(report, {
    finish: () => {
      if (shown) sink.write('\r\u001b[2K');
    },
  });
}
