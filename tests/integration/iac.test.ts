// Infrastructure code: loaders of every input shape, locations, unknown values, batching, the
// CDKTF examples synthesised in-process (no cdktf CLI) and the in-process synth validation.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'cdktf';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { addTuanthuValidation, checkStack } from '../../src/integrations/cdktf.js';
import { batchInputs } from '../../src/engine/iac-input.js';
import { loadIac, loadJsonText } from '../../src/io/iac/load.js';
import type { IacStack } from '../../src/model/iac.js';
import { inLanguage } from '../../src/i18n/index.js';
import { lintFiles } from '../../src/run/lint-files.js';
import { MofPublicServices } from '../../examples/mof-public-services/iac/stack.js';
import { ProvinceLandPortal } from '../../examples/province-land-portal/iac/stack.js';
import { AS_OF, evaluate, inTempDir, ROOT } from '../helpers.js';

const FX = join(ROOT, 'tests/fixtures/iac');
const TERRAFORM = await execa('terraform', ['version'], { reject: false }).then(
  (r) => r.exitCode === 0,
  () => false,
);
const opts = { asOf: AS_OF, failOn: 'high' as const, lang: 'en' as const, cwd: ROOT };

async function stack(path: string): Promise<IacStack> {
  const r = await loadIac(path, path.replace(`${ROOT}/`, ''));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.stack;
}

