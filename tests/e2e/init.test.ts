// `tuanthu init`: a starter descriptor that validates, says what the Terraform deploys, and gives
// findings to work from (not an empty pass); it never replaces a file unless told to.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/types.js';
import { AS_OF, ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin/tuanthu.js');
const run = (args: string[], cwd = ROOT) =>
  execa('node', [BIN, ...args], { cwd, reject: false, extendEnv: false, env: { PATH: process.env.PATH ?? '' } });

async function check(file: string): Promise<Report> {
  const r = await run(['check', file, '--as-of', AS_OF, '--lang', 'en', '--format', 'json', '--no-config']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Report;
}

function terraformDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'tuanthu-init-')), 'land-portal');
  mkdirSync(dir);
  cpSync(join(ROOT, 'examples/terraform-hcl/main.tf'), join(dir, 'main.tf'));
  cpSync(join(ROOT, 'examples/terraform-hcl/variables.tf'), join(dir, 'variables.tf'));
  return dir;
}

describe('tuanthu init', () => {
  it('prefills hosting and iac from the Terraform, and the result validates and has findings to work from', async () => {
    const dir = terraformDir();
    const r = await run(['init', dir, '--owner', 'Sở Tài nguyên và Môi trường', '--level', '3', '--lang', 'en']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('descriptor land-portal, 9 resource(s) from the infrastructure code');
    const text = readFileSync(join(dir, 'system.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*schemas\/system\.schema\.json$/m);
    expect(text).toContain('# Tìm thấy — found: aws_cloudtrail ×1');
    const doc = parse(text);
    expect(doc).toMatchObject({
      apiVersion: 'tuanthu/v1',
      system: { id: 'land-portal', name: 'land-portal', owner: 'Sở Tài nguyên và Môi trường', sector: 'civil' },
      lifecycle: { stage: 'design' },
      classification: { level: 3 },
      iac: ['.'],
    });
    expect(doc.hosting.data_centres).toEqual([
      { name: 'aws ap-southeast-1 (Asia Pacific (Singapore))', country: 'SG', provider: 'aws' },
      { name: 'aws ap-southeast-1-han-1a (Hanoi Local Zone)', country: 'VN', provider: 'aws' },
    ]);
    const report = await check(join(dir, 'system.yaml'));
    expect(report.errors).toEqual([]);
    expect(report.systems[0]!.result).toBe('fail');
    expect(report.systems[0]!.findings.length).toBeGreaterThan(5);
    // The code was read as evidence: its resources reached the IaC rules.
    expect(report.systems[0]!.inputs.some((i) => i.role === 'iac')).toBe(true);
  });

  it('writes the required fields from flags where there is no Terraform, with comments in both languages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-init-bare-'));
    const out = join(dir, 'descriptors/portal.yaml');
    mkdirSync(join(dir, 'descriptors'));
    const r = await run([
      'init',
      dir,
      '-o',
      out,
      '--id',
      'so-noi-vu',
      '--name',
      'Hệ thống "văn bản": điều hành',
      '--owner',
      'Sở Nội vụ',
      '--stage',
      'production',
      '--sector',
      'civil',
    ]);
    expect(r.exitCode).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('— system name');
    expect(text).toContain('# Tên hệ thống');
    const doc = parse(text);
    expect(doc.system).toEqual({
      id: 'so-noi-vu',
      name: 'Hệ thống "văn bản": điều hành',
      owner: 'Sở Nội vụ',
      sector: 'civil',
    });
    expect(doc.iac).toBeUndefined();
    expect(text).toMatch(/\$schema=\.\.\/.*schemas\/system\.schema\.json/);
    const report = await check(out);
    expect(report.errors).toEqual([]);
    expect(report.systems[0]!.findings.some((f) => f.rule === 'LVL-01')).toBe(true);
  });

  it('never replaces a file unless --force, and refuses a bad id or level with exit 2', async () => {
    const dir = terraformDir();
    writeFileSync(join(dir, 'system.yaml'), 'mine\n');
    const again = await run(['init', dir]);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('exists; give --force to replace it');
    expect(readFileSync(join(dir, 'system.yaml'), 'utf8')).toBe('mine\n');
    const forced = await run(['init', dir, '--force']);
    expect(forced.exitCode).toBe(0);
    expect(readFileSync(join(dir, 'system.yaml'), 'utf8')).toContain('apiVersion: tuanthu/v1');
    rmSync(join(dir, 'system.yaml'));
    for (const args of [
      ['--id', 'Bad Id'],
      ['--level', '7'],
    ]) {
      const r = await run(['init', dir, ...args]);
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    }
  });
});
