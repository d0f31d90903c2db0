import type { Formatter } from './types.js';

/** The documented contract for other tools: schemas/report.schema.json. */
export const json: Formatter = {
  description: 'machine-readable report (schemas/report.schema.json)',
  extension: 'json',
  render: (report) => JSON.stringify({ $schema: 'https://tuanthu.dev/schemas/report.schema.json', ...report }, null, 2) + '\n',
};
