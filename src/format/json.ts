import type { Report } from '../types.js';
import type { Formatter } from './types.js';

const SCHEMA = 'https://tuanthu.dev/schemas/report.schema.json';
// Stands in for the systems array while the rest of the report is serialised; JSON escapes the
// NUL characters, so no value of a report can produce the escaped form by accident.
const MARK = '\u0000tuanthu:systems\u0000';
const MARK_JSON = JSON.stringify(MARK);
/** Systems per JSON.stringify call: pieces of about 0.5 MB (64 gave a higher peak RSS, no faster). */
const BATCH = 16;
const WRAP_HEAD = '{\n  "systems": [\n';
const WRAP_TAIL = '\n  ]\n}';

/**
 * The JSON report in pieces, one system at a time, byte for byte what
 * `JSON.stringify({$schema, ...report}, null, 2)` gives. A 10,000-system portfolio makes a report
 * of several hundred MB: built as one string it (and its UTF-8 copy) dominated peak memory.
 */
export function* jsonChunks(report: Report): Generator<string> {
  const whole = JSON.stringify({ $schema: SCHEMA, ...report, systems: MARK }, null, 2);
  const at = whole.indexOf(MARK_JSON);
  yield whole.slice(0, at);
  const { systems } = report;
  if (systems.length === 0) yield '[]';
  for (let i = 0; i < systems.length; i += BATCH) {
    // A batch serialised inside a stand-in report gets the indentation of its real place.
    const wrapped = JSON.stringify({ systems: systems.slice(i, i + BATCH) }, null, 2);
    yield (i === 0 ? '[\n' : ',\n') + wrapped.slice(WRAP_HEAD.length, wrapped.length - WRAP_TAIL.length);
  }
  if (systems.length > 0) yield '\n  ]';
  yield whole.slice(at + MARK_JSON.length) + '\n';
}

/** The documented contract for other tools: schemas/report.schema.json. */
export const json: Formatter = {
  description: 'machine-readable report (schemas/report.schema.json)',
  extension: 'json',
  render: (report) => [...jsonChunks(report)].join(''),
  chunks: jsonChunks,
};
