// What each IaC input gave as evidence (src/engine/iac-evidence.ts) and how every format words it
// (src/format/shared.ts#evidenceLines), with the module calls the evaluator could not read.
import { describe, expect, it } from 'vitest';
import { iacEvidence, systemResult } from '../../src/engine/iac-evidence.js';
import { exitCode } from '../../src/engine/exit-code.js';
import { evidenceLines } from '../../src/format/shared.js';
import type { IacStack, PolicyResource } from '../../src/model/iac.js';
import type { Report } from '../../src/model/types.js';

const resource = (values: Record<string, unknown>, unknown: string[] = []): PolicyResource => ({
  address: 'aws_s3_bucket.b',
  type: 'aws_s3_bucket',
  name: 'b',
  provider: 'aws',
  provider_config: 'aws',
  region: null,
  zone: null,
  values,
  unknown,
  refs: [],
  tags: {},
});

const stack = (over: Partial<IacStack>): IacStack => ({
  file: 'infra',
  shape: 'hcl',
  resources: [],
  locate: () => new Map(),
  inputs: [],
  ...over,
});

const notInstalled = {
  address: 'module.vpc',
  reason: 'module-not-installed' as const,
  detail: 'terraform-aws-modules/vpc/aws',
  location: { file: 'infra/main.tf', line: 7, column: 1 },
};

describe('IaC evidence', () => {
  it('is incomplete when nothing could be judged: empty, or every value unknown until apply', () => {
    expect(iacEvidence([stack({})])[0]).toMatchObject({ judged: 0, incomplete: 'nothing-judged', trust: 'raw' });
    const unknownOnly = stack({ resources: [resource({ bucket: '${var.name}' }, ['bucket'])] });
    expect(iacEvidence([unknownOnly])[0]).toMatchObject({ resources: 1, judged: 0, incomplete: 'nothing-judged' });
    const known = stack({ resources: [resource({ bucket: 'b', acl: '${var.acl}' }, ['acl'])] });
    expect(iacEvidence([known])[0]).toEqual({ file: 'infra', trust: 'raw', resources: 1, judged: 1, unevaluated: [] });
  });

  it('is incomplete when a module call was not read, even beside judged resources', () => {
    const e = iacEvidence([stack({ resources: [resource({ bucket: 'b' })], unevaluated: [notInstalled] })]);
    expect(e[0]!.incomplete).toBe('module-not-evaluated');
    expect(systemResult(false, e)).toBe('incomplete');
    expect(systemResult(true, e)).toBe('fail');
    // A count over a collection only apply knows was evaluated (once, values unknown): not incomplete.
    const once = iacEvidence([
      stack({
        resources: [resource({ bucket: 'b' })],
        unevaluated: [{ address: 'aws_s3_bucket.logs', reason: 'collection-unknown' }],
      }),
    ]);
    expect(once[0]!.incomplete).toBeUndefined();
    expect(systemResult(false, once)).toBe('pass');
  });

  it('names its place in the order of trust', () => {
    expect(iacEvidence([stack({ shape: 'plan', resources: [resource({})] })])[0]!.trust).toBe('plan');
    expect(iacEvidence([stack({ evaluated: true, resources: [resource({})] })])[0]!.trust).toBe('evaluated');
  });

  it('shows each module not read with its reason, the module call, the hint and where it is', () => {
    const iac = iacEvidence([stack({ unevaluated: [notInstalled] })]);
    expect(evidenceLines({ iac }, 'en')).toEqual([
      'Evidence: infra — configuration as written (expressions not evaluated); 0 of 0 resource(s) judged (order of trust: plan > evaluated configuration > configuration as written)',
      'INCOMPLETE: nothing evaluated: no resource the rules could judge, so this is not a pass',
      'not evaluated: module.vpc — module not available: run terraform init (terraform-aws-modules/vpc/aws) — infra/main.tf:7:1',
    ]);
    expect(evidenceLines({ iac }, 'vi')[2]).toBe(
      'chưa đánh giá: module.vpc — chưa có module: chạy terraform init (terraform-aws-modules/vpc/aws) — infra/main.tf:7:1',
    );
    // A module source from the user's code cannot reach a terminal as a control sequence.
    const hostile = iacEvidence([stack({ unevaluated: [{ ...notInstalled, detail: 'x\u001b[2J' }] })]);
    expect(evidenceLines({ iac: hostile }, 'en')[2]).not.toContain('\u001b');
  });

  it('fails the run (exit 1) when a system is incomplete, with no finding at all', () => {
    const report = {
      errors: [],
      failOn: 'high',
      systems: [{ result: 'incomplete', findings: [] }],
    } as unknown as Report;
    expect(exitCode(report)).toBe(1);
  });
});
