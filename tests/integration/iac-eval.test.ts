// Terraform source evaluated as Terraform reads it before apply (src/io/iac/eval/, src/io/iac/modules.ts):
// module-based roots derived from public module examples, every example and fixture yields
// evaluated resources, and what cannot be evaluated is listed, never dropped.
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/io/discover.js';
import { loadIac } from '../../src/io/iac/load.js';
import type { IacStack, PolicyResource } from '../../src/model/iac.js';
import { inTempDir, ROOT } from '../helpers.js';

const MODULES = join(ROOT, 'tests/fixtures/iac/modules');

async function stack(path: string, variables?: Parameters<typeof loadIac>[3]): Promise<IacStack> {
  const r = await loadIac(path, path.replace(`${ROOT}/`, ''), undefined, variables);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.stack;
}
const byAddress = (s: IacStack) => new Map<string, PolicyResource>(s.resources.map((r) => [r.address, r]));

describe('every example and module fixture yields evaluated resources', () => {
  const inputs = [
    ...readdirSync(join(ROOT, 'examples'))
      .map((e) => join(ROOT, 'examples', e))
      .flatMap((d) => {
        const cdk = join(d, 'iac/cdktf.out/stacks/portal/cdk.tf.json');
        if (existsSync(cdk)) return [cdk];
        return readdirSync(d).some((n) => n.endsWith('.tf')) ? [d] : [];
      }),
    ...readdirSync(MODULES)
      .filter((n) => !n.includes('.'))
      .map((n) => join(MODULES, n)),
  ];
  it('covers the examples with infrastructure code and every fixture', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(7);
  });
  for (const input of inputs)
    it(input.replace(`${ROOT}/`, ''), async () => {
      const s = await stack(input);
      expect(s.resources.length).toBeGreaterThan(0);
      // Only the fixture that calls a registry module without installing it leaves anything out.
      const left = (s.unevaluated ?? []).map((u) => `${u.address} ${u.reason}`);
      expect(left).toEqual(input.endsWith('/eks') ? ['module.karpenter module-not-installed'] : []);
    });
});

