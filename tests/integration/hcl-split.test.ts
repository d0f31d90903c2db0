// Large .tf files are parsed in pieces cut at top-level blocks (src/io/iac/hcl-split.ts): the pieces
// must put the text back together exactly, and hcl2json's values for them must merge into the very
// value (keys in the same order) it gives for the whole file, or the report would change.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergePieces, splitTopLevel } from '../../src/io/iac/hcl-split.js';
import { HCL_PARALLEL_MIN_CHARS, parseHcl } from '../../src/io/iac/hcl.js';
import { AS_OF, ROOT } from '../helpers.js';

const { parse } = await import('@cdktn/hcl2json');
const hcl = (text: string) => parse('main.tf', text) as Promise<Record<string, unknown>>;

/** Blocks whose brackets, quotes and markers a naive cut would get wrong. */
const BLOCKS = [
  'resource "aws_s3_bucket" "b" {\n  bucket = "a}b{c"\n  tags = { "x" = "${upper("}")}" }\n}\n',
  'resource "aws_s3_bucket" "b" {\n  bucket = "second body, same labels"\n}\n',
  'resource "aws_iam_policy" "p" {\n  policy = <<EOF\n{ "Statement": [ {\nresource "not" "a_block" {\nEOF\n}\n',
  'resource "aws_iam_policy" "q" {\n  policy = <<-JSON\n    }}} ]]\n    JSON\n}\n',
  '# a comment with { and "\n// another }\n/* and a\n   block comment } */\nlocals {\n  a = "$${literal}"\n  b = "%%{not a directive}"\n}\n',
  'locals {\n  c = [for s in ["x{", "y"] : "${s}-%{if s == "}"}z%{endif}"]\n}\n',
  'variable "tên_hệ_thống" {\n  default = "Cổng dịch vụ công"\n}\n',
  'variable "z" {\n  default = { nested = { deeper = [1, 2, { three = 3 }] } }\n}\n',
  'variable "😀" {}\n',
  'variable "__proto__" {\n  default = { constructor = 1 }\n}\n',
  'variable "\uff01" {}\n',
  'provider "aws" {\n  alias  = "hanoi"\n  region = "ap-southeast-1"\n}\n',
  'terraform {\n  required_version = ">= 1.5"\n}\n',
  'resource "aws_kms_key" "k" {\n  dynamic "grant" {\n    for_each = var.grants\n    content {\n      name = grant.value\n    }\n  }\n}\n',
  'resource "aws_instance" "a" {\r\n  ami = "ami-1"\r\n}\r\n',
  '\n\n',
];

async function viaPieces(text: string, target: number): Promise<Record<string, unknown> | undefined> {
  const pieces = splitTopLevel(text, target);
  if (!pieces) return undefined;
  const values: Array<Record<string, unknown>> = [];
  for (const p of pieces) values.push(await hcl(p));
  return mergePieces(values);
}

describe('splitTopLevel', () => {
  it('cuts only between top-level blocks, and the pieces are the text', () => {
    const text = BLOCKS.join('');
    const pieces = splitTopLevel(text, 1)!;
    expect(pieces.join('')).toBe(text);
    // One piece per block (the comment lines go with the locals block after them; blank lines alone).
    expect(pieces.length).toBeGreaterThanOrEqual(BLOCKS.length);
    for (const p of pieces) expect(p.endsWith('\n')).toBe(true);
    expect(pieces.some((p) => p.includes('resource "not" "a_block"') && !p.includes('EOF\n}'))).toBe(false);
  });

  it('keeps pieces at least as large as asked, and gives the whole text as one piece when asked for more', () => {
    const text = BLOCKS.join('').repeat(20);
    const pieces = splitTopLevel(text, 1000)!;
    expect(pieces.join('')).toBe(text);
    for (const p of pieces.slice(0, -1)) expect(p.length).toBeGreaterThanOrEqual(1000);
    expect(splitTopLevel(text, text.length + 1)).toEqual([text]);
  });

  it.each([
    ['an unclosed block', 'resource "a" "b" {\n  x = 1\n'],
    ['a closing brace too many', 'locals {\n}\n}\n'],
    ['a string that does not close on its line', 'locals {\n  a = "abc\n}\n'],
    ['an unclosed block comment', '/* open\nlocals {}\n'],
    ['a heredoc without its marker line', 'locals {\n  a = <<EOF\nabc\n}\n'],
    ['an unclosed interpolation', 'locals {\n  a = "${var.x"\n}\n'],
  ])("declines %s (the whole file is then parsed, for hcl2json's own error)", (_, text) => {
    expect(splitTopLevel(text, 1)).toBeUndefined();
  });

  it('declines, without throwing, interpolations nested deeper than the stack', () => {
    const n = 50_000;
    expect(splitTopLevel(`locals {\n  a = "${'${"'.repeat(n)}x${'"}'.repeat(n)}"\n}\n`, 1)).toBeUndefined();
  });
});

describe('mergePieces', () => {
  it('gives what hcl2json gives for the whole file, key order included', async () => {
    const text = BLOCKS.join('');
    const whole = await hcl(text);
    expect(JSON.stringify(await viaPieces(text, 1))).toBe(JSON.stringify(whole));
    expect(JSON.stringify(await viaPieces(text, 200))).toBe(JSON.stringify(whole));
  });

  it('does so for the committed .tf files', async () => {
    for (const f of [
      'examples/terraform-hcl/main.tf',
      'examples/terraform-hcl/variables.tf',
      'policies/tuanthu/rules/aws/aws_net_01/open-ssh.tf',
      'policies/tuanthu/rules/aws/aws_s3_01/encrypted.tf',
    ]) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      expect(JSON.stringify(await viaPieces(text, 1)), f).toBe(JSON.stringify(await hcl(text)));
    }
  });

  it('does so for any order and repetition of the blocks (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(BLOCKS.length - 1), { minLength: 1, maxLength: 24 }),
        fc.integer({ min: 1, max: 400 }),
        async (picks, target) => {
          const text = picks.map((i) => BLOCKS[i]).join('');
          const merged = await viaPieces(text, target);
          expect(JSON.stringify(merged)).toBe(JSON.stringify(await hcl(text)));
        },
      ),
      { seed: 20261201, numRuns: 60 },
    );
  });

  it('refuses pieces that disagree about what a key holds', () => {
    expect(mergePieces([{ locals: [{ a: 1 }] }, { locals: { a: 1 } }])).toBeUndefined();
  });
});

