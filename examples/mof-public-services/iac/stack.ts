// CDK for Terraform stack of the compliant example: compute and volumes in the AWS Hanoi Local
// Zone (ap-southeast-1-han-1a), everything encrypted with a rotating customer key, account-wide
// CloudTrail and GuardDuty, VPC flow logs, no administrative port open to the Internet.
// Submodule imports (not the package root, which loads every AWS resource: ~4 s, ~575 MB).
import { App, LocalBackend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import { Cloudtrail } from '@cdktf/provider-aws/lib/cloudtrail/index.js';
import { EbsEncryptionByDefault } from '@cdktf/provider-aws/lib/ebs-encryption-by-default/index.js';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume/index.js';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log/index.js';
import { GuarddutyDetector } from '@cdktf/provider-aws/lib/guardduty-detector/index.js';
import { Instance } from '@cdktf/provider-aws/lib/instance/index.js';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key/index.js';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block/index.js';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration/index.js';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning/index.js';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group/index.js';
import { Subnet } from '@cdktf/provider-aws/lib/subnet/index.js';
import { Vpc } from '@cdktf/provider-aws/lib/vpc/index.js';

const HANOI = 'ap-southeast-1-han-1a';

export class MofPublicServices extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // A relative state path keeps the synthesised JSON identical on every machine.
    new LocalBackend(this, { path: 'terraform.portal.tfstate' });
    new AwsProvider(this, 'aws', { region: 'ap-southeast-1' });

    const key = new KmsKey(this, 'data_key', { description: 'mof-public-services data', enableKeyRotation: true });
    new EbsEncryptionByDefault(this, 'ebs_default', { enabled: true });

    const vpc = new Vpc(this, 'vpc', { cidrBlock: '10.20.0.0/16' });
    const subnet = new Subnet(this, 'hanoi', { vpcId: vpc.id, cidrBlock: '10.20.1.0/24', availabilityZone: HANOI });
    const web = new SecurityGroup(this, 'web', {
      vpcId: vpc.id,
      ingress: [
        { fromPort: 443, toPort: 443, protocol: 'tcp', cidrBlocks: ['0.0.0.0/0'] },
        { fromPort: 22, toPort: 22, protocol: 'tcp', cidrBlocks: ['10.20.250.0/24'] },
      ],
    });
    new Instance(this, 'app', {
      ami: 'ami-0abcdef1234567890',
      instanceType: 't3.large',
      subnetId: subnet.id,
      vpcSecurityGroupIds: [web.id],
      rootBlockDevice: { encrypted: true, kmsKeyId: key.arn },
    });
    new EbsVolume(this, 'records', { availabilityZone: HANOI, size: 500, encrypted: true, kmsKeyId: key.arn });

    // Account audit logs: AWS offers no S3 in the Hanoi Local Zone; the bucket holds no system
    // data and says so (tuanthu:data = none), and is still encrypted, private and versioned.
    const trailLogs = new S3Bucket(this, 'trail_logs', {
      bucket: 'mof-public-services-trail',
      tags: { 'tuanthu:data': 'none' },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, 'trail_logs_sse', {
      bucket: trailLogs.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: key.arn } }],
    });
    new S3BucketPublicAccessBlock(this, 'trail_logs_pab', {
      bucket: trailLogs.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketVersioningA(this, 'trail_logs_versioning', {
      bucket: trailLogs.id,
      versioningConfiguration: { status: 'Enabled' },
    });
    new Cloudtrail(this, 'account_trail', {
      name: 'mof-account',
      s3BucketName: trailLogs.bucket,
      isMultiRegionTrail: true,
      enableLogFileValidation: true,
      kmsKeyId: key.arn,
    });
    new GuarddutyDetector(this, 'guardduty', { enable: true });
    new FlowLog(this, 'vpc_flow', {
      vpcId: vpc.id,
      trafficType: 'ALL',
      logDestinationType: 's3',
      logDestination: trailLogs.arn,
    });
  }
}

/** Builds the app; `outdir` defaults to cdktf.out beside this file. */
export function synth(outdir: string): App {
  const app = new App({ outdir });
  new MofPublicServices(app, 'portal');
  app.synth();
  return app;
}
