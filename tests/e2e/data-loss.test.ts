// A run must never destroy what it reads, nor leave a report that looks whole and is not (issue 20):
// outputs over inputs or over each other are refused before anything is written, reports are
// written to a temporary file and renamed, a signal removes the temporary file, and a folder that
// is not there, a directory or a full disk is an environment error with a message, exit 2.
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { describe, expect, it } from 'vitest';
import { AS_OF, inTempDir, ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin/tuanthu.js');

/** Every path under dir with its kind and content (a file's digest, a link's target): any change shows. */
function treeDigest(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      const st = lstatSync(p);
      const rel = relative(dir, p);
      if (st.isSymbolicLink()) out.push(`${rel} -> ${readlinkSync(p)}`);
      else if (st.isDirectory()) {
        out.push(`${rel}/`);
        walk(p);
      } else out.push(`${rel} ${st.mode.toString(8)} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
    }
  };
  walk(dir);
  return out;
}

/** Temporary files of the atomic writer left in a folder. */
const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.includes('.tuanthu-') && n.endsWith('.tmp'));

/** A copy of the province portal example (descriptor + its cdk.tf.json) in dir/portal. */
function portal(dir: string): string {
  cpSync(join(ROOT, 'examples/province-land-portal'), join(dir, 'portal'), { recursive: true });
  return join(dir, 'portal');
}

function run(args: string[], cwd: string) {
  return execa('node', [BIN, ...args, '--as-of', AS_OF, '--lang', 'en'], { cwd, reject: false });
}

/** Runs and asserts: exit 2, the message, not a stack trace nor "internal error", and no file of the tree changed. */
async function refused(dir: string, args: string[], message: RegExp): Promise<void> {
  const before = treeDigest(dir);
  const r = await run(args, dir);
  expect(r.exitCode, r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(treeDigest(dir)).toEqual(before);
}

describe('an output over an input is refused, and nothing is written', () => {
  it('--format json=<the descriptor>', () =>
    inTempDir('tuanthu-dl-', async (dir) => {
      portal(dir);
      await refused(
        dir,
        ['check', 'portal/system.yaml', '--format', 'json=portal/system.yaml'],
        /--format json=portal\/system.yaml would overwrite portal\/system.yaml, an input of this run/,
      );
    }));

  it('baseline create -o <the descriptor>', () =>
    inTempDir('tuanthu-dl-', async (dir) => {
      portal(dir);
      await refused(
        dir,
        ['baseline', 'create', 'portal/system.yaml', '-o', 'portal/system.yaml'],
        /-o portal\/system.yaml would overwrite portal\/system.yaml/,
      );
    }));

  it('a descriptor found by walking a folder, the IaC a descriptor lists, waivers, configuration, a baseline', () =>
    inTempDir('tuanthu-dl-', async (dir) => {
      portal(dir);
      const tf = 'portal/iac/cdktf.out/stacks/portal/cdk.tf.json';
      await refused(dir, ['check', '.', '--format', 'sarif=portal/system.yaml'], /would overwrite portal\/system.yaml/);
      await refused(dir, ['check', 'portal/system.yaml', '--format', `json=${tf}`], /would overwrite portal\/iac\//);
      await refused(dir, ['baseline', 'create', 'portal', '-o', tf], /would overwrite portal\/iac\//);
      writeFileSync(join(dir, 'portal/tuanthu.waivers.yaml'), 'waivers: []\n');
      await refused(
        dir,
        ['check', 'portal/system.yaml', '--format', 'text=portal/tuanthu.waivers.yaml'],
        /would overwrite portal\/tuanthu.waivers.yaml/,
      );
      writeFileSync(join(dir, '.tuanthu.yaml'), 'fail_on: high\n');
      await refused(dir, ['check', 'portal', '--format', 'json=.tuanthu.yaml'], /would overwrite .tuanthu.yaml/);
      const base = await run(['baseline', 'create', 'portal/system.yaml', '-o', 'base.json'], dir);
      expect(base.exitCode, base.stderr).toBe(0);
      await refused(
        dir,
        ['check', 'portal/system.yaml', '--baseline', 'base.json', '--format', 'json=base.json'],
        /would overwrite base.json/,
      );
    }));

  it('init -o <the Terraform it reads> --force, and init -o into a missing folder', () =>
    inTempDir('tuanthu-dl-', async (dir) => {
      mkdirSync(join(dir, 'infra'));
      writeFileSync(join(dir, 'infra/main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n');
      const init = (args: string[]) =>
        execa('node', [BIN, 'init', ...args, '--lang', 'en'], { cwd: dir, reject: false });
      for (const [args, message] of [
        [['infra', '-o', 'infra/main.tf', '--force'], /-o infra\/main.tf would overwrite infra\/main.tf, an input/],
        [
          ['infra', '-o', 'missing/system.yaml'],
          /cannot write missing\/system.yaml: the folder missing does not exist/,
        ],
      ] as const) {
        const before = treeDigest(dir);
        const r = await init([...args]);
        expect(r.exitCode, r.stderr).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(treeDigest(dir)).toEqual(before);
      }
    }));

  it('through a symlink or a hard link to the input', () =>
    inTempDir('tuanthu-dl-', async (dir) => {
      portal(dir);
      symlinkSync('portal/system.yaml', join(dir, 'link.json'));
      linkSync(join(dir, 'portal/system.yaml'), join(dir, 'hard.json'));
      await refused(
        dir,
        ['check', 'portal/system.yaml', '--format', 'json=link.json'],
        /would overwrite portal\/system.yaml/,
      );
      await refused(
        dir,
        ['check', 'portal/system.yaml', '--format', 'json=hard.json'],
        /would overwrite portal\/system.yaml/,
      );
      // A folder reached through a symlink is the same folder.
      symlinkSync('portal', join(dir, 'alias'));
      await refused(dir, ['check', 'portal/system.yaml', '--format', 'json=alias/system.yaml'], /would overwrite/);
    }));

  it('in Vietnamese with --lang vi', () =>
    inTempDir('tuanthu-dl-', async (dir) => {
      portal(dir);
      const r = await execa(
        'node',
        [BIN, 'check', 'portal/system.yaml', '--format', 'json=portal/system.yaml', '--lang', 'vi'],
        { cwd: dir, reject: false },
      );
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('sẽ ghi đè portal/system.yaml, một tệp đầu vào của lần chạy này');
    }));
});

describe('two outputs to one file are refused', () => {
  it('by the same name, or another name for the same file', () =>
    inTempDir('tuanthu-dl-', async (dir) => {
      portal(dir);
      await refused(
        dir,
        ['check', 'portal/system.yaml', '--format', 'json=r.out', '--format', 'sarif=./r.out'],
        /--format sarif=.\/r.out and --format json=r.out are the same file/,
      );
      writeFileSync(join(dir, 'old.json'), 'previous report\n');
      symlinkSync('old.json', join(dir, 'also.json'));
      await refused(
        dir,
        ['check', 'portal/system.yaml', '--format', 'json=old.json', '--format', 'html=also.json'],
        /are the same file/,
      );
    }));
});

describe('a place that cannot take the report is an environment error (exit 2), not an internal error', () => {
  it('a folder that does not exist, a path through a file, a directory', () =>
    inTempDir('tuanthu-dl-', async (dir) => {
      portal(dir);
      await refused(
        dir,
        ['check', 'portal/system.yaml', '--format', 'json=missing/r.json'],
        /cannot write missing\/r.json: the folder missing does not exist/,
      );
      await refused(
        dir,
        ['baseline', 'create', 'portal/system.yaml', '-o', 'missing/b.json'],
        /cannot write missing\/b.json: the folder missing does not exist/,
      );
      await refused(
        dir,
        ['check', 'portal/system.yaml', '--format', 'json=portal/system.yaml/r.json'],
        /portal\/system.yaml is not a folder/,
      );
      mkdirSync(join(dir, 'out'));
      await refused(
        dir,
        ['check', 'portal/system.yaml', '--format', 'html=out'],
        /cannot write out: it is a directory/,
      );
    }));

  it.skipIf(!existsSync('/dev/full'))('a full disk (/dev/full), as a file and behind standard output', () =>
    inTempDir('tuanthu-dl-', async (dir) => {
      portal(dir);
      await refused(
        dir,
        ['check', 'portal/system.yaml', '--format', 'json=/dev/full'],
        /cannot write \/dev\/full: no space left on the device/,
      );
      const before = treeDigest(dir);
      const r = await execa('bash', ['-c', `node ${BIN} check portal/system.yaml --as-of ${AS_OF} > /dev/full`], {
        cwd: dir,
        reject: false,
      });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('cannot write to standard output: no space left on the device');
      expect(r.stderr).not.toContain('internal error');
      expect(treeDigest(dir)).toEqual(before);
    }),
  );
});

describe('a report is replaced whole', () => {
  it('leaves no temporary file and keeps the mode of the file it replaces', () =>
    inTempDir('tuanthu-dl-', async (dir) => {
      portal(dir);
      writeFileSync(join(dir, 'r.json'), 'old');
      chmodSync(join(dir, 'r.json'), 0o640);
      const r = await run(['check', 'portal', '--format', 'json=r.json', '--format', 'sarif=r.sarif'], dir);
      expect(r.exitCode, r.stderr).toBe(1);
      expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).summary.systems).toBe(1);
      expect(statSync(join(dir, 'r.json')).mode & 0o777).toBe(0o640);
      expect(JSON.parse(readFileSync(join(dir, 'r.sarif'), 'utf8')).version).toBe('2.1.0');
      expect(leftovers(dir)).toEqual([]);
    }));

  it('replaces a symlink planted where the report goes, never writing through it', () =>
    inTempDir('tuanthu-dl-', (outside) =>
      inTempDir('tuanthu-dl-', async (dir) => {
        portal(dir);
        writeFileSync(join(outside, 'victim'), 'not yours\n');
        symlinkSync(join(outside, 'victim'), join(dir, 'tuanthu.sarif'));
        const r = await run(['check', 'portal', '--format', 'sarif=tuanthu.sarif'], dir);
        expect(r.exitCode, r.stderr).toBe(1);
        expect(readFileSync(join(outside, 'victim'), 'utf8')).toBe('not yours\n');
        expect(lstatSync(join(dir, 'tuanthu.sarif')).isFile()).toBe(true);
        expect(JSON.parse(readFileSync(join(dir, 'tuanthu.sarif'), 'utf8')).version).toBe('2.1.0');
      }),
    ));

  it.skipIf(!existsSync('/dev/full'))('writes all the reports of a run or none of them', () =>
    inTempDir('tuanthu-dl-', async (dir) => {
      portal(dir);
      writeFileSync(join(dir, 'r.json'), 'the previous report\n');
      await refused(
        dir,
        ['check', 'portal', '--format', 'json=r.json', '--format', 'sarif=/dev/full'],
        /cannot write \/dev\/full: no space left on the device/,
      );
    }),
  );
});

describe('a signal ends the run without leaving a partial report or a temporary file', () => {
  /** A 20,000-bucket stack: a 70 MB JSON report and an HTML one, long enough to be caught while writing. */
  function bigStack(dir: string): string {
    const resource: Record<string, Record<string, unknown>> = { aws_s3_bucket: {} };
    for (let i = 0; i < 20_000; i++) resource.aws_s3_bucket![`b${i}`] = { bucket: `bucket-${i}` };
    const stack = join(dir, 'big.tf.json');
    writeFileSync(stack, JSON.stringify({ provider: { aws: [{ region: 'ap-southeast-1' }] }, resource }));
    return stack;
  }

  /**
   * CPU seconds a process has used (/proc/PID/stat), whatever the machine's load; Infinity where
   * there is no /proc. Starting takes ~0.3 s; the 20,000-bucket run takes ~2.5 s more.
   */
  const cpuSeconds = (pid: number) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return Number.POSITIVE_INFINITY;
    }
  };

  const waitFor = async (ready: () => boolean, child: ResultPromise) => {
    // Bounded by the test's timeout; a run that ends first fails the test on its exit code.
    while (!ready() && child.exitCode === null) await new Promise((r) => setTimeout(r, 10));
  };

  it(
    'SIGTERM while the report is being written: exit 143',
    () =>
      inTempDir('tuanthu-dl-', async (dir) => {
        bigStack(dir);
        const before = treeDigest(dir);
        const child = execa(
          'node',
          [BIN, 'check', 'big.tf.json', '--as-of', AS_OF, '--format', 'json=big.json', '--format', 'html=big.html'],
          { cwd: dir, reject: false },
        );
        // Writing has begun once the report's file (or its temporary file) appears.
        await waitFor(() => readdirSync(dir).some((n) => n.includes('big.json')), child);
        child.kill('SIGTERM');
        const r = await child;
        expect(r.exitCode, r.stderr).toBe(143);
        expect(r.stderr).toContain('interrupted (SIGTERM)');
        expect(treeDigest(dir)).toEqual(before);
      }),
    120_000,
  );

  it(
    'SIGINT (Ctrl-C) during the run: exit 130',
    () =>
      inTempDir('tuanthu-dl-', async (dir) => {
        bigStack(dir);
        writeFileSync(join(dir, 'big.json'), 'the previous report\n');
        const before = treeDigest(dir);
        const child = execa('node', [BIN, 'check', 'big.tf.json', '--as-of', AS_OF, '--format', 'json=big.json'], {
          cwd: dir,
          reject: false,
        });
        // Sent after a second of CPU time: well past start-up (where a signal would take Node's
        // default action), well before the end of the check, on a busy machine as on an idle one.
        await waitFor(() => cpuSeconds(child.pid!) >= 1, child);
        child.kill('SIGINT');
        const r = await child;
        expect(r.exitCode, r.stderr).toBe(130);
        // The previous report is still there, whole.
        expect(treeDigest(dir)).toEqual(before);
      }),
    120_000,
  );
});

describe("the HTML report's command to reproduce the run", () => {
  const fromHtml = (s: string) =>
    s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);

  it('pasted into bash, runs the same check even for files named like options or holding quotes', () =>
    inTempDir('tuanthu-dl-', async (dir) => {
      const names = ['--format=json=x', "it's.yaml", '$(touch pwned).yaml', '-o', 'plain.yaml'];
      const descriptor = readFileSync(join(ROOT, 'examples/mof-public-services/system.yaml'), 'utf8').replace(
        /^iac:.*$/m,
        '',
      );
      for (const [i, n] of names.entries())
        writeFileSync(join(dir, n), descriptor.replace('id: mof-public-services', `id: mof-s${i}`));
      // One that fails, so that the exit code tells the runs apart from a run of nothing.
      const failing = readFileSync(join(ROOT, 'examples/province-land-portal/system.yaml'), 'utf8');
      writeFileSync(join(dir, 'plain.yaml'), failing.replace(/^iac:.*$/m, ''));
      const first = await execa(
        'node',
        [BIN, 'check', '--as-of', AS_OF, '--lang', 'en', '--format', 'html=report.html', '--', ...names],
        { cwd: dir, reject: false },
      );
      expect(first.exitCode).toBe(1);
      expect(first.stderr).toBe('');
      const before = treeDigest(dir);
      const html = readFileSync(join(dir, 'report.html'), 'utf8');
      const command = fromHtml(/<section class="repro">[\s\S]*<pre><code>([^<]*)<\/code><\/pre>/.exec(html)![1]!);
      expect(command).toMatch(/^tuanthu check .* -- /);
      const again = await execa('bash', ['-c', command.replace(/^tuanthu /, `node ${BIN} `)], {
        cwd: dir,
        reject: false,
      });
      expect(again.stderr).toBe('');
      expect(again.exitCode).toBe(first.exitCode);
      // The same report, and nothing else written: no `x` from --format=json=x, no `pwned`.
      expect(readFileSync(join(dir, 'audit.html'), 'utf8')).toBe(html);
      expect(treeDigest(dir).filter((l) => !l.startsWith('audit.html '))).toEqual(before);
    }));
});
