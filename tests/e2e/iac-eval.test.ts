// End to end through the built CLI: Terraform variables (--var, --var-file, terraform.tfvars,
// TF_VAR_*), locals, local modules, count, for_each and dynamic blocks change what the rules see.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { AS_OF, inTempDir, ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin/tuanthu.js');

interface JsonFinding {
  rule: string;
  path: string;
  message: string;
  params: Record<string, unknown>;
  location: { file: string; line: number };
}

async function check(dir: string, args: string[] = [], env: Record<string, string> = {}) {
  const r = await execa('node', [BIN, 'check', '.', '--format', 'json', '--as-of', AS_OF, '--lang', 'en', ...args], {
    cwd: dir,
    reject: false,
    env: { NO_COLOR: '1', LANG: 'C', ...env },
  });
  if (r.exitCode === 2) throw new Error(r.stderr || r.stdout);
  const report = JSON.parse(r.stdout) as { systems: Array<{ findings: JsonFinding[] }> };
  return report.systems.flatMap((s) => s.findings);
}
const of = (fs: JsonFinding[], rule: string) =>
  fs
    .filter((f) => f.rule === rule)
    .map((f) => f.path)
    .sort();

const MAIN = `
provider "aws" {
  region = "ap-southeast-1"
}

variable "retention" {
  type    = number
  default = 1
}

variable "encrypt" {
  type    = bool
  default = true
}

locals {
  encrypted = var.encrypt
}

resource "aws_db_instance" "db" {
  storage_encrypted       = local.encrypted
  backup_retention_period = var.retention
  deletion_protection     = true
}

resource "aws_ebs_volume" "data" {
  count             = 2
  availability_zone = "ap-southeast-1a"
  encrypted         = count.index == 0
}

resource "aws_s3_bucket" "inline" {
  bucket = "inline-bucket"
  dynamic "server_side_encryption_configuration" {
    for_each = var.encrypt ? ["AES256"] : []
    content {
      rule {
        apply_server_side_encryption_by_default {
          sse_algorithm = server_side_encryption_configuration.value
        }
      }
    }
  }
}

module "bucket" {
  source   = "./modules/bucket"
  for_each = toset(["a", "b"])
  name     = "store-\${each.key}"
}
`;
const MODULE = `
variable "name" { type = string }

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = var.name == "store-a" ? "Enabled" : "Suspended"
  }
}
`;

async function inRoot(fn: (dir: string) => Promise<void>): Promise<void> {
  await inTempDir('tuanthu-e2e-eval-', async (dir) => {
    writeFileSync(join(dir, 'main.tf'), MAIN);
    mkdirSync(join(dir, 'modules/bucket'), { recursive: true });
    writeFileSync(join(dir, 'modules/bucket/main.tf'), MODULE);
    await fn(dir);
  });
}

describe('tuanthu check evaluates Terraform source', () => {
  it('variables: default < TF_VAR_ < terraform.tfvars < --var-file < --var', async () => {
    await inRoot(async (dir) => {
      const retention = (fs: JsonFinding[]) =>
        fs.filter((f) => f.rule === 'AWS-RDS-02' && /backups/.test(f.message)).map((f) => f.message);
      expect(retention(await check(dir))).toEqual([expect.stringMatching(/for 1 day/)]);
      expect(retention(await check(dir, [], { TF_VAR_retention: '30' }))).toEqual([]);
      writeFileSync(join(dir, 'terraform.tfvars'), 'retention = 3\n');
      expect(retention(await check(dir, [], { TF_VAR_retention: '30' }))).toEqual([expect.stringMatching(/for 3 day/)]);
      writeFileSync(join(dir, 'long.tfvars'), 'retention = 14\n');
      expect(retention(await check(dir, ['--var-file', 'long.tfvars']))).toEqual([]);
      expect(retention(await check(dir, ['--var-file', 'long.tfvars', '--var', 'retention=2']))).toEqual([
        expect.stringMatching(/for 2 day/),
      ]);
    });
  }, 180_000);

  it('locals, count, dynamic blocks and a local module with for_each', async () => {
    await inRoot(async (dir) => {
      const encrypted = await check(dir);
      // count: each instance judged on its own.
      expect(of(encrypted, 'AWS-EBS-01')).toEqual(['aws_ebs_volume.data[1]']);
      // dynamic: the encryption block generated from for_each; the local carries the variable.
      expect(of(encrypted, 'AWS-S3-01')).not.toContain('aws_s3_bucket.inline');
      expect(of(encrypted, 'AWS-RDS-01')).toEqual([]);
      // for_each over a local module: one bucket per key, its versioning matched to it, pointing at the module's file.
      expect(of(encrypted, 'AWS-S3-03')).toEqual(['aws_s3_bucket.inline', 'module.bucket["b"].aws_s3_bucket.this']);
      const inModule = encrypted.find((f) => f.path === 'module.bucket["b"].aws_s3_bucket.this')!;
      expect(inModule.location.file).toMatch(/(^|\/)modules\/bucket\/main\.tf$/);
      expect(inModule.location.line).toBe(4);
      // …and at the module call in the root, the line to edit for this instance's inputs.
      expect(inModule.params.module_call).toMatch(/(^|\/)main\.tf:46:1$/);
      expect(of(encrypted, 'AWS-S3-01')).toEqual([
        'module.bucket["a"].aws_s3_bucket.this',
        'module.bucket["b"].aws_s3_bucket.this',
      ]);

      // SARIF gives the module call as a related location.
      await execa('node', [BIN, 'check', '.', '--format', 'sarif=out.sarif', '--as-of', AS_OF, '--lang', 'en'], {
        cwd: dir,
        reject: false,
      });
      const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as {
        runs: Array<{ results: Array<{ locations: unknown[]; relatedLocations?: unknown[] }> }>;
      };
      const related = sarif.runs[0]!.results.find((r) => r.relatedLocations);
      expect(related?.relatedLocations).toEqual([
        {
          id: 1,
          message: { text: 'module call' },
          physicalLocation: {
            artifactLocation: { uri: expect.stringMatching(/main\.tf$/), uriBaseId: '%SRCROOT%' },
            region: { startLine: 46, startColumn: 1 },
          },
        },
      ]);

      const plain = await check(dir, ['--var', 'encrypt=false']);
      expect(of(plain, 'AWS-S3-01')).toContain('aws_s3_bucket.inline');
      expect(of(plain, 'AWS-RDS-01')).toEqual(['aws_db_instance.db']);
    });
  }, 120_000);

  it('refuses a --var that is not name=value (exit 2)', async () => {
    const r = await execa('node', [BIN, 'check', 'examples/terraform-hcl', '--var', 'oops'], {
      cwd: ROOT,
      reject: false,
    });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('"oops" is not name=value');
  });
});
