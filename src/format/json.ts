import type { Report, RuleReason, RuleResult, SystemReport } from '../model/types.js';
import { ciInertJson } from './safe-text.js';
import type { FormatContext, Formatter } from './types.js';

const SCHEMA = 'https://tuanthu.dev/schemas/report.schema.json';
// Stands in for the systems array while the rest of the report is serialised; JSON escapes the
// NUL characters, so no value of a report can produce the escaped form by accident.
const MARK = '\u0000tuanthu:systems\u0000';
const MARK_JSON = JSON.stringify(MARK);
/** Systems per JSON.stringify call: pieces of about 0.5 MB (64 gave a higher peak RSS, no faster). */
const BATCH = 16;
const WRAP_HEAD = '{\n  "systems": [\n';
const WRAP_TAIL = '\n  ]\n}';

const utf8 = new TextEncoder();

/**
 * What serialising many systems shares: each distinct rule entry's text (systems share their reason
 * objects, src/engine/system-report.ts) and a buffer to encode into. One per report or per worker
 * thread, never module-level, so nothing outlives the run that made it.
 */
interface JsonMemo {
  plainEntries: Map<string, string>;
  reasonEntries: WeakMap<RuleReason, Map<string, string>>;
  scratch: Uint8Array;
}

function jsonMemo(): JsonMemo {
  return { plainEntries: new Map(), reasonEntries: new WeakMap(), scratch: new Uint8Array(1 << 16) };
}

/**
 * Systems (in a stand-in report, for the indentation of their real place) as JSON text. Each
 * system's per-rule outcomes, half of its text and the same few dozen entries in every system of
 * a portfolio, are spliced in from fragments serialised once (rulesText), not stringified again.
 */
function systemsText(systems: SystemReport[], memo: JsonMemo): string {
  // A system without a rules list (a report not made by lint()) is serialised as it is.
  const spliced = systems.filter((s) => Array.isArray(s.rules));
  const wrapped = JSON.stringify(
    { systems: systems.map((s) => (Array.isArray(s.rules) ? { ...s, rules: RULES_MARK } : s)) },
    null,
    2,
  );
  const parts = unwrapSystems(wrapped).split(RULES_MARK_JSON);
  // A value that spells the marker (it takes NUL characters, on purpose) gets plain serialisation.
  if (parts.length !== spliced.length + 1) return ciInertJson(unwrapSystems(JSON.stringify({ systems }, null, 2)));
  let out = parts[0]!;
  for (let i = 0; i < spliced.length; i++) out += rulesText(spliced[i]!.rules, memo) + parts[i + 1]!;
  return ciInertJson(out);
}

const RULES_MARK = '\u0000tuanthu:rules\u0000';
const RULES_MARK_JSON = JSON.stringify(RULES_MARK);
// A system's rules array is four levels deep in the report: {systems: [{rules: [entry]}]}.
const ENTRY_BREAK = '\n' + ' '.repeat(8);
const RULES_CLOSE = '\n' + ' '.repeat(6) + ']';

function unwrapSystems(wrapped: string): string {
  return wrapped.slice(WRAP_HEAD.length, wrapped.length - WRAP_TAIL.length);
}

function rulesText(rules: RuleResult[], memo: JsonMemo): string {
  if (rules.length === 0) return '[]';
  let out = '[';
  for (let i = 0; i < rules.length; i++) out += (i === 0 ? '' : ',') + ENTRY_BREAK + entryText(rules[i]!, memo);
  return out + RULES_CLOSE;
}

// Entries by rule and outcome; entries with a reason by the reason object, which systems share.
function entryText(r: RuleResult, { plainEntries, reasonEntries }: JsonMemo): string {
  // Only the shapes lint() builds are cached; anything else is serialised as it is.
  const keys = Object.keys(r);
  if (keys.length !== (r.reason ? 3 : 2) || keys[0] !== 'rule' || keys[1] !== 'outcome') return indented(r);
  let cache = plainEntries;
  if (r.reason) {
    cache = reasonEntries.get(r.reason)!;
    if (cache === undefined) reasonEntries.set(r.reason, (cache = new Map<string, string>()));
  }
  const key = `${r.rule}\u0000${r.outcome}`;
  let text = cache.get(key);
  if (text === undefined) {
    if (cache === plainEntries && plainEntries.size > 10_000) plainEntries.clear();
    cache.set(key, (text = indented(r)));
  }
  return text;
}

function indented(r: RuleResult): string {
  return JSON.stringify(r, null, 2).replace(/\n/g, ENTRY_BREAK);
}

/**
 * A writer of systems as the JSON report will show them, in UTF-8. Worker threads use one for the
 * systems they check, so that a large portfolio's report is serialised by every thread, not by the
 * main thread alone after checking (docs/benchmarks.md); jsonChunks writes those bytes as they are
 * (FormatContext.prerendered). The bytes own their buffer: transferable.
 */
export function createSystemJsonWriter(): (system: SystemReport) => Uint8Array {
  const memo = jsonMemo();
  return (system) => encodeSystem(systemsText([system], memo), memo);
}

/** Whether a system is written in pieces (its findings a thousand at a time) rather than as one text. */
export function isLargeSystem(system: SystemReport): boolean {
  return Array.isArray(system.findings) && system.findings.length > FINDINGS_PIECE;
}

/** A writer of systems as the JSON report shows them, in pieces for a large system (see largeSystemChunks). */
export function createSystemJsonPieces(): (system: SystemReport) => Iterable<string> {
  const memo = jsonMemo();
  return (system) => (isLargeSystem(system) ? largeSystemChunks(system, memo) : [systemsText([system], memo)]);
}

