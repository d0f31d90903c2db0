// The physical floor for the portfolio benchmark: read every input file and parse it (YAML or JSON),
// nothing else. Run as a child process like the tools it is compared with, so Node's start-up is
// counted on both sides. Usage: node bench/floor.mjs <dir> [json-only]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// js-yaml 4 with YAML 1.2's core schema: the fastest maintained YAML parser available here, and
// the one (and the schema) tuanthu's fast path uses.
import { CORE_SCHEMA, load } from 'js-yaml';

const [dir, mode] = process.argv.slice(2);
let n = 0;
for (const name of readdirSync(dir).sort()) {
  const text = readFileSync(join(dir, name), 'utf8');
  const value = name.endsWith('.json')
    ? JSON.parse(text)
    : mode === 'json-only'
      ? undefined
      : load(text, { schema: CORE_SCHEMA });
  if (value !== undefined) n++;
}
process.stdout.write(`${n}\n`);
