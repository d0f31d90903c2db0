// CDK for Terraform stack of the non-compliant example. The descriptor says the land records are
// hosted in the provincial data centre in Vietnam, encrypted at rest and watched by a 24/7 SOC;
// this code puts the database and the uploads bucket in Singapore, leaves them unencrypted,
// opens SSH and PostgreSQL to the Internet, serves plain HTTP and records no audit trail.
import { App, LocalBackend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance/index.js';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key/index.js';
import { Lb } from '@cdktf/provider-aws/lib/lb/index.js';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener/index.js';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group/index.js';

export class ProvinceLandPortal extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // A relative state path keeps the synthesised JSON identical on every machine.
    new LocalBackend(this, { path: 'terraform.portal.tfstate' });
    new AwsProvider(this, 'aws', { region: 'ap-southeast-1' });

    new KmsKey(this, 'records_key', { description: 'land records' });
    const db = new SecurityGroup(this, 'db', {
      ingress: [
        { fromPort: 5432, toPort: 5432, protocol: 'tcp', cidrBlocks: ['0.0.0.0/0'] },
        { fromPort: 22, toPort: 22, protocol: 'tcp', cidrBlocks: ['0.0.0.0/0'] },
      ],
    });
    new DbInstance(this, 'main', {
      engine: 'postgres',
      instanceClass: 'db.t3.medium',
      allocatedStorage: 200,
      vpcSecurityGroupIds: [db.id],
      publiclyAccessible: true,
      backupRetentionPeriod: 1,
    });
    new S3Bucket(this, 'uploads', { bucket: 'ha-nam-land-uploads' });
    const lb = new Lb(this, 'portal', { loadBalancerType: 'application', subnets: ['subnet-aaa', 'subnet-bbb'] });
    new LbListener(this, 'http', {
      loadBalancerArn: lb.arn,
      port: 80,
      protocol: 'HTTP',
      defaultAction: [
        {
          type: 'forward',
          targetGroupArn: 'arn:aws:elasticloadbalancing:ap-southeast-1:111111111111:targetgroup/portal/1',
        },
      ],
    });
  }
}

export function synth(outdir: string): App {
  const app = new App({ outdir });
  new ProvinceLandPortal(app, 'portal');
  app.synth();
  return app;
}
