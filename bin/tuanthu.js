#!/usr/bin/env node
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ keeps the compiled code of tuanthu's modules between runs (in the OS temp folder;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off): a CI check starts ~50 ms sooner. Absent on Node 20.
module.enableCompileCache?.();
const entry = new URL('../dist/cli/main.js', import.meta.url);
// A clone is not built by `npm ci` (the package is built when packed): say so, not a stack trace.
if (!existsSync(entry)) {
  process.stderr.write('tuanthu: this checkout is not built yet; run `npm run build` first.\n');
  process.exit(2);
}
const { main } = await import(entry.href);

// `tuanthu check … | head` closes the pipe early: stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

process.exitCode = await main(process.argv);
