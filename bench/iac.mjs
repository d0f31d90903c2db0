// IaC scale benchmark: generates a Terraform JSON (the shape of cdk.tf.json) with N resources,
// deterministically, and checks it with the built library (run `npm run build` first).
// Prints wall time and peak RSS per size. Each size runs in its own process so peaks don't mix.
//   node bench/iac.mjs            # 1,000 and 10,000 resources
//   node bench/iac.mjs 50000      # other sizes
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A mixed stack: buckets with and without their configuration resources, databases, volumes, groups, keys. */
export function generate(n) {
  const resource = {};
  const put = (type, name, body) => ((resource[type] ??= {})[name] = body);
  put('aws_cloudtrail', 'account', {
    name: 'account',
    s3_bucket_name: 'trail',
    is_multi_region_trail: true,
    enable_log_file_validation: true,
  });
  put('aws_guardduty_detector', 'main', { enable: true });
  let made = 2;
  for (let i = 0; made < n; i++) {
    switch (i % 6) {
      case 0:
        put('aws_s3_bucket', `b${i}`, {
          '//': { metadata: { path: `bench/b${i}`, uniqueId: `b${i}` } },
          bucket: `bench-${i}`,
        });
        put('aws_s3_bucket_server_side_encryption_configuration', `b${i}`, {
          bucket: `\${aws_s3_bucket.b${i}.id}`,
          rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' } }],
        });
        put('aws_s3_bucket_public_access_block', `b${i}`, {
          bucket: `\${aws_s3_bucket.b${i}.id}`,
          block_public_acls: true,
          block_public_policy: true,
          ignore_public_acls: true,
          restrict_public_buckets: i % 12 !== 0,
        });
        made += 3;
        break;
      case 1:
        put('aws_db_instance', `db${i}`, {
          engine: 'postgres',
          storage_encrypted: i % 5 !== 0,
          backup_retention_period: 14,
          deletion_protection: true,
        });
        made++;
        break;
      case 2:
        put('aws_ebs_volume', `v${i}`, {
          availability_zone: 'ap-southeast-1-han-1a',
          size: 100,
          encrypted: i % 4 !== 0,
        });
        made++;
        break;
      case 3:
        put('aws_security_group', `sg${i}`, {
          ingress: [
            {
              from_port: i % 7 === 0 ? 22 : 443,
              to_port: i % 7 === 0 ? 22 : 443,
              protocol: 'tcp',
              cidr_blocks: ['0.0.0.0/0'],
            },
          ],
        });
        made++;
        break;
      case 4:
        put('aws_kms_key', `k${i}`, { enable_key_rotation: i % 3 !== 0 });
        made++;
        break;
      default:
        put('aws_subnet', `s${i}`, {
          vpc_id: 'vpc-1',
          cidr_block: '10.0.0.0/24',
          availability_zone: 'ap-southeast-1-han-1a',
        });
        made++;
    }
  }
  return { '//': { metadata: { stackName: 'bench' } }, provider: { aws: [{ region: 'ap-southeast-1' }] }, resource };
}

async function child(n) {
  const { lintFiles: lint } = await import('../dist/index.js');
  const dir = mkdtempSync(join(tmpdir(), 'tuanthu-bench-'));
  const file = join(dir, 'cdk.tf.json');
  writeFileSync(file, JSON.stringify(generate(n), null, 2));
  const t0 = performance.now();
  const report = await lint([file], { asOf: '2026-11-23', failOn: 'high', lang: 'en', cwd: dir });
  const ms = performance.now() - t0;
  rmSync(dir, { recursive: true, force: true });
  const findings = report.systems.reduce((a, s) => a + s.findings.length, 0);
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${String(n).padStart(6)} resources: ${ms.toFixed(0).padStart(6)} ms, peak RSS ${peak.toFixed(0)} MiB, ${findings} findings, ${report.errors.length} errors`,
  );
}

const direct = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
if (direct && process.argv[2] === '--child') await child(Number(process.argv[3]));
else if (direct) {
  const sizes = process.argv.slice(2).map(Number);
  console.log(`node ${process.version}, tuanthu dist/ (policy Wasm memory capped by the engine)`);
  for (const n of sizes.length ? sizes : [1000, 10000])
    execFileSync(process.execPath, [new URL(import.meta.url).pathname, '--child', String(n)], { stdio: 'inherit' });
}
