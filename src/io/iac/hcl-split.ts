/**
 * Splitting a .tf file at top-level block boundaries, and joining hcl2json's outputs for the
 * pieces back into the value it gives for the whole file.
 *
 * Why: hcl2json (Go compiled to Wasm) grows its heap with the size of what it parses and never
 * gives memory back: a 9.5 MB main.tf took 1.1 GiB in one call. Pieces of a few kilobytes keep
 * that heap small, and can be parsed by more than one thread.
 */

const LF = 0x0a;
const HEREDOC = /<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/y;

/**
 * The file cut into pieces of at least `target` characters, each ending at a newline outside any
 * block, bracket, string, comment or heredoc, so that each piece is itself a sequence of whole
 * top-level blocks. Undefined when the text does not lex cleanly (an unclosed string or bracket):
 * the caller then parses the whole file, so that hcl2json reports the error as it always has.
 */
export function splitTopLevel(text: string, target: number): string[] | undefined {
  try {
    return split(text, target);
  } catch (e) {
    // Interpolations nested past the stack (only reachable with a raised --max-depth).
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

function split(text: string, target: number): string[] | undefined {
  const pieces: string[] = [];
  const n = text.length;
  let start = 0;
  let depth = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === LF) {
      i++;
      if (depth === 0 && i - start >= target) {
        pieces.push(text.slice(start, i));
        start = i;
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */ || c === 0x28 /* ( */) {
      depth++;
      i++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */ || c === 0x29 /* ) */) {
      if (--depth < 0) return undefined;
      i++;
    } else if (c === 0x22 /* " */) {
      i = skipQuoted(text, i + 1);
      if (i < 0) return undefined;
    } else if (c === 0x23 /* # */ || (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f)) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return undefined;
      i = end + 2;
    } else if (c === 0x3c /* < */ && text.charCodeAt(i + 1) === 0x3c) {
      i = skipHeredoc(text, i);
      if (i < 0) return undefined;
    } else i++;
  }
  if (depth !== 0) return undefined;
  if (start < n) pieces.push(text.slice(start));
  return pieces;
}

/** Index after the closing quote of a quoted template whose body starts at i; -1 if it does not close on its line. */
function skipQuoted(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i += 2;
    else if (c === 0x22) return i + 1;
    else if (c === LF) return -1;
    else if (c === 0x24 /* $ */ || c === 0x25 /* % */) {
      const d = text.charCodeAt(i + 1);
      if (d === c && text.charCodeAt(i + 2) === 0x7b)
        i += 3; // $${ and %%{ are literal
      else if (d === 0x7b) {
        i = skipInterpolation(text, i + 2);
        if (i < 0) return -1;
      } else i++;
    } else i++;
  }
  return -1;
}

/** Index after the `}` closing an interpolation or directive whose expression starts at i. */
function skipInterpolation(text: string, i: number): number {
  const n = text.length;
  let depth = 1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x7b) depth++;
    else if (c === 0x7d) {
      if (--depth === 0) return i + 1;
    } else if (c === 0x22) {
      i = skipQuoted(text, i + 1);
      if (i < 0) return -1;
      continue;
    }
    i++;
  }
  return -1;
}

/** Index after the closing marker line of a heredoc starting at i (`<<EOF` or `<<-EOF`); -1 if there is none. */
function skipHeredoc(text: string, i: number): number {
  HEREDOC.lastIndex = i;
  const m = HEREDOC.exec(text);
  if (!m) return i + 2;
  const marker = new RegExp(`^[ \\t]*${m[1]}[ \\t]*\\r?$`, 'gm');
  marker.lastIndex = HEREDOC.lastIndex;
  const end = marker.exec(text);
  return end ? end.index + end[0].length : -1;
}

/**
 * hcl2json's value for a whole file, from its values for the file's pieces in order: objects
 * (block types and labels) merge, arrays (the bodies of blocks with the same labels) join, and
 * keys are in Go's order (bytewise, as encoding/json writes a map). Undefined if the pieces
 * disagree about what a key holds, which whole-file parsing would not produce.
 */
export function mergePieces(parts: Array<Record<string, unknown>>): Record<string, unknown> | undefined {
  if (parts.length === 1) return parts[0];
  try {
    return merge(parts) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function merge(values: unknown[]): unknown {
  if (values.length === 1) return values[0];
  if (values.every(Array.isArray)) return ([] as unknown[]).concat(...values);
  if (!values.every(isPlainObject)) throw new Error('pieces disagree');
  const byKey = new Map<string, unknown[]>();
  for (const v of values as Array<Record<string, unknown>>)
    for (const [k, x] of Object.entries(v)) {
      const list = byKey.get(k);
      if (list) list.push(x);
      else byKey.set(k, [x]);
    }
  const out: Record<string, unknown> = {};
  // Defined, not assigned: a label may be "__proto__", which JSON.parse makes an own property too.
  for (const k of [...byKey.keys()].sort(goOrder))
    Object.defineProperty(out, k, {
      value: merge(byKey.get(k)!),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Go sorts strings by their UTF-8 bytes; UTF-16 code units order the same except around surrogates. */
function goOrder(a: string, b: string): number {
  if (/[\ud800-\uffff]/.test(a) || /[\ud800-\uffff]/.test(b)) return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : a > b ? 1 : 0;
}
