import { createRequire } from 'node:module';
import type * as Jsonc from 'jsonc-parser';

// Loaded on first use: only JSON descriptors, malformed JSON and IaC findings need it, and loading
// it costs ~13 ms of every cold start (docs/benchmarks.md, Run 5).
let jsonc: typeof Jsonc | undefined;
export const jsoncParser = (): typeof Jsonc =>
  (jsonc ??= createRequire(import.meta.url)('jsonc-parser') as typeof Jsonc);
