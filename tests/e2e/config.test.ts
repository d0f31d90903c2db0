// .tuanthu.yaml and TUANTHU_* variables end to end: where the file is found, what it sets, and the
// precedence flag > environment > file > built-in default, seen in the report each run writes.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin/tuanthu.js');
let repo: string;

/** Runs the CLI in `cwd` with only the variables given (no TUANTHU_* of the machine running the tests). */
function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  return execa('node', [BIN, ...args], {
    cwd,
    reject: false,
    extendEnv: false,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'C', ...env },
  });
}

const summary = (out: string) => out.trim().split('\n').pop() ?? '';

beforeAll(() => {
  // repo/.git marks the repository root; a config above it must not apply.
  const top = mkdtempSync(join(tmpdir(), 'tuanthu-config-'));
  writeFileSync(join(top, '.tuanthu.yaml'), 'lang: vi\nfail_on: info\n');
  repo = join(top, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  mkdirSync(join(repo, 'deep/er'), { recursive: true });
  mkdirSync(join(repo, 'out'));
  cpSync(join(ROOT, 'examples/mof-public-services'), join(repo, 'pass'), { recursive: true });
  cpSync(join(ROOT, 'examples/province-land-portal'), join(repo, 'fail'), { recursive: true });
  writeFileSync(
    join(repo, '.tuanthu.yaml'),
    [
      '# what CI checks in this repository',
      'paths: [pass/system.yaml]',
      'as_of: 2026-11-23',
      'lang: en',
      'formats: [text, json=out/report.json]',
    ].join('\n'),
  );
});

describe('.tuanthu.yaml', () => {
  it('is found from a subdirectory, and its paths and output files are relative to it', async () => {
    const r = await run(['check'], join(repo, 'deep/er'));
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(summary(r.stdout)).toBe(
      '1 system(s) checked: 1 passed, 0 failed · no findings · fail on: high · as of 2026-11-23',
    );
    const report = JSON.parse(readFileSync(join(repo, 'out/report.json'), 'utf8'));
    expect(report).toMatchObject({ asOf: '2026-11-23', lang: 'en', summary: { systems: 1, passed: 1 } });
  });

  it('gives way to an environment variable, which gives way to a flag', async () => {
    const env = await run(['check'], repo, { TUANTHU_AS_OF: '2026-12-01', TUANTHU_LANG: 'vi' });
    expect(summary(env.stdout)).toBe(
      '1 hệ thống đã kiểm tra: 1 đạt, 0 không đạt · không có phát hiện · ngưỡng: cao · tại ngày 2026-12-01',
    );
    const flag = await run(['check', '--as-of', '2026-12-02', '--lang', 'en'], repo, {
      TUANTHU_AS_OF: '2026-12-01',
      TUANTHU_LANG: 'vi',
    });
    expect(summary(flag.stdout)).toContain('· as of 2026-12-02');
  });

  it('sets fail-on, and paths given on the command line replace its paths', async () => {
    const byDefault = await run(['check', 'fail/system.yaml', '--format', 'text'], repo);
    expect(byDefault.exitCode).toBe(1);
    writeFileSync(join(repo, 'critical.yaml'), 'as_of: 2026-11-23\nfail_on: critical\nlang: en\n');
    const lenient = await run(['check', 'fail/system.yaml', '--config', 'critical.yaml'], repo);
    expect(summary(lenient.stdout)).toContain('fail on: critical');
    const viaEnv = await run(['check', 'fail/system.yaml'], repo, { TUANTHU_CONFIG: 'critical.yaml' });
    expect(summary(viaEnv.stdout)).toContain('fail on: critical');
    expect(viaEnv.exitCode).toBe(lenient.exitCode);
  });

  it('stops looking at the repository root, and --no-config ignores the file', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'tuanthu-noconfig-'));
    cpSync(join(ROOT, 'examples/mof-public-services'), join(outside, 'pass'), { recursive: true });
    mkdirSync(join(outside, '.git'));
    const r = await run(['check', 'pass/system.yaml', '--as-of', '2026-11-23'], outside);
    expect(summary(r.stdout)).toContain('fail on: high');
    const none = await run(['check', '--no-config'], repo);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('nothing to check');
  });

  it('is an error at its file:line:col when invalid, with the field it was probably meant to be', async () => {
    writeFileSync(join(repo, 'bad.yaml'), 'as_of: 2026-02-30\nfail_on: hgh\nlnag: vi\n');
    const r = await run(['check', 'pass/system.yaml', '--config', 'bad.yaml'], repo);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toEqual([
      'tuanthu: configuration file bad.yaml is not valid:',
      'bad.yaml:1:8: "as_of" must be a real date written YYYY-MM-DD',
      expect.stringMatching(/^bad\.yaml:2:10: "fail_on" must be one of: "info", "low"/),
      expect.stringMatching(/^bad\.yaml:3:7: unknown field "lnag" .*; did you mean "lang"\?$/),
    ]);
    const missing = await run(['check', '--config', 'nope.yaml'], repo);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('nope.yaml does not exist');
  });

  it("runs a value from the environment or the file through the flag's own checks, naming where it came from", async () => {
    const env = await run(['check'], repo, { TUANTHU_FAIL_ON: 'severe' });
    expect(env.exitCode).toBe(2);
    expect(env.stderr).toBe('tuanthu: TUANTHU_FAIL_ON: "severe" is not one of info, low, medium, high, critical');
    writeFileSync(join(repo, 'fmt.yaml'), 'paths: [pass]\nformats: [text, yaml=x]\n');
    const file = await run(['check', '--config', 'fmt.yaml'], repo);
    expect(file.exitCode).toBe(2);
    expect(file.stderr).toMatch(/^tuanthu: fmt\.yaml:2:17: formats: unknown format "yaml"; choose one of: text, json/);
  });

  it('gives gate and waivers list their defaults too', async () => {
    const gate = await run(['gate'], repo);
    expect(gate.stdout).toContain('2026-11-23');
    expect(gate.exitCode).toBe(0);
    const waivers = await run(['waivers', 'list', '--format', 'json'], repo);
    expect(waivers.exitCode).toBe(0);
    expect(JSON.parse(waivers.stdout).asOf).toBe('2026-11-23');
  });
});