describe('CDKTF examples', () => {
  for (const [name, Stack] of [
    ['mof-public-services', MofPublicServices],
    ['province-land-portal', ProvinceLandPortal],
  ] as const) {
    it(`${name}: the committed cdk.tf.json is what the stack synthesises (npm run examples:synth)`, () => {
      const outdir = mkdtempSync(join(tmpdir(), 'tuanthu-cdktf-'));
      const app = new App({ outdir });
      new Stack(app, 'portal');
      app.synth();
      const synthesised = readFileSync(join(outdir, 'stacks/portal/cdk.tf.json'), 'utf8');
      rmSync(outdir, { recursive: true, force: true });
      expect(synthesised).toBe(
        readFileSync(join(ROOT, 'examples', name, 'iac/cdktf.out/stacks/portal/cdk.tf.json'), 'utf8'),
      );
    });
  }

  it('the non-compliant system: contradictions are critical and state both sides, with the construct path', async () => {
    const r = await lintFiles(['examples/province-land-portal/system.yaml'], opts);
    const f = r.systems[0]!.findings;
    const hosting = f.find(
      (x) => x.rule === 'IAC-X-01' && x.path === 'aws_db_instance.main' && x.params.msg === 'hosting',
    );
    expect(hosting).toMatchObject({
      severity: 'critical',
      supports: ['HST-02', 'CRY-02', 'MON-03'],
      params: { construct_path: 'portal/main', place: 'ap-southeast-1', country: 'SG' },
    });
    expect(hosting!.message).toBe(
      'The descriptor says the system is hosted in Vietnam (VN), but aws_db_instance.main is placed in ap-southeast-1 Asia Pacific (Singapore) (SG).',
    );
    expect(hosting!.location.file).toBe('examples/province-land-portal/iac/cdktf.out/stacks/portal/cdk.tf.json');
    const text = readFileSync(join(ROOT, hosting!.location.file), 'utf8').split('\n');
    expect(text[hosting!.location.line - 1]).toContain('"main": {');
    // The example admits its data is unencrypted; a descriptor that claimed otherwise is contradicted.
    expect(f.some((x) => x.params.msg === 'at_rest')).toBe(false);
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-claim-'));
    const claimed = readFileSync(join(ROOT, 'examples/province-land-portal/system.yaml'), 'utf8')
      .replace('at_rest: {encrypted: false}', 'at_rest: {encrypted: true}')
      .replace('iac: [iac/', `iac: [${join(ROOT, 'examples/province-land-portal/iac')}/`);
    writeFileSync(join(dir, 'system.yaml'), claimed);
    const c = await lintFiles([join(dir, 'system.yaml')], { ...opts, cwd: dir });
    rmSync(dir, { recursive: true, force: true });
    const atRest = c.systems[0]!.findings.find(
      (x) => x.rule === 'IAC-X-01' && x.params.msg === 'at_rest' && x.path === 'aws_s3_bucket.uploads',
    );
    expect(atRest?.message).toBe(
      'The descriptor says data at rest is encrypted (crypto.at_rest.encrypted: true), but aws_s3_bucket.uploads is not encrypted.',
    );
    const rules = new Set(f.map((x) => x.rule));
    for (const id of [
      'AWS-S3-01',
      'AWS-S3-02',
      'AWS-S3-03',
      'AWS-RDS-01',
      'AWS-RDS-02',
      'AWS-RDS-03',
      'AWS-NET-01',
      'AWS-TLS-01',
      'AWS-LOG-01',
      'AWS-LOG-02',
      'AWS-KMS-01',
      'IAC-LOC-01',
      'IAC-X-01',
    ])
      expect(rules).toContain(id);
    expect(r.systems[0]!.inputs.map((i) => i.role)).toEqual(['descriptor', 'iac']);
    expect(r.systems[0]!.inputs[1]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('synth fails on violations through addTuanthuValidation, and passes for the compliant stack', () => {
    const bad = new App({ outdir: mkdtempSync(join(tmpdir(), 'tuanthu-cdktf-')) });
    addTuanthuValidation(new ProvinceLandPortal(bad, 'portal'), {
      descriptor: join(ROOT, 'examples/province-land-portal/system.yaml'),
      asOf: AS_OF,
    });
    expect(() => bad.synth()).toThrow(
      /IAC-X-01 \(critical\) aws_db_instance\.main \[portal\/main\]: The descriptor says the system is hosted in Vietnam/,
    );
    const good = new App({ outdir: mkdtempSync(join(tmpdir(), 'tuanthu-cdktf-')) });
    const s = new MofPublicServices(good, 'portal');
    addTuanthuValidation(s, { descriptor: join(ROOT, 'examples/mof-public-services/system.yaml'), asOf: AS_OF });
    expect(() => good.synth()).not.toThrow();
    expect(checkStack(s, { failOn: 'info', asOf: AS_OF })).toEqual([]);
  });
});

describe('loaders', () => {
  it('HCL: resources point at their .tf line; region from a variable default; zone through the subnet', async () => {
    const s = await stack(join(ROOT, 'examples/terraform-hcl'));
    expect(s.shape).toBe('hcl');
    const app = s.resources.find((r) => r.address === 'aws_instance.app')!;
    expect(app).toMatchObject({ region: 'ap-southeast-1', zone: 'ap-southeast-1-han-1a', provider: 'aws' });
    expect(app.refs).toEqual(['aws_security_group.web', 'aws_subnet.hanoi']);
    expect(s.locate(['aws_ebs_volume.scans']).get('aws_ebs_volume.scans')).toEqual({
      file: 'examples/terraform-hcl/main.tf',
      line: 42,
      column: 1,
    });
    expect(s.inputs.map((i) => i.file)).toEqual([
      'examples/terraform-hcl/main.tf',
      'examples/terraform-hcl/variables.tf',
    ]);
  });

  it('plan: unknown values are kept as unknown, deletes dropped, aliases resolved, plan line located', async () => {
    const s = await stack(join(FX, 'plan.json'));
    expect(s.resources.map((r) => r.address)).toEqual(['aws_db_instance.main', 'aws_instance.app']);
    expect(s.resources[0]).toMatchObject({ region: 'ap-southeast-1', unknown: ['id', 'storage_encrypted'] });
    expect(s.resources[1]).toMatchObject({ provider_config: 'aws.hanoi', region: 'ap-southeast-1' });
    expect(s.locate(['aws_instance.app']).get('aws_instance.app')).toMatchObject({ line: 27, column: 5 });
    const r = evaluate(null, AS_OF, undefined, [s]);
    const rds = r.findings.filter((f) => f.rule === 'AWS-RDS-01');
    expect(rds).toEqual([
      expect.objectContaining({
        msg: 'unknown',
        status: 'unknown',
        params: expect.objectContaining({ expression: '(known after apply)' }),
      }),
    ]);
  });

  it('a provider whose block names its region otherwise (CMC Cloud region_id) is placed by it, in configuration and plan', () => {
    const tf = loadJsonText(
      JSON.stringify({
        provider: { cmccloudv2: { region_id: 'hn-1', api_key: 'k', project_id: 'p' } },
        resource: { cmccloudv2_volume: { d: { name: 'd', size: 100, type: 'highio' } } },
      }),
      'main.tf.json',
    );
    expect(tf.ok).toBe(true);
    if (tf.ok) expect(tf.stack.resources[0]).toMatchObject({ provider: 'cmccloudv2', region: 'hn-1' });
    const plan = loadJsonText(
      JSON.stringify({
        format_version: '1.2',
        resource_changes: [
          {
            address: 'cmccloudv2_volume.d',
            mode: 'managed',
            type: 'cmccloudv2_volume',
            name: 'd',
            provider_name: 'registry.terraform.io/cmc-cloud/cmccloudv2',
            change: { actions: ['create'], after: { name: 'd', size: 100 }, after_unknown: {} },
          },
        ],
        configuration: {
          provider_config: {
            cmccloudv2: { name: 'cmccloudv2', expressions: { region_id: { constant_value: 'hcm-1' } } },
          },
        },
      }),
      'plan.json',
    );
    expect(plan.ok).toBe(true);
    if (plan.ok) expect(plan.stack.resources[0]).toMatchObject({ provider: 'cmccloudv2', region: 'hcm-1' });
  });

  it('cdk.tf.json: provider aliases, construct paths, ${} references', () => {
    const r = loadJsonText(
      JSON.stringify({
        provider: { aws: [{ region: 'ap-southeast-1' }, { alias: 'tokyo', region: 'ap-northeast-1' }] },
        resource: {
          aws_s3_bucket: { b: { '//': { metadata: { path: 'stack/b' } }, bucket: 'b', provider: 'aws.tokyo' } },
          aws_s3_bucket_versioning: {
            v: { bucket: '${aws_s3_bucket.b.id}', versioning_configuration: { status: 'Enabled' } },
          },
        },
      }),
      'cdk.tf.json',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [b, v] = r.stack.resources;
    expect(b).toMatchObject({ region: 'ap-northeast-1', construct_path: 'stack/b', provider_config: 'aws.tokyo' });
    expect(b!.values).not.toHaveProperty('//');
    expect(v!.refs).toEqual(['aws_s3_bucket.b']);
  });

  it('bad inputs give file:line:col and a plain message', async () => {
    const errs = async (p: string) => {
      const r = await loadIac(join(FX, p), p);
      return r.ok ? [] : inLanguage(r.errors, 'en');
    };
    expect(await errs('malformed.tf.json')).toEqual([
      expect.objectContaining({
        file: 'malformed.tf.json',
        line: 4,
        column: 27,
        code: 'syntax',
        message: 'malformed JSON: property name expected',
      }),
    ]);
    expect(await errs('bad-hcl')).toEqual([
      expect.objectContaining({
        file: 'bad-hcl/main.tf',
        line: 2,
        column: 12,
        message: expect.stringMatching(/^malformed HCL: Invalid expression/),
      }),
    ]);
    expect(await errs('plan-v2.json')).toEqual([
      expect.objectContaining({
        line: 2,
        column: 3,
        code: 'plan-version',
        message: expect.stringContaining('format_version 2.0 is not supported'),
      }),
    ]);
    expect(await errs('package-like.json')).toEqual([
      expect.objectContaining({ code: 'not-terraform', line: 1, column: 1 }),
    ]);
  });

  it('a .tf full of problems gives its first at its position and a count of the rest, not thousands', async () => {
    // hcl2json puts every diagnostic of a file into one message: 23,000 of them for 200 KB of random bytes.
    await inTempDir('tuanthu-garbage tf-', async (dir) => {
      writeFileSync(join(dir, 'main.tf'), '§ ¤ € ` ~ \u0001 '.repeat(2_000));
      const r = await loadIac(dir, 'garbage tf');
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.errors).toHaveLength(1);
      const [e] = r.errors;
      expect(e).toMatchObject({ file: 'garbage tf/main.tf', line: 1, column: 1, code: 'syntax' });
      expect(e!.message.en).toMatch(/^malformed HCL: [^:]+: [^.]+\. \(and \d+ more problems in this file\)$/);
      expect(e!.message.en.length).toBeLessThan(200);
      // hcl2json's own words stay inside the Vietnamese frame.
      expect(e!.message.vi).toMatch(/^HCL sai cú pháp: [^:]+: [^.]+\. \(và \d+ lỗi khác trong tệp này\)$/);
    });
  });

  it('UTF-16, binary and invalid UTF-8 infrastructure code are reported as such, at their position', async () => {
    await inTempDir('tuanthu-encoding-', async (dir) => {
      const hcl = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n';
      writeFileSync(join(dir, 'utf16.tf'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(hcl, 'utf16le')]));
      writeFileSync(join(dir, 'binary.tf'), Buffer.from([0x72, 0x65, 0x0a, 0x00, 0x01, 0x02]));
      writeFileSync(
        join(dir, 'latin1.tf.json'),
        Buffer.from('{"resource": {"aws_s3_bucket": {"b": {"bucket": "caf\xe9"}}}}', 'latin1'),
      );
      const errs = async (f: string) => {
        const r = await loadIac(join(dir, f), f);
        return r.ok ? [] : inLanguage(r.errors, 'en');
      };
      expect(await errs('utf16.tf')).toEqual([
        { file: 'utf16.tf', line: 1, column: 1, code: 'encoding', message: 'the file is UTF-16; save it as UTF-8' },
      ]);
      expect(await errs('binary.tf')).toEqual([
        {
          file: 'binary.tf',
          line: 2,
          column: 1,
          code: 'encoding',
          message: 'the file is binary (it contains NUL bytes), not Terraform (HCL) text',
        },
      ]);
      expect(await errs('latin1.tf.json')).toEqual([
        {
          file: 'latin1.tf.json',
          line: 1,
          column: 53,
          code: 'encoding',
          message: 'invalid UTF-8 (byte 0xe9 at offset 52); save the file as UTF-8',
        },
      ]);
    });
  });

  it('a walked directory looks past byte order marks: a BOM plan is checked, a BOM .tf.json (which Terraform refuses) and UTF-16 ones reported, none skipped', async () => {
    await inTempDir('tuanthu-bom-', async (dir) => {
      const json = '{"resource": {"aws_s3_bucket": {"b": {"bucket": "x"}}}}';
      writeFileSync(join(dir, 'bom.tf.json'), `\ufeff${json}`);
      writeFileSync(
        join(dir, 'plan.json'),
        `\ufeff${readFileSync(join(ROOT, 'tests/fixtures/iac/plan.json'), 'utf8')}`,
      );
      writeFileSync(
        join(dir, 'utf16.tf.json'),
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]),
      );
      writeFileSync(
        join(dir, 'utf16be.tf.json'),
        Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(json, 'utf16le').swap16()]),
      );
      writeFileSync(join(dir, 'package.json'), '{"name": "not ours"}');
      const r = await lintFiles([dir], { ...opts, cwd: dir });
      expect(r.systems.map((x) => x.file)).toEqual(['plan.json']);
      const plain = await inTempDir('tuanthu-no-bom-', (bare) => {
        writeFileSync(join(bare, 'plan.json'), readFileSync(join(ROOT, 'tests/fixtures/iac/plan.json')));
        return lintFiles([bare], { ...opts, cwd: bare });
      });
      // Past the mark, positions are as an editor shows them: the same as in the file without it.
      expect(r.systems[0]!.findings.map((f) => [f.rule, f.path, f.location.line, f.location.column])).toEqual(
        plain.systems[0]!.findings.map((f) => [f.rule, f.path, f.location.line, f.location.column]),
      );
      expect(r.systems[0]!.findings.length).toBeGreaterThan(0);
      expect(r.errors).toEqual([
        {
          file: 'bom.tf.json',
          line: 1,
          column: 1,
          code: 'bom',
          message: expect.stringContaining('Terraform refuses in a .tf.json file'),
        },
        {
          file: 'utf16.tf.json',
          line: 1,
          column: 1,
          code: 'encoding',
          message: 'the file is UTF-16; save it as UTF-8',
        },
        {
          file: 'utf16be.tf.json',
          line: 1,
          column: 1,
          code: 'encoding',
          message: 'the file is UTF-16; save it as UTF-8',
        },
      ]);
    });
  });

  it('a .tf with a byte order mark is read past it, as Terraform does; in a module a BOM .tf.json is reported', async () => {
    await inTempDir('tuanthu-bom-module-', async (dir) => {
      writeFileSync(join(dir, 'main.tf'), '\ufeffresource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n');
      const ok = await loadIac(dir, 'module');
      expect(ok.ok && ok.stack.resources.map((x) => x.address)).toEqual(['aws_s3_bucket.b']);
      writeFileSync(join(dir, 'extra.tf.json'), '\ufeff{"resource": {}}');
      const r = await loadIac(dir, 'module');
      expect(r.ok ? [] : r.errors.map((e) => [e.file, e.line, e.column, e.code])).toEqual([
        [join('module', 'extra.tf.json'), 1, 1, 'bom'],
      ]);
    });
  });

  it('binary plan: a clear error when the terraform CLI is absent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-plan-'));
    writeFileSync(join(dir, 'tfplan'), Buffer.from('PK\u0003\u0004binary plan'));
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const r = await loadIac(join(dir, 'tfplan'), 'tfplan');
      expect(r).toMatchObject({
        ok: false,
        errors: [
          {
            code: 'terraform-missing',
            message: {
              en: expect.stringContaining('needs the terraform CLI'),
              vi: expect.stringContaining('cần có terraform CLI'),
            },
          },
        ],
      });
    } finally {
      process.env.PATH = path;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!TERRAFORM)(
    'binary plan: converted with terraform show -json when terraform is installed',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tuanthu-plan-'));
      writeFileSync(join(dir, 'main.tf'), 'resource "terraform_data" "marker" {\n  input = "x"\n}\n');
      await execa('terraform', ['init', '-input=false', '-no-color'], { cwd: dir });
      await execa('terraform', ['plan', '-input=false', '-no-color', '-out=tfplan'], { cwd: dir });
      const s = await stack(join(dir, 'tfplan'));
      expect(s.shape).toBe('plan');
      expect(s.resources.map((r) => `${r.address} ${r.provider}`)).toEqual(['terraform_data.marker terraform']);
      rmSync(dir, { recursive: true, force: true });
    },
    60_000,
  );
});

