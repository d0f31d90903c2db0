// Golden files: the CLI end to end, one case per format (stdout and exit code), normalised for
// versions, digests, hashes, UUIDs and absolute paths. Regenerate with UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../../src/model/version.js';
import { AS_OF, ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin/tuanthu.js');
const GOLDEN = join(ROOT, 'tests/golden');
const UPDATE = Boolean(process.env.UPDATE_GOLDEN);

function run(args: string[]) {
  return execa('node', [BIN, ...args], { cwd: ROOT, reject: false, env: { NO_COLOR: '1', LANG: 'C', CI: 'true' } });
}

function normalise(s: string): string {
  return s
    .split(ROOT)
    .join('<ROOT>')
    .replace(/sha256:[0-9a-f]{64}/g, 'sha256:<DIGEST>')
    .replace(/\b[0-9a-f]{64}\b/g, '<SHA256>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<UUID>')
    .split(TOOL_VERSION)
    .join('<VERSION>');
}

// Two fixed examples (one passing, one failing) keep the files small; the HTML case checks the whole
// examples/ tree, as an inspector would, to cover the portfolio overview.
const TWO = ['examples/mof-public-services/system.yaml', 'examples/province-land-portal/system.yaml'];

const CASES: Array<{ name: string; ext: string; args: string[] }> = [
  { name: 'text', ext: 'txt', args: [...TWO, '--lang', 'en'] },
  { name: 'text-vi', ext: 'txt', args: [...TWO, '--lang', 'vi'] },
  { name: 'json', ext: 'json', args: [...TWO, '--lang', 'en', '--format', 'json'] },
  { name: 'sarif', ext: 'sarif', args: [...TWO, '--lang', 'en', '--format', 'sarif'] },
  { name: 'junit', ext: 'xml', args: [...TWO, '--lang', 'en', '--format', 'junit'] },
  { name: 'github', ext: 'txt', args: [...TWO, '--lang', 'en', '--format', 'github'] },
  { name: 'markdown', ext: 'md', args: [...TWO, '--lang', 'en', '--format', 'markdown'] },
  { name: 'html', ext: 'html', args: ['examples', '--lang', 'en', '--format', 'html'] },
  { name: 'oscal', ext: 'json', args: [...TWO, '--lang', 'en', '--format', 'oscal'] },
  { name: 'gitlab', ext: 'json', args: [...TWO, '--lang', 'en', '--format', 'gitlab'] },
  { name: 'sonarqube', ext: 'json', args: [...TWO, '--lang', 'en', '--format', 'sonarqube'] },
  { name: 'csv', ext: 'csv', args: [...TWO, '--lang', 'en', '--format', 'csv'] },
  { name: 'csv-vi', ext: 'csv', args: [...TWO, '--lang', 'vi', '--format', 'csv'] },
  {
    name: 'pass-junit',
    ext: 'xml',
    args: ['examples/mof-public-services/system.yaml', '--lang', 'vi', '--format', 'junit'],
  },
  {
    name: 'input-error-github',
    ext: 'txt',
    args: [
      'tests/fixtures/bad/malformed.yaml',
      'examples/province-land-portal/system.yaml',
      '--lang',
      'en',
      '--format',
      'github',
      '--as-of',
      '2026-06-30',
    ],
  },
];

describe('golden files', () => {
  it.each(CASES)('$name', async ({ name, ext, args }) => {
    const r = await run(['check', ...args, ...(args.includes('--as-of') ? [] : ['--as-of', AS_OF])]);
    const actual = `${normalise(r.stdout)}\n`;
    const outFile = join(GOLDEN, `${name}.${ext}`);
    const exitFile = join(GOLDEN, `${name}.exit`);
    if (UPDATE || !existsSync(outFile)) {
      writeFileSync(outFile, actual);
      writeFileSync(exitFile, `${r.exitCode}\n`);
    }
    expect(r.stderr).toBe('');
    expect(actual).toBe(readFileSync(outFile, 'utf8'));
    expect(`${r.exitCode}\n`).toBe(readFileSync(exitFile, 'utf8'));
  });

  it('writes several formats in one run, each to its own file, identical to the single-format output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-multi-'));
    const r = await run([
      'check',
      ...TWO,
      '--lang',
      'en',
      '--as-of',
      AS_OF,
      '--format',
      'github',
      '--format',
      `sarif=${dir}/out.sarif`,
      '--format',
      `oscal=${dir}/ar.json`,
      '--format',
      `junit=${dir}/junit.xml`,
    ]);
    expect(r.exitCode).toBe(1);
    expect(`${normalise(r.stdout)}\n`).toBe(readFileSync(join(GOLDEN, 'github.txt'), 'utf8'));
    for (const [file, golden] of [
      ['out.sarif', 'sarif.sarif'],
      ['ar.json', 'oscal.json'],
      ['junit.xml', 'junit.xml'],
    ]) {
      expect(normalise(readFileSync(join(dir, file!), 'utf8')), file).toBe(readFileSync(join(GOLDEN, golden!), 'utf8'));
    }
  });

  it('refuses two formats on standard output', async () => {
    const r = await run(['check', 'examples', '--format', 'sarif', '--format', 'junit']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('only one --format can go to standard output');
  });
});
