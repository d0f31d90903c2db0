/**
 * Untrusted text (descriptor values, file names, messages built from them) made safe to show to a
 * person or a CI runner: it can neither drive a terminal nor a CI log, nor reorder the line it is on.
 *
 * - Every control (C0 but tab, DEL, C1), format character (bidi embeddings, overrides, isolates and
 *   marks; zero-width characters; tag characters), line and paragraph separator, lone surrogate and
 *   U+FFFE/U+FFFF is replaced by a visible escape (`\x1b`, `\r`, `\u202e`, `\u{e0041}`), so an
 *   inspector sees that a name was tampered with. An escape sequence (CSI, OSC 8 links, OSC 52
 *   clipboard, DCS…) loses its introducer (ESC or a C1) and is left as plain characters.
 * - A newline is escaped too (`\n`) in single-line text: nothing untrusted ever starts a line.
 * - CI log commands lose their power: a line that starts (after blanks) with `::` (GitHub Actions
 *   workflow commands) gets its first colon escaped (`\x3a:`); `##[` (GitHub's older syntax) and
 *   `##vso[` (Azure Pipelines), which runners find anywhere in a line, become `##\[` and `##vso\[`.
 *
 * The backslash itself is not escaped, so the function is idempotent and plain text stays as it is.
 * Data formats (json, oscal, the data fields of sarif) keep values exact: their encoders escape.
 */

// Cc: C0, DEL, C1. Cf: format characters, bidi controls among them. Zl, Zp: U+2028, U+2029.
// Cs: a lone surrogate (the u flag matches only unpaired ones). U+FFFE/U+FFFF: not XML characters.
const UNSAFE_CHAR = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\uFFFE\uFFFF]/gu;
const CI_MARKER = /##(vso)?\[/gi;
const LEADING_COMMAND = /^(\s*):(?=:)/;
const LEADING_COMMAND_LINES = /^([^\S\n]*):(?=:)/gm;

/**
 * For each UTF-16 code unit: 1 when it may need escaping (C0, DEL, C1, the BMP's format characters
 * and separators, surrogates: any astral character, U+FFF9 up), 2 for `#` and `:` (when doubled).
 * A table lookup per character is the fast path: most text is plain and is returned as it is; the
 * regexes decide the rest. Filled from ranges, so loading it costs nothing.
 */
const SUSPECT = new Uint8Array(0x10000);
for (const [from, to] of [
  [0x00, 0x1f],
  [0x7f, 0x9f],
  [0xad, 0xad],
  [0x600, 0x605],
  [0x61c, 0x61c],
  [0x6dd, 0x6dd],
  [0x70f, 0x70f],
  [0x890, 0x891],
  [0x8e2, 0x8e2],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x206f],
  [0xd800, 0xdfff],
  [0xfeff, 0xfeff],
  [0xfff9, 0xffff],
] as const)
  SUSPECT.fill(1, from, to + 1);
SUSPECT[0x23] = SUSPECT[0x3a] = 2;

function suspect(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = SUSPECT[c]!;
    if (k === 1 || (k === 2 && s.charCodeAt(i + 1) === c)) return true;
  }
  return false;
}

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The visible escape of one character: `\n`, `\x1b`, `\u202e`, `\u{e0041}`. */
export function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const cp = c.codePointAt(0)!;
  const hex = cp.toString(16);
  if (cp <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\u{${hex}}`;
}

/** One line of untrusted text: a newline is escaped like any other control. Tabs stay. */
export function safeText(s: string): string {
  if (!suspect(s)) return s;
  return s
    .replace(UNSAFE_CHAR, (c) => (c === '\t' ? c : escapeChar(c)))
    .replace(CI_MARKER, (m) => `${m.slice(0, -1)}\\[`)
    .replace(LEADING_COMMAND, '$1\\x3a');
}

/** Untrusted text of several lines (stderr messages, HTML): newlines and tabs stay, each line made safe. */
export function safeLines(s: string): string {
  if (!suspect(s)) return s;
  return s
    .replace(UNSAFE_CHAR, (c) => (c === '\t' || c === '\n' ? c : escapeChar(c)))
    .replace(CI_MARKER, (m) => `${m.slice(0, -1)}\\[`)
    .replace(LEADING_COMMAND_LINES, '$1\\x3a');
}

/**
 * JSON text in which no CI runner finds a command: `##[` and `##vso[`, which runners look for anywhere
 * in a line, can only be inside a JSON string there, and become `##\u005b` and `##vso\u005b`, which
 * every JSON reader decodes to the same value. The data stays exact; a report printed to a CI log
 * (`--format json` in a pipeline step, `cat report.sarif`) cannot set a variable or mask a value.
 * A search for `##` (fast, no regex) skips the common case.
 */
export function ciInertJson(text: string): string {
  return text.includes('##') ? text.replace(CI_MARKER, (m) => `${m.slice(0, -1)}\\u005b`) : text;
}

/**
 * A value (a report, a gate verdict, waiver records) with every string in it, keys included, made
 * single-line safe. Copy on write: what needs no change is returned as it is (the same objects), so
 * a report of plain text costs one scan and no allocation. Only plain objects and arrays are
 * entered, to a depth of 64 (a report is a few levels deep; a cycle then ends there). Long strings
 * found plain are remembered for the walk.
 */
export function presentable<T>(value: T): T {
  return deep(value, 0, new Set()) as T;
}

const MAX_DEPTH = 64;

function deep(v: unknown, depth: number, plain: Set<string>): unknown {
  if (typeof v === 'string') {
    // The catalogue's long texts (titles, remediation) recur in every finding as the same string:
    // V8 keeps a string's hash, so looking one up again costs nothing, unlike scanning it again.
    if (v.length < 32) return safeText(v);
    if (plain.has(v)) return v;
    const shown = safeText(v);
    if (shown === v) plain.add(v);
    return shown;
  }
  if (typeof v !== 'object' || v === null || depth > MAX_DEPTH) return v;
  if (Array.isArray(v)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x = deep(v[i], depth + 1, plain);
      if (x !== v[i]) (copy ??= v.slice())[i] = x;
    }
    return copy ?? v;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return v;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  let copy: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const x = o[k];
    const sx = deep(x, depth + 1, plain);
    const sk = safeText(k);
    if (copy === undefined && (sx !== x || sk !== k)) {
      copy = {};
      for (let j = 0; j < i; j++) define(copy, keys[j]!, o[keys[j]!]);
    }
    if (copy !== undefined) define(copy, sk, sx);
  }
  return copy ?? v;
}

/** An own property, even one named __proto__. */
function define(o: Record<string, unknown>, k: string, value: unknown): void {
  Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });
}
