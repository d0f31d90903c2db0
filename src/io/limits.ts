import { localized } from '../i18n/index.js';
import type { Limits, Localized } from '../model/types.js';

/**
 * Defaults sized for real descriptors (a few KiB, nesting depth under 10, anchors rare) with a wide
 * margin, yet small enough that a hostile file is refused before it can exhaust memory or the stack.
 */
export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 20 * 1024 * 1024,
  // Infrastructure code is much larger than descriptors: a 50,000-resource plan JSON is ~38 MB.
  maxIacFileBytes: 256 * 1024 * 1024,
  maxDepth: 64,
  maxAliasCount: 100,
  // Twice the largest stack benchmarked (50,000 resources, docs/benchmarks.md); far below the
  // ~140,000 at which the policy's Wasm memory ran out (opa_malloc) and the run lost the system.
  maxIacResources: 100_000,
  terraformTimeoutMs: 120_000,
};

export const tooDeepMessage = (maxDepth: number): Localized => localized('input.too-deep', { max: maxDepth });

/** Whether a parsed value nests collections deeper than maxDepth (the root is level 1), walked without recursion. */
export function valueDepthExceeded(root: unknown, maxDepth: number): boolean {
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > maxDepth) return true;
    for (const x of Array.isArray(v) ? v : Object.values(v))
      if (x !== null && typeof x === 'object') stack.push([x, depth + 1]);
  }
  return false;
}

export function resolveLimits(...overrides: Array<Partial<Limits> | undefined>): Limits {
  const out = { ...DEFAULT_LIMITS };
  for (const o of overrides) {
    if (!o) continue;
    if (o.maxFileBytes !== undefined) out.maxFileBytes = o.maxFileBytes;
    if (o.maxIacFileBytes !== undefined) out.maxIacFileBytes = o.maxIacFileBytes;
    if (o.maxDepth !== undefined) out.maxDepth = o.maxDepth;
    if (o.maxAliasCount !== undefined) out.maxAliasCount = o.maxAliasCount;
    if (o.maxIacResources !== undefined) out.maxIacResources = o.maxIacResources;
    if (o.terraformTimeoutMs !== undefined) out.terraformTimeoutMs = o.terraformTimeoutMs;
  }
  return out;
}

const SIZE = /^(\d+)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$/i;
const UNIT: Record<string, number> = {
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

/** "20MB", "512k", "1048576" → bytes (binary units: 1 MB = 1 MiB); undefined when not a size. */
export function parseSize(s: string): number | undefined {
  const m = SIZE.exec(s.trim());
  if (!m) return undefined;
  const n = Number(m[1]) * UNIT[(m[2] ?? 'b').toLowerCase()]!;
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/**
 * Deepest nesting of flow collections ([ ] and { }) in YAML/JSON text, found without parsing, so
 * that `[[[[…` a hundred thousand deep is refused before the parser recurses into it (the yaml
 * library runs out of memory on such input rather than failing cleanly). Quoted strings and
 * comments are skipped. Returns the offset of the first bracket beyond the limit, if any.
 */
export function flowDepthExceeded(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      if (depth > 0) depth--;
    } else if (c === 0x22 /* " */) {
      // Double-quoted: backslash escapes.
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x27 /* ' */ && startsScalar(text, i)) {
      // Single-quoted ('' is an escaped quote); an apostrophe inside a plain word is not a quote.
      for (i++; i < n; i++) {
        if (text.charCodeAt(i) === 0x27) {
          if (text.charCodeAt(i + 1) === 0x27) i++;
          else break;
        }
      }
    } else if (c === 0x23 /* # */ && (i === 0 || isSpace(text.charCodeAt(i - 1)))) {
      while (i < n && text.charCodeAt(i) !== 0x0a) i++;
    }
  }
  return undefined;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function startsScalar(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const c = text.charCodeAt(j);
    if (c === 0x20 || c === 0x09) continue;
    return (
      c === 0x0a ||
      c === 0x3a /* : */ ||
      c === 0x2c /* , */ ||
      c === 0x5b ||
      c === 0x7b ||
      c === 0x2d /* - */ ||
      c === 0x3f /* ? */
    );
  }
  return true;
}

const BLOCK_SCALAR = /[|>][0-9+-]*\s*(#.*)?$/;

/**
 * Deepest nesting of block collections, estimated from indentation (each deeper indent opens a
 * level; each compact "- " opens one more), again without parsing: the yaml library recurses per
 * level and takes seconds to overflow its stack on a 1,000-level file. Block scalar bodies (| and >)
 * are skipped. Returns the offset of the first line beyond the limit, if any.
 */
export function blockDepthExceeded(text: string, maxDepth: number): number | undefined {
  const indents: number[] = [];
  let scalarIndent = -1;
  // Line by line without splitting the text, and the block-scalar pattern tried only on lines
  // that hold a | or > (it ran on every line: most of this scan's time on descriptors).
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const lineStart = start;
    start = end + 1;
    let i = lineStart;
    while (i < end && text.charCodeAt(i) === 0x20) i++;
    const c = text.charCodeAt(i);
    if (i === end || c === 0x23 /* # */ || c === 0x0d) continue;
    const indent = i - lineStart;
    if (scalarIndent >= 0) {
      if (indent > scalarIndent) continue;
      scalarIndent = -1;
    }
    while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
    indents.push(indent);
    let depth = indents.length;
    for (let j = i; (text[j] === '-' || text[j] === '?') && text[j + 1] === ' ' && j + 1 < end; ) {
      depth++;
      j += 2;
      while (j < end && text[j] === ' ') j++;
    }
    if (depth > maxDepth) return i;
    if (hasBlockIndicator(text, i, end) && BLOCK_SCALAR.test(text.slice(lineStart, end))) scalarIndent = indent;
  }
  return undefined;
}

function hasBlockIndicator(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x7c /* | */ || c === 0x3e /* > */) return true;
  }
  return false;
}