describe('batching', () => {
  it('keeps referenced resources together and gives the same findings as one evaluation', () => {
    const resource: Record<string, Record<string, unknown>> = {
      aws_s3_bucket: {},
      aws_s3_bucket_server_side_encryption_configuration: {},
      aws_kms_key: {},
      aws_cloudtrail: { t: { name: 't', s3_bucket_name: 'x', is_multi_region_trail: true } },
    };
    for (let i = 0; i < 300; i++) {
      resource.aws_s3_bucket![`b${i}`] = { bucket: `b${i}` };
      if (i % 2 === 0)
        resource.aws_s3_bucket_server_side_encryption_configuration![`e${i}`] = {
          bucket: `\${aws_s3_bucket.b${i}.id}`,
          rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' } }],
        };
      resource.aws_kms_key![`k${i}`] = { enable_key_rotation: i % 3 === 0 };
    }
    const r = loadJsonText(
      JSON.stringify({ provider: { aws: { region: 'ap-southeast-1' } }, resource }),
      'big.tf.json',
    );
    if (!r.ok) throw new Error('load');
    const batches = batchInputs([r.stack], 64);
    expect(batches.length).toBeGreaterThan(10);
    for (const b of batches) expect(b.global.map((g) => g.address)).toEqual(['aws_cloudtrail.t']);
    const key = (x: { rule: string; path: string; msg: string }) => `${x.rule} ${x.path} ${x.msg}`;
    const whole = evaluate(null, AS_OF, undefined, [r.stack], 100_000).findings.map(key).sort();
    const batched = evaluate(null, AS_OF, undefined, [r.stack], 64).findings.map(key).sort();
    expect(batched).toEqual(whole);
    expect(whole.filter((k) => k.startsWith('AWS-S3-01 ')).length).toBe(150);
    expect(whole).toContain('AWS-LOG-01 aws_cloudtrail.t no_validation');
  });
});