describe('modules', () => {
  it('vpc: a local module expanded with its inputs, count instances, tfvars and locals', async () => {
    const s = await stack(join(MODULES, 'vpc'));
    const r = byAddress(s);
    expect([...r.keys()].sort()).toEqual([
      'module.vpc.aws_flow_log.this[0]',
      'module.vpc.aws_subnet.private[0]',
      'module.vpc.aws_subnet.private[1]',
      'module.vpc.aws_vpc.this[0]',
    ]);
    const subnet = r.get('module.vpc.aws_subnet.private[0]')!;
    // terraform.tfvars names the system; the root's local reaches the module through an input.
    expect(subnet.values.tags).toEqual({
      Name: 'sonoivu-private-ap-southeast-1-han-1a',
      Project: 'sonoivu',
      'tuanthu:owner': 'so-noi-vu',
    });
    expect(subnet.zone).toBe('ap-southeast-1-han-1a');
    expect(r.get('module.vpc.aws_subnet.private[1]')!.values.cidr_block).toBe('10.40.2.0/24');
    // vpc_id is the VPC's id through a local and try(): unknown until apply, and a reference.
    expect(subnet.unknown).toEqual(['vpc_id']);
    expect(subnet.refs).toEqual(['module.vpc.aws_vpc.this[0]']);
    expect(r.get('module.vpc.aws_flow_log.this[0]')!.refs).toEqual(['module.vpc.aws_vpc.this[0]']);
    // The resource inside the module is found in the module's file; the inputs list every file read.
    const at = s.locate(['module.vpc.aws_subnet.private[1]']).get('module.vpc.aws_subnet.private[1]')!;
    expect(at).toEqual({ file: 'tests/fixtures/iac/modules/vpc/modules/vpc/main.tf', line: 31, column: 1 });
    expect(s.inputs.map((i) => i.file)).toEqual([
      'tests/fixtures/iac/modules/vpc/main.tf',
      'tests/fixtures/iac/modules/vpc/variables.tf',
      'tests/fixtures/iac/modules/vpc/modules/vpc/main.tf',
      'tests/fixtures/iac/modules/vpc/terraform.tfvars',
    ]);
  });

  it('s3 bucket module with for_each: keyed instances, nested dynamic blocks, references inside each instance', async () => {
    const r = byAddress(await stack(join(MODULES, 's3-for-each')));
    expect(r.get('module.bucket["data"].aws_s3_bucket.this[0]')!.values.bucket).toBe('vanban-data');
    expect(r.get('module.bucket["logs"].aws_s3_bucket.this[0]')!.values.bucket).toBe('vanban-logs');
    // versioning = each.value.versioning: only the data bucket's module creates the resource.
    expect(r.has('module.bucket["data"].aws_s3_bucket_versioning.this[0]')).toBe(true);
    expect(r.has('module.bucket["logs"].aws_s3_bucket_versioning.this[0]')).toBe(false);
    const sse = r.get('module.bucket["logs"].aws_s3_bucket_server_side_encryption_configuration.this[0]')!;
    expect(sse.values.rule).toEqual([
      {
        bucket_key_enabled: null,
        apply_server_side_encryption_by_default: [
          {
            sse_algorithm: 'aws:kms',
            kms_master_key_id: '${try(apply_server_side_encryption_by_default.value.kms_master_key_id, null)}',
          },
        ],
      },
    ]);
    expect(sse.unknown).toEqual(['bucket', 'rule.0.apply_server_side_encryption_by_default.0.kms_master_key_id']);
    // Its bucket is the bucket of the same instance, and its key the root's key (through an input).
    expect(sse.refs).toEqual(['aws_kms_key.s3', 'module.bucket["logs"].aws_s3_bucket.this[0]']);
  });

  it('rds: values computed from variables and conditionals, the key reference kept, unknown only where apply decides', async () => {
    const s = await stack(join(MODULES, 'rds'), { variables: { vars: ['environment=dev'] } });
    const db = byAddress(s).get('module.db.aws_db_instance.this[0]')!;
    expect(db.values).toMatchObject({
      identifier: 'hoso-dev',
      instance_class: 'db.t4g.micro',
      port: 5432,
      storage_encrypted: true,
      backup_retention_period: 7,
      deletion_protection: false,
    });
    expect(db.unknown).toEqual(['kms_key_id']);
    expect(db.values.kms_key_id).toBe('${var.kms_key_id}');
    expect(db.refs).toEqual(['aws_kms_key.db']);
  });

  it('eks-like composition: module outputs feed other modules; installed registry modules read; missing ones listed', async () => {
    const s = await stack(join(MODULES, 'eks'));
    const r = byAddress(s);
    const cluster = r.get('module.eks.aws_eks_cluster.this')!;
    expect(cluster.values.encryption_config).toEqual([
      { resources: ['secrets'], provider: [{ key_arn: '${encryption_config.value.provider_key_arn}' }] },
    ]);
    expect(cluster.refs).toEqual([
      'module.kms.aws_kms_key.this',
      'module.vpc.aws_subnet.private[0]',
      'module.vpc.aws_subnet.private[1]',
    ]);
    // `../` source: the vpc fixture's module, with this root's inputs.
    expect(r.get('module.vpc.aws_vpc.this[0]')!.values.tags).toEqual({ Name: 'eks-dichvucong' });
    // Installed by terraform init (.terraform/modules/modules.json).
    expect(r.get('module.iam.aws_iam_role.this')!.values.name).toBe('dichvucong-admin');
    expect(s.inputs.map((i) => i.file)).toContain(
      'tests/fixtures/iac/modules/eks/.terraform/modules/iam/modules/iam-assumable-role/main.tf',
    );
    expect(s.unevaluated).toEqual([
      {
        address: 'module.karpenter',
        reason: 'module-not-installed',
        detail: 'terraform-aws-modules/eks/aws//modules/karpenter',
        location: { file: 'tests/fixtures/iac/modules/eks/main.tf', line: 39, column: 1 },
      },
    ]);
  });

  it('lists a local module that does not exist and a source that is not a literal, and unknown collections', async () => {
    await inTempDir('tuanthu-eval-', async (dir) => {
      writeFileSync(
        join(dir, 'main.tf'),
        [
          'module "gone" {\n  source = "./nowhere"\n}',
          'module "computed" {\n  source = "${var.src}"\n}',
          'variable "src" {}',
          'data "aws_availability_zones" "all" {}',
          'resource "aws_ebs_volume" "per_zone" {\n  for_each = toset(data.aws_availability_zones.all.names)\n  availability_zone = each.key\n  encrypted = true\n}',
          'resource "aws_ebs_volume" "n" {\n  count = var.n\n  encrypted = count.index == 0\n}',
          'variable "n" { type = number }',
        ].join('\n'),
      );
      const s = await stack(dir);
      expect(s.unevaluated!.map((u) => [u.address, u.reason, u.detail])).toEqual([
        ['aws_ebs_volume.n', 'collection-unknown', '${var.n}'],
        ['aws_ebs_volume.per_zone', 'collection-unknown', '${toset(data.aws_availability_zones.all.names)}'],
        ['module.computed', 'module-source-unsupported', '${var.src}'],
        ['module.gone', 'module-not-found', './nowhere'],
      ]);
      // Evaluated once, with what depends on the key unknown.
      const r = byAddress(s);
      expect(r.get('aws_ebs_volume.per_zone')!.unknown).toEqual(['availability_zone']);
      expect(r.get('aws_ebs_volume.per_zone')!.values.encrypted).toBe(true);
      expect(r.get('aws_ebs_volume.n')!.unknown).toEqual(['encrypted']);
      // With the collection given, the instances are expanded.
      const known = byAddress(await stack(dir, { variables: { vars: ['n=2'] } }));
      expect([...known.keys()].filter((a) => a.startsWith('aws_ebs_volume.n'))).toEqual([
        'aws_ebs_volume.n[0]',
        'aws_ebs_volume.n[1]',
      ]);
      expect(known.get('aws_ebs_volume.n[1]')!.values.encrypted).toBe(false);
    });
  });
});

