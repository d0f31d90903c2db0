import type { Report } from '../../model/types.js';
import { baselineFromReport } from '../../model/baseline.js';

/** The file `tuanthu baseline create` writes (schemas/baseline.schema.json). */
export function baselineDocument(report: Report): string {
  const b = baselineFromReport(report);
  const doc = {
    $schema: 'https://tuanthu.dev/schemas/baseline.schema.json',
    baselineVersion: '1',
    created: b.created,
    tool: { name: report.tool.name, version: report.tool.version, regoDigest: report.tool.regoDigest },
    findings: b.findings,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
