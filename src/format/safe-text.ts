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
// One test for the common case, plain text, which is returned as it is.
const SUSPECT = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\uFFFE\uFFFF]|##|::/u;

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
  if (!SUSPECT.test(s)) return s;
  return s
    .replace(UNSAFE_CHAR, (c) => (c === '\t' ? c : escapeChar(c)))
    .replace(CI_MARKER, (m) => `${m.slice(0, -1)}\\[`)
    .replace(LEADING_COMMAND, '$1\\x3a');
}

/** Untrusted text of several lines (stderr messages, HTML): newlines and tabs stay, each line made safe. */
export function safeLines(s: string): string {
  if (!SUSPECT.test(s)) return s;
  return s
    .replace(UNSAFE_CHAR, (c) => (c === '\t' || c === '\n' ? c : escapeChar(c)))
    .replace(CI_MARKER, (m) => `${m.slice(0, -1)}\\[`)
    .replace(LEADING_COMMAND_LINES, '$1\\x3a');
}

/**
 * A value (a report, a gate verdict, waiver records) with every string in it, keys included, made
 * single-line safe. Copy on write: what needs no change is returned as it is (the same objects), so
 * a report of plain text costs one scan. Only plain objects and arrays are entered.
 */
export function presentable<T>(value: T): T {
  return deep(value, new Map()) as T;
}

function deep(v: unknown, seen: Map<object, unknown>): unknown {
  if (typeof v === 'string') return safeText(v);
  if (typeof v !== 'object' || v === null) return v;
  if (seen.has(v)) return seen.get(v);
  seen.set(v, v); // a cycle comes back to the original
  let out: unknown = v;
  if (Array.isArray(v)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x = deep(v[i], seen);
      if (x !== v[i]) (copy ??= v.slice())[i] = x;
    }
    out = copy ?? v;
  } else {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return v;
    const entries = Object.entries(v);
    let changed = false;
    const shown = entries.map(([k, x]) => {
      const sk = safeText(k);
      const sx = deep(x, seen);
      if (sk !== k || sx !== x) changed = true;
      return [sk, sx] as const;
    });
    if (changed) out = Object.fromEntries(shown);
  }
  seen.set(v, out);
  return out;
}
