import type { Report } from '../types.js';
import type { Formatter } from './types.js';

const SCHEMA = 'https://tuanthu.dev/schemas/report.schema.json';
// Stands in for the systems array while the rest of the report is serialised; JSON escapes the
// NUL characters, so no value of a report can produce the escaped form by accident.
const MARK = '\u0000tuanthu:systems\u0000';
const MARK_JSON = JSON.stringify(MARK);

/**
 * The JSON report in pieces, one system at a time, byte for byte what
 * `JSON.stringify({$schema, ...report}, null, 2)` gives. A 10,000-system portfolio makes a report
 * of several hundred MB: built as one string it (and its UTF-8 copy) dominated peak memory.
 */
export function* jsonChunks(report: Report): Generator<string> {
  const whole = JSON.stringify({ $schema: SCHEMA, ...report, systems: MARK }, null, 2);
  const at = whole.indexOf(MARK_JSON);
  yield whole.slice(0, at);
  if (report.systems.length === 0) yield '[]';
  else
    for (let i = 0; i < report.systems.length; i++) {
      // Nested two levels deep (report → systems → item): every line of an item gains 4 spaces.
      // JSON strings hold no raw newline, so every "\n" is a line break of the layout.
      yield (i === 0 ? '[\n    ' : ',\n    ') + JSON.stringify(report.systems[i], null, 2).replaceAll('\n', '\n    ');
    }
  if (report.systems.length > 0) yield '\n  ]';
  yield whole.slice(at + MARK_JSON.length) + '\n';
}

/** The documented contract for other tools: schemas/report.schema.json. */
export const json: Formatter = {
  description: 'machine-readable report (schemas/report.schema.json)',
  extension: 'json',
  render: (report) => [...jsonChunks(report)].join(''),
  chunks: jsonChunks,
};