describe('variables', () => {
  it('takes defaults < TF_VAR_ < terraform.tfvars < *.auto.tfvars < --var-file < --var', async () => {
    await inTempDir('tuanthu-vars-', async (dir) => {
      writeFileSync(
        join(dir, 'main.tf'),
        ['a', 'b', 'c', 'd', 'e', 'f']
          .map((v) => `variable "${v}" {\n  default = "default"\n}`)
          .concat(
            'resource "aws_s3_bucket" "x" {\n  tags = { a = var.a, b = var.b, c = var.c, d = var.d, e = var.e, f = var.f }\n}',
          )
          .join('\n'),
      );
      writeFileSync(join(dir, 'terraform.tfvars'), 'c = "tfvars"\nd = "tfvars"\ne = "tfvars"\nf = "tfvars"\n');
      writeFileSync(join(dir, 'terraform.tfvars.json'), '{"d": "tfvars.json", "e": "tfvars.json", "f": "tfvars.json"}');
      writeFileSync(join(dir, 'z.auto.tfvars'), 'e = "auto"\nf = "auto"\n');
      writeFileSync(join(dir, 'given.tfvars'), 'f = "var-file"\n');
      const s = await stack(dir, {
        variables: {
          env: { TF_VAR_b: 'env', TF_VAR_c: 'env' },
          varFiles: [join(dir, 'given.tfvars')],
          vars: [],
        },
      });
      expect(s.resources[0]!.values.tags).toEqual({
        a: 'default',
        b: 'env',
        c: 'tfvars',
        d: 'tfvars.json',
        e: 'auto',
        f: 'var-file',
      });
      const cli = await stack(dir, { variables: { varFiles: [join(dir, 'given.tfvars')], vars: ['f=cli'] } });
      expect((cli.resources[0]!.values.tags as Record<string, string>).f).toBe('cli');
    });
  });

  it('reports a malformed tfvars file at its position', async () => {
    await inTempDir('tuanthu-vars-', async (dir) => {
      writeFileSync(join(dir, 'main.tf'), 'variable "a" {}\n');
      writeFileSync(join(dir, 'terraform.tfvars'), 'a = = 1\n');
      const r = await loadIac(dir, 'root');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]).toMatchObject({ file: 'root/terraform.tfvars', line: 1, code: 'syntax' });
    });
  });
});

