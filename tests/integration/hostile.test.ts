// Hostile and broken input, end to end through the built CLI: every nasty file is checked next to a
// good descriptor, and must give a clear error (file:line:col where a position exists), exit 2, no
// stack trace, no hang, and the good descriptor must still be checked and reported.
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { AS_OF, makeFifo, ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin/tuanthu.js');
const GOOD = 'examples/mof-public-services/system.yaml';
const H = 'tests/fixtures/hostile';
const STACK = /^\s+at .+:\d+:\d+\)?$/m;
const TIME = '/usr/bin/time';

async function run(args: string[], opts: { cwd?: string; maxRssMiB?: number } = {}) {
  // The timeout is the "no hang" assertion: execa kills the process and the test fails.
  const useTime = opts.maxRssMiB !== undefined && existsSync(TIME);
  const rss = join(tmpdir(), `tuanthu-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const cmd = useTime ? [TIME, '-f', '%M', '-o', rss, 'node', BIN, ...args] : ['node', BIN, ...args];
  const r = await execa(cmd[0]!, cmd.slice(1), {
    cwd: opts.cwd ?? ROOT,
    reject: false,
    timeout: 20_000,
    env: { NO_COLOR: '1', LANG: 'C' },
  });
  expect(r.timedOut, 'the run hung').toBe(false);
  expect(r.stdout + r.stderr, 'a stack trace leaked').not.toMatch(STACK);
  expect(r.stderr).not.toContain('internal error');
  if (useTime) {
    const kb = Number(readFileSync(rss, 'utf8').trim().split('\n').pop());
    rmSync(rss);
    expect(kb / 1024, 'peak memory').toBeLessThan(opts.maxRssMiB!);
  }
  return r;
}

/** The error lines the text report prints for one file. */
function errorsFor(stdout: string, file: string): string[] {
  return stdout.split('\n').filter((l) => l.startsWith(`${file}:`) && / error /.test(l));
}

// [file, expected message, position "line:col" or null when the problem has no position]
const CORPUS: Array<[string, RegExp, string | null]> = [
  ['alias-bomb.yaml', /too many YAML alias expansions \(limit 100, raise it with --max-aliases\)/, '4:10'],
  // A typo in an alias is not a bomb: it was reported as one.
  ['undefined-alias.yaml', /the alias \*system_name refers to no anchor &system_name defined before it/, '5:9'],
  ['deep-1000-flow.json', /nesting is deeper than 64 levels \(raise the limit with --max-depth\)/, '1:98'],
  ['binary-garbage.yaml', /the file is binary \(it contains NUL bytes\)/, '2:46'],
  ['utf16le-bom.yaml', /the file is UTF-16; save it as UTF-8/, '1:1'],
  ['utf16le-no-bom.yaml', /the file is UTF-16; save it as UTF-8/, '1:1'],
  ['invalid-utf8.yaml', /invalid UTF-8 \(byte 0xc3 at offset 70\); save the file as UTF-8/, '4:14'],
  ['duplicate-keys.yaml', /a key appears twice in the same mapping/, '6:3'],
  // JSON descriptors take their own fast path (src/io/descriptor/fast-json.ts): a duplicate key must still be
  // an error where it stands, and schema errors must still point into the file.
  ['duplicate-keys.json', /a key appears twice in the same mapping/, '7:5'],
  ['wrong-types.json', /"classification.level" must be a whole number/, '5:31'],
  ['wrong-types.yaml', /"system" must be a mapping \(key: value\)/, '3:1'],
  ['numbers-as-strings.yaml', /"classification.level" must be a whole number/, '5:25'],
  ['dates-other-formats.yaml', /"lifecycle.go_live" must be a real date written YYYY-MM-DD/, '4:41'],
  ['proto-keys.yaml', /unknown field "__proto__" in the document/, '3:1'],
  ['proto-keys.json', /unknown field "constructor" in "system"/, '1:168'],
  ['empty.yaml', /the file is empty/, '1:1'],
  ['comments-only.yaml', /this file is empty/, '1:1'],
  ['top-level-list.yaml', /a descriptor must be a mapping .*; this file is a list/, '1:1'],
  ['plain-string.yaml', /this file is a single string/, '1:1'],
  ['multi-document.yaml', /several YAML documents/, '80:1'],
  ['tabs.yaml', /Tabs are not allowed as indentation/, '4:1'],
  ['unterminated.json', /malformed YAML\/JSON/, '2:1'],
  ['null-values.yaml', /"system.name" must be text/, '3:27'],
];

describe('hostile corpus (tests/fixtures/hostile)', () => {
  it.each(CORPUS)('%s: clear error, exit 2, the good file still checked', async (name, message, pos) => {
    const file = `${H}/${name}`;
    const r = await run(['check', file, GOOD, '--as-of', AS_OF]);
    expect(r.exitCode).toBe(2);
    const lines = errorsFor(r.stdout, file);
    expect(lines.length).toBeGreaterThan(0);
    const hit = lines.find((l) => message.test(l));
    expect(hit, lines.join('\n')).toBeDefined();
    if (pos) expect(hit).toContain(`${file}:${pos}: error `);
    expect(r.stdout).toContain('✔ PASS Cổng dịch vụ công Bộ Tài chính');
    expect(r.stdout).toContain('1 system(s) checked: 1 passed, 0 failed');
  });

  it('reports every problem of a file with wrong types everywhere, each with its position', async () => {
    const file = `${H}/wrong-types.yaml`;
    const r = await run(['check', file, '--as-of', AS_OF, '--format', 'json']);
    const errors = JSON.parse(r.stdout).errors as Array<{ line: number; column: number; path: string }>;
    expect(errors.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        '/system',
        '/lifecycle',
        '/classification/level',
        '/classification/approval',
        '/data/personal_subjects',
        '/data/national_databases',
        '/budget/lines',
        '/monitoring',
      ]),
    );
    for (const e of errors) expect(e.line).toBeGreaterThan(0);
  });

  it('accepts a UTF-8 byte order mark', async () => {
    const r = await run(['check', `${H}/utf8-bom.yaml`, '--as-of', AS_OF]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('(mof-bom)');
  });

  it('leaves Object.prototype alone when a file carries __proto__ and constructor keys', async () => {
    // In-process: the loader must not pollute the prototype of the process that runs it.
    const { parseSource } = await import('../../src/io/descriptor/source.js');
    for (const f of ['proto-keys.yaml', 'proto-keys.json']) {
      const r = parseSource(readFileSync(join(ROOT, H, f)), f);
      expect(r.ok).toBe(true);
      if (r.ok) expect(Object.keys(r.source.value as object)).toContain('__proto__');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(
      Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort(),
    );
    expect('polluted' in Object.prototype).toBe(false);
  });
});

describe('hostile files made at test time', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tuanthu-hostile-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a 200 MB file from its size, without reading it into memory', async () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, 'apiVersion: tuanthu/v1\n');
    truncateSync(big, 200 * 1024 * 1024); // sparse: 200 MB on paper, nothing on disk
    const r = await run(['check', big, GOOD, '--as-of', AS_OF], { maxRssMiB: 150 });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toMatch(
      /big\.yaml: error file is 209715200 bytes, above the limit of 20971520 bytes \(raise it with --max-file-size\)/,
    );
    expect(r.stdout).toContain('✔ PASS');
  });

  it('applies --max-file-size, --max-depth and --max-aliases', async () => {
    const small = await run(['check', GOOD, '--as-of', AS_OF, '--max-file-size', '1k']);
    expect(small.exitCode).toBe(2);
    expect(small.stdout).toContain('above the limit of 1024 bytes');
    const shallow = await run(['check', GOOD, '--as-of', AS_OF, '--max-depth', '3']);
    expect(shallow.stdout).toMatch(/system\.yaml:\d+:\d+: error nesting is deeper than 3 levels/);
    const aliases = await run(['check', `${H}/alias-bomb.yaml`, '--max-aliases', '0']);
    expect(aliases.stdout).toContain('limit 0');
    const bad = await run(['check', GOOD, '--max-file-size', 'huge']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('"huge" is not a size');
  });

  it('applies --max-iac-file-size to the infrastructure code a descriptor lists', async () => {
    const small = await run(['check', GOOD, '--as-of', AS_OF, '--max-iac-file-size', '1k']);
    expect(small.exitCode).toBe(2);
    expect(small.stdout).toMatch(
      /cdk\.tf\.json: error file is \d+ bytes, above the limit of 1024 bytes for infrastructure code \(raise it with --max-iac-file-size\)/,
    );
    expect(small.stdout).toContain('✔ PASS'); // the descriptor itself is still checked
  });

  it('refuses a named pipe inside an IaC module directory instead of waiting for a writer', async () => {
    const module = join(dir, 'module');
    mkdirSync(module, { recursive: true });
    if (!makeFifo(join(module, 'main.tf'))) return; // no mkfifo on this system; nothing to test
    const descriptor = join(dir, 'with-module.yaml');
    symlinkSync('iac-loop', join(dir, 'iac-loop'));
    writeFileSync(descriptor, readFileSync(join(ROOT, GOOD), 'utf8').replace(/^iac: .*$/m, 'iac: [module, iac-loop]'));
    const r = await run(['check', descriptor, GOOD, '--as-of', AS_OF]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toMatch(/module\/main\.tf: error not a regular file/);
    expect(r.stdout).toMatch(/iac-loop: error too many levels of symbolic links/);
    expect(r.stdout).toContain('✔ PASS');
  });

  it('refuses deeply nested infrastructure code (Terraform JSON, malformed JSON, plan JSON, HCL) with a position', async () => {
    // 3,000 levels inside otherwise valid files: reading the stack (and jsonc-parser, on malformed
    // text, and hcl2json) recursed per level and overflowed the stack, losing the whole run.
    const deep = '['.repeat(3000) + ']'.repeat(3000);
    const files: Record<string, string> = {
      'deep.tf.json': `{"resource":{"aws_s3_bucket":{"b":{"bucket":"x","tags":${deep}}}}}`,
      'deep-bad.tf.json': `{"resource": ${'['.repeat(3000)}`,
      'deep-plan.json': `{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"address":"aws_s3_bucket.b","type":"aws_s3_bucket","name":"b","values":{"tags":${deep}}}]}}}`,
      'deep.tf': `resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  tags = ${deep}\n}\n`,
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const r = await run(['check', ...Object.keys(files).map((n) => join(dir, n)), GOOD, '--as-of', AS_OF]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).not.toMatch(/internal error|call stack/i);
    // Infrastructure code is held to at least 512 levels (IAC_MIN_DEPTH): real plans nest deeper than descriptors.
    expect(r.stdout).toMatch(/deep\.tf\.json:1:564: error nesting is deeper than 512 levels/);
    expect(r.stdout).toMatch(/deep-bad\.tf\.json:1:525: error nesting is deeper than 512 levels/);
    expect(r.stdout).toMatch(/deep-plan\.json:1:\d+: error nesting is deeper than 512 levels/);
    expect(r.stdout).toMatch(/deep\.tf:3:\d+: error nesting is deeper than 512 levels/);
    expect(r.stdout).toContain('✔ PASS');
  });

  it('refuses 1,000-level block nesting quickly, with the line where the limit is passed', async () => {
    const deep = join(dir, 'deep-block.yaml');
    let text = 'apiVersion: tuanthu/v1\nx:\n';
    for (let i = 1; i <= 1000; i++) text += `${'  '.repeat(i)}k${i}:\n`;
    writeFileSync(deep, text);
    const r = await run(['check', deep, GOOD, '--as-of', AS_OF]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toMatch(/deep-block\.yaml:66:\d+: error nesting is deeper than 64 levels/);
    expect(r.stdout).toContain('✔ PASS');
  });

  it('refuses 100,000-level flow nesting (which ran the yaml parser out of memory) without crashing', async () => {
    const deep = join(dir, 'deep-flow.yaml');
    writeFileSync(deep, `apiVersion: tuanthu/v1\nx: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    const r = await run(['check', deep, GOOD, '--as-of', AS_OF], { maxRssMiB: 200 });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain('deep-flow.yaml:2:68: error nesting is deeper than 64 levels');
    expect(r.stdout).toContain('✔ PASS');
  });

  it('refuses a named pipe instead of waiting for a writer', async () => {
    const fifo = join(dir, 'pipe.yaml');
    if (!makeFifo(fifo)) return; // no mkfifo on this system; nothing to test
    const r = await run(['check', fifo, GOOD, '--as-of', AS_OF]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain('pipe.yaml: error not a regular file');
    expect(r.stdout).toContain('✔ PASS');
  });

  it('refuses a named pipe that replaced a walked file after the walk, without waiting for a writer', async () => {
    // A walked file is known to be regular and is not stat'ed again before it is opened (src/io/descriptor/source.ts).
    const fifo = join(dir, 'walked-pipe.yaml');
    if (!makeFifo(fifo)) return; // no mkfifo on this system; nothing to test
    const { loadWalkedSourceSync } = await import('../../src/io/descriptor/source.js');
    const { DEFAULT_LIMITS } = await import('../../src/io/limits.js');
    const r = loadWalkedSourceSync(fifo, 'walked-pipe.yaml', DEFAULT_LIMITS, () => true);
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          file: 'walked-pipe.yaml',
          code: 'read',
          message: {
            en: 'not a regular file (a pipe, socket or device); give a file',
            vi: 'không phải tệp thông thường (là pipe, socket hoặc thiết bị); hãy chỉ định một tệp',
          },
        },
      ],
    });
  });

  it('survives symlink loops in a scanned directory and reports the looping file', async () => {
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'sub'), { recursive: true });
    copyFileSync(join(ROOT, GOOD), join(tree, 'sub/system.yaml'));
    symlinkSync('loop.yaml', join(tree, 'loop.yaml')); // a file link to itself
    symlinkSync('..', join(tree, 'sub/up')); // a directory loop: not followed
    symlinkSync('missing.yaml', join(tree, 'dangling.yaml'));
    const r = await run(['check', tree, '--as-of', AS_OF], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain('tree/loop.yaml: error too many levels of symbolic links');
    expect(r.stdout).toContain('tree/dangling.yaml: error no such file or directory');
    expect(r.stdout).toContain('1 system(s) checked: 1 passed');
  });

  // As root (CI containers) permission bits do not stop a read, so there is nothing to observe.
  it.skipIf(process.getuid?.() === 0)(
    'reports an unreadable file and an unreadable folder in a scanned directory',
    async () => {
      const tree = join(dir, 'locked');
      mkdirSync(join(tree, 'closed'), { recursive: true });
      copyFileSync(join(ROOT, GOOD), join(tree, 'ok.yaml'));
      copyFileSync(join(ROOT, GOOD), join(tree, 'secret.yaml'));
      chmodSync(join(tree, 'secret.yaml'), 0o000);
      chmodSync(join(tree, 'closed'), 0o000);
      try {
        const r = await run(['check', tree, '--as-of', AS_OF], { cwd: dir });
        expect(r.exitCode).toBe(2);
        expect(r.stdout).toContain('locked/secret.yaml: error permission denied');
        expect(r.stdout).toContain('locked/closed: error permission denied');
        expect(r.stdout).toContain('1 system(s) checked: 1 passed');
      } finally {
        chmodSync(join(tree, 'secret.yaml'), 0o644);
        chmodSync(join(tree, 'closed'), 0o755);
      }
    },
  );
});