describe('parseHcl in pieces', () => {
  it('reports an error in a later piece exactly as for the whole file', async () => {
    const text = `${BLOCKS.slice(0, 6).join('')}resource "aws_s3_bucket" "bad" {\n  bucket = \n}\n${BLOCKS.slice(6).join('')}`;
    const pieced = await parseHcl([{ file: 'main.tf', text }], 1, 1);
    const whole = await parseHcl([{ file: 'main.tf', text }], 1, text.length + 1);
    expect(pieced).toEqual(whole);
    expect(pieced).toMatchObject({
      ok: false,
      errors: [
        {
          file: 'main.tf',
          line: text.split('\n').findIndex((l) => l.includes('"bad"')) + 2,
          message: expect.objectContaining({ en: expect.stringContaining('Invalid expression') }),
        },
      ],
    });
  });

  it('merges several files as before, each from its pieces', async () => {
    const files = [
      { file: 'a.tf', text: BLOCKS.slice(0, 7).join('') },
      { file: 'b.tf', text: BLOCKS.slice(7).join('') },
    ];
    expect(JSON.stringify(await parseHcl(files, 1, 1))).toBe(JSON.stringify(await parseHcl(files, 1, 1e9)));
  });
});

describe('a large .tf module through the CLI (pieces shared with a worker thread)', () => {
  const BIN = join(ROOT, 'bin/tuanthu.js');
  const run = (args: string[]) =>
    execa('node', [BIN, ...args], { cwd: ROOT, reject: false, env: { NO_COLOR: '1', LANG: 'C' } });
  // Over HCL_PARALLEL_MIN_CHARS, with every tricky block kind, names made unique.
  const big = (bad: boolean) => {
    const parts: string[] = [];
    for (let i = 0; parts.join('').length < 2 * HCL_PARALLEL_MIN_CHARS; i++) {
      for (const b of BLOCKS) parts.push(b.replace(/^(resource "[^"]+" |variable )"([^"]+)"/, `$1"$2_${i}"`));
      if (bad && i === 20) parts.push('resource "aws_s3_bucket" "broken" {\n  bucket = \n}\n');
    }
    return parts.join('');
  };

  it.each([
    ['gives the report that one thread gives', false, 1],
    ['reports a syntax error at its line, with exit code 2, as one thread does', true, 2],
  ])(
    '%s',
    async (_, bad, exitCode) => {
      const dir = mkdtempSync(join(tmpdir(), 'tuanthu-hcl-'));
      try {
        writeFileSync(join(dir, 'main.tf'), big(bad));
        const args = ['check', dir, '--as-of', AS_OF, '--format', 'json'];
        const [shared, alone] = await Promise.all([run(args), run([...args, '--jobs', '1'])]);
        expect(shared.exitCode).toBe(exitCode);
        expect(shared.stdout).toBe(alone.stdout);
        expect(shared.stderr).toBe(alone.stderr);
        const report = JSON.parse(shared.stdout) as {
          systems: unknown[];
          errors: Array<{ line?: number; message: string }>;
        };
        if (bad) {
          const line =
            big(true)
              .split('\n')
              .findIndex((l) => l.includes('"broken"')) + 2;
          expect(report.errors).toEqual([
            expect.objectContaining({ line, column: 12, message: expect.stringContaining('Invalid expression') }),
          ]);
        } else expect(report.systems).toHaveLength(1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  // Peak memory from GNU time (Debian package `time`), as in tests/output.test.ts.
  const time = '/usr/bin/time';
  // Node 24's V8 sizes its heaps larger: one call 663 MiB, in pieces 484–496 MiB (Node 20: 575–584 against 358–381
  // on a quiet machine, 440–476 under a load average of 19, where GC lags). The bounds sit below one call.
  const bound = Number(process.versions.node.split('.')[0]) >= 22 ? 630 : 540;
  it.skipIf(!existsSync(time))(
    `keeps hcl2json's heap small: 20,000 buckets in one main.tf under ${bound} MiB`,
    async () => {
      // Parsed in one call, hcl2json's heap grew with the file; in pieces it stays small.
      const dir = mkdtempSync(join(tmpdir(), 'tuanthu-hcl-'));
      try {
        let text = '';
        for (let i = 0; i < 20_000; i++)
          text += `resource "aws_s3_bucket" "r${i}" {\n  bucket = "bucket-${i}"\n  tags   = { "system" = "sys-${i}" }\n}\n\n`;
        writeFileSync(join(dir, 'main.tf'), text);
        const r = await execa(
          'bash',
          [
            '-c',
            `${time} -f %M -o ${join(dir, 'rss')} node ${BIN} check ${dir} --as-of ${AS_OF} --format json=${join(dir, 'r.json')}`,
          ],
          { reject: false, cwd: ROOT, timeout: 60_000 },
        );
        expect(r.stderr).toBe('');
        expect(r.exitCode).toBe(1);
        const kb = Number(readFileSync(join(dir, 'rss'), 'utf8').trim().split('\n').pop());
        expect(kb / 1024).toBeLessThan(bound);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    90_000,
  );
});