describe('hostile and typed inputs', () => {
  it('a chain of locals thousands deep ends unknown, not in a crash', async () => {
    await inTempDir('tuanthu-chain-', async (dir) => {
      const n = 3000;
      const locals = Array.from({ length: n }, (_, i) => `  l${i} = ${i === n - 1 ? '"end"' : `local.l${i + 1}`}`);
      writeFileSync(
        join(dir, 'main.tf'),
        `locals {\n${locals.join('\n')}\n}\nresource "aws_s3_bucket" "b" {\n  bucket = local.l0\n  tags = { near = local.l${n - 3} }\n}\n`,
      );
      const b = (await stack(dir)).resources[0]!;
      expect(b.unknown).toEqual(['bucket']);
      expect(b.values.tags).toEqual({ near: 'end' });
    });
  });
  it('a null module argument is null, or the default of a variable declared nullable = false', async () => {
    await inTempDir('tuanthu-null-', async (dir) => {
      mkdirSync(join(dir, 'm'));
      writeFileSync(join(dir, 'main.tf'), 'module "m" {\n  source = "./m"\n  a = null\n  b = null\n}\n');
      writeFileSync(
        join(dir, 'm/main.tf'),
        'variable "a" {\n  default = "da"\n}\nvariable "b" {\n  default = "db"\n  nullable = false\n}\n' +
          'resource "aws_s3_bucket" "x" {\n  tags = { a = var.a, b = var.b }\n}\n',
      );
      expect((await stack(dir)).resources[0]!.values.tags).toEqual({ a: null, b: 'db' });
    });
  });
  it('joins a bucket and its configuration named by the same unknown expression, in one module instance only', async () => {
    await inTempDir('tuanthu-join-', async (dir) => {
      mkdirSync(join(dir, 'm'));
      writeFileSync(
        join(dir, 'main.tf'),
        'module "a" {\n  source = "./m"\n}\nmodule "b" {\n  source = "./m"\n}\nmodule "gone" {\n  source = "registry/x/aws"\n  count = 0\n}\n',
      );
      writeFileSync(
        join(dir, 'm/main.tf'),
        'data "aws_caller_identity" "me" {}\nlocals {\n  name = "logs-${data.aws_caller_identity.me.account_id}"\n}\n' +
          'resource "aws_s3_bucket" "logs" {\n  bucket = local.name\n}\n' +
          'resource "aws_s3_bucket_versioning" "logs" {\n  bucket = local.name\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
      );
      const s = await stack(dir);
      const r = byAddress(s);
      expect(r.get('module.a.aws_s3_bucket_versioning.logs')!.refs).toEqual(['module.a.aws_s3_bucket.logs']);
      expect(r.get('module.b.aws_s3_bucket_versioning.logs')!.refs).toEqual(['module.b.aws_s3_bucket.logs']);
      // A call with count = 0 makes nothing: not listed as not evaluated although its source is not installed.
      expect(s.unevaluated).toBeUndefined();
    });
  });
  it('does not expand a count of a billion, nor follow a module calling itself through a symlink', async () => {
    await inTempDir('tuanthu-hostile-', async (dir) => {
      writeFileSync(
        join(dir, 'main.tf'),
        'resource "aws_ebs_volume" "many" {\n  count = 1000000000\n}\nmodule "x" {\n  source = "./self"\n}\nmodule "y" {\n  source = "./self"\n}\n',
      );
      symlinkSync('.', join(dir, 'self'));
      const s = await stack(dir);
      expect(s.resources.map((r) => r.address)).toEqual(['aws_ebs_volume.many']);
      expect(s.unevaluated!.map((u) => [u.address, u.reason])).toEqual([
        ['aws_ebs_volume.many', 'collection-unknown'],
        ['module.x', 'module-source-unsupported'],
        ['module.y', 'module-source-unsupported'],
      ]);
    });
  });
  it('a module takes the provider its call passes (providers = { aws = aws.hanoi }), else the default one', async () => {
    await inTempDir('tuanthu-providers-', async (dir) => {
      mkdirSync(join(dir, 'm'));
      writeFileSync(
        join(dir, 'main.tf'),
        'variable "home" { default = "ap-southeast-1" }\n' +
          'provider "aws" {\n  region = "us-east-1"\n}\nprovider "aws" {\n  alias = "hanoi"\n  region = var.home\n}\n' +
          'module "here" {\n  source = "./m"\n  providers = { aws = aws.hanoi }\n}\nmodule "there" {\n  source = "./m"\n}\n',
      );
      writeFileSync(join(dir, 'm/main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n');
      const r = byAddress(await stack(dir));
      expect(r.get('module.here.aws_s3_bucket.b')).toMatchObject({
        provider_config: 'aws.hanoi',
        region: 'ap-southeast-1',
      });
      expect(r.get('module.there.aws_s3_bucket.b')).toMatchObject({ provider_config: 'aws', region: 'us-east-1' });
    });
  });
  it('converts values to the variable type as Terraform does', async () => {
    await inTempDir('tuanthu-typed-', async (dir) => {
      writeFileSync(
        join(dir, 'main.tf'),
        'variable "days" { type = number }\nvariable "on" { type = bool }\nvariable "name" { type = string }\n' +
          'resource "aws_db_instance" "d" {\n  backup_retention_period = var.days\n  deletion_protection = var.on\n  identifier = var.name\n}\n',
      );
      writeFileSync(join(dir, 'terraform.tfvars'), 'days = "14"\non = "true"\nname = 7\n');
      expect((await stack(dir)).resources[0]!.values).toEqual({
        backup_retention_period: 14,
        deletion_protection: true,
        identifier: '7',
      });
    });
  });
});

describe('roots', () => {
  it('a directory of .tf files is one root: its modules/ are not systems of their own', async () => {
    await inTempDir('tuanthu-roots-', async (dir) => {
      cpSync(join(MODULES, 'vpc'), join(dir, 'vpc'), { recursive: true });
      cpSync(join(MODULES, 'rds'), join(dir, 'envs/rds'), { recursive: true });
      const d = await discover([dir]);
      expect(d.iac.map((p) => p.replace(`${dir}/`, ''))).toEqual(['envs/rds', 'vpc']);
      const named = await discover([join(dir, 'vpc')]);
      expect(named.iac).toEqual([join(dir, 'vpc')]);
    });
  });
});