function encodeSystem(text: string, memo: JsonMemo): Uint8Array {
  // encodeInto a reused buffer, then one exact-size copy: half the time of encode() here. The buffer
  // grows to fit ordinary systems only; a huge one (IaC with thousands of findings) gets its own.
  const need = text.length * 3;
  if (need > memo.scratch.length && need <= SCRATCH_MAX) memo.scratch = new Uint8Array(need);
  const into = need <= memo.scratch.length ? memo.scratch : new Uint8Array(need);
  const { written } = utf8.encodeInto(text, into);
  return into.slice(0, written);
}

const SCRATCH_MAX = 4 << 20;

/**
 * The JSON report in pieces, one system at a time, byte for byte what
 * `JSON.stringify({$schema, ...report}, null, 2)` gives. A 10,000-system portfolio makes a report
 * of several hundred MB: built as one string it (and its UTF-8 copy) dominated peak memory.
 */
export function* jsonChunks(
  report: Report,
  prerendered?: ReadonlyMap<SystemReport, Uint8Array>,
): Generator<string | Uint8Array> {
  const memo = jsonMemo();
  const whole = ciInertJson(JSON.stringify({ $schema: SCHEMA, ...report, systems: MARK }, null, 2));
  const at = whole.indexOf(MARK_JSON);
  yield whole.slice(0, at);
  const { systems } = report;
  if (systems.length === 0) yield '[]';
  let pending: SystemReport[] = [];
  let first = true;
  const separator = () => (first ? ((first = false), '[\n') : ',\n');
  function* flush(): Generator<string> {
    if (pending.length > 0) yield separator() + systemsText(pending, memo);
    pending = [];
  }
  for (const s of systems) {
    // A system changed after it was serialised (a waiver, a baseline) is a new object: written again here.
    const json = prerendered?.get(s);
    if (json) {
      yield* flush();
      yield separator();
      yield json;
    } else if (isLargeSystem(s)) {
      yield* flush();
      yield separator();
      yield* largeSystemChunks(s, memo);
    } else {
      pending.push(s);
      if (pending.length >= BATCH) yield* flush();
    }
  }
  yield* flush();
  if (systems.length > 0) yield '\n  ]';
  yield whole.slice(at + MARK_JSON.length) + '\n';
}

/**
 * Findings per piece of a system that has more (IaC with tens of thousands of resources): its
 * text as one string was most of the run's peak memory (a 50,000-resource stack: +360 MiB).
 */
const FINDINGS_PIECE = 1000;
const FINDINGS_MARK = '\u0000tuanthu:findings\u0000';
const FINDINGS_MARK_JSON = JSON.stringify(FINDINGS_MARK);
// Findings are the items of an array five levels deep: {systems: [{findings: [finding]}]}.
const FINDING_INDENT = ' '.repeat(8);

/** One system with many findings, in pieces: its text around the findings, then them, a thousand at a time. */
function* largeSystemChunks(s: SystemReport, memo: JsonMemo): Generator<string> {
  const text = systemsText([{ ...s, findings: FINDINGS_MARK as unknown as SystemReport['findings'] }], memo);
  const at = text.indexOf(FINDINGS_MARK_JSON);
  if (at !== text.lastIndexOf(FINDINGS_MARK_JSON)) {
    yield systemsText([s], memo);
    return;
  }
  yield text.slice(0, at) + '[';
  for (let i = 0; i < s.findings.length; i += FINDINGS_PIECE) {
    const piece = JSON.stringify(s.findings.slice(i, i + FINDINGS_PIECE), null, 2);
    // The array's items, from two spaces of indentation to their place in the report.
    yield ciInertJson((i === 0 ? '\n' : ',\n') + FINDING_INDENT + piece.slice(4, -2).replace(/\n/g, '\n      '));
  }
  yield '\n' + ' '.repeat(6) + ']' + text.slice(at + FINDINGS_MARK_JSON.length);
}

/**
 * jsonChunks for a streamed run: the report (whose systems array is empty; its summary counts them)
 * around systems already serialised, in order. Byte for byte what jsonChunks gives for the same
 * report with its systems in it.
 */
export function* streamedJsonChunks(report: Report, systems: Iterable<Uint8Array>): Generator<string | Uint8Array> {
  const whole = ciInertJson(JSON.stringify({ $schema: SCHEMA, ...report, systems: MARK }, null, 2));
  const at = whole.indexOf(MARK_JSON);
  yield whole.slice(0, at);
  let first = true;
  for (const s of systems) {
    yield first ? '[\n' : ',\n';
    first = false;
    yield s;
  }
  yield first ? '[]' : '\n  ]';
  yield whole.slice(at + MARK_JSON.length) + '\n';
}

const utf8Text = new TextDecoder();
const chunksOf = (report: Report, ctx: FormatContext) =>
  ctx.streamed ? streamedJsonChunks(report, ctx.streamed.systems()) : jsonChunks(report, ctx.prerendered);

/**
 * The documented contract for other tools: schemas/report.schema.json. Values are exact; no CI log
 * command can form in it (ciInertJson, safe-text.ts).
 */
export const json: Formatter = {
  description: 'machine-readable report (schemas/report.schema.json)',
  extension: 'json',
  render: (report, ctx) =>
    [...chunksOf(report, ctx)].map((p) => (typeof p === 'string' ? p : utf8Text.decode(p))).join(''),
  chunks: chunksOf,
};
