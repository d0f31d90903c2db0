#!/usr/bin/env node
// Writes docs/compliance-matrix.md (English) and docs/compliance-matrix.vi.md (Vietnamese): every item
// of the four documents, what it requires, which rule checks it, at which stage, by which date. The
// pages are `tuanthu rules --by-clause --format markdown` of the built CLI, so the command and the
// document cannot drift apart; tests/e2e/docs.test.ts fails when the committed pages are stale.
// Edit seeds/coverage.yaml (or a rule's METADATA, then `npm run policy:build`), run `npm run build`,
// then `npm run docs:matrix`.
//
//   node scripts/gen-compliance-matrix.mjs [--out <dir>]     (default: docs)
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  let out = join(ROOT, 'docs');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out' && argv[i + 1]) out = argv[++i];
    else if (a.startsWith('--out=')) out = a.slice('--out='.length);
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: node scripts/gen-compliance-matrix.mjs [--out <dir>]   (default: docs)\n');
      process.exit(0);
    } else {
      process.stderr.write(`gen-compliance-matrix: unknown argument "${a}"\n`);
      process.exit(2);
    }
  }
  return { out };
}

const { out } = parseArgs(process.argv.slice(2));
mkdirSync(out, { recursive: true });
for (const [lang, file] of [
  ['en', 'compliance-matrix.md'],
  ['vi', 'compliance-matrix.vi.md'],
]) {
  const text = execFileSync(
    process.execPath,
    [join(ROOT, 'bin/tuanthu.js'), 'rules', '--by-clause', '--format', 'markdown', '--lang', lang],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  // Written beside the target and renamed over it: a reader never sees half a page.
  const target = join(out, file);
  writeFileSync(`${target}.tmp`, text);
  renameSync(`${target}.tmp`, target);
}
process.stdout.write(`gen-compliance-matrix: docs written to ${out}\n`);
