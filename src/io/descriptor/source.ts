import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type { Document, LineCounter, Node, Pair } from 'yaml';
import { memoized } from '../../util/memoized.js';
import { readRegularFile } from '../read-file.js';
import { localized } from '../../i18n/index.js';
import type { LoadedSource } from '../../model/source.js';
import type { InputProblem, Limits, Localized } from '../../model/types.js';
import { fastParseJson } from './fast-json.js';
import { fastParse, type PosNode } from './fast-yaml.js';
import { lineStarts, positionAt, positionIn } from '../text-position.js';
import { blockDepthExceeded, DEFAULT_LIMITS, flowDepthExceeded, tooDeepMessage } from '../limits.js';

/** A parsed YAML or JSON file that remembers where each value came from. */
export interface SourceDoc extends LoadedSource {
  /** `yaml`'s document model; built on first access when the fast path loaded the file. */
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  value: unknown;
  /** Start offsets of values and keys, from the fast path (src/io/descriptor/fast-yaml.ts). */
  pos?: PosNode;
}

// `yaml` (the careful path) is loaded on first use: most runs never need it, and loading it is a
// sizeable part of a cold start (docs/benchmarks.md).
const require = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;
const Y = (): typeof import('yaml') => (yamlModule ??= require('yaml') as typeof import('yaml'));

const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

function makeSource(
  file: string,
  text: string,
  sha256: string,
  value: unknown,
  pos?: PosNode,
  parsed?: { doc: Document.Parsed; lines: LineCounter },
): SourceDoc {
  let full = parsed;
  const load = () => {
    if (!full) {
      const lines = new (Y().LineCounter)();
      full = { doc: Y().parseDocument(text, { ...YAML_OPTIONS, lineCounter: lines }), lines };
    }
    return full;
  };
  let starts: number[] | undefined;
  const source = {
    file,
    text,
    sha256,
    value,
    pos,
    get doc() {
      return load().doc;
    },
    get lines() {
      return load().lines;
    },
    // Used by locate() on the fast path.
    get starts() {
      return (starts ??= lineStarts(text));
    },
    locate: (pointer: string) => locate(source, pointer),
  } as SourceDoc;
  return source;
}

export { DEFAULT_LIMITS };
export type { Limits };

export type LoadResult = { ok: true; source: SourceDoc } | { ok: false; errors: InputProblem[] };

export async function loadSource(
  file: string,
  displayName: string,
  limits: Limits = DEFAULT_LIMITS,
): Promise<LoadResult> {
  return loadSourceSync(file, displayName, limits);
}

/**
 * Synchronous on purpose: files are checked one after another, and a synchronous open/fstat/read
 * costs a fraction of the thread-pool round trips of fs/promises (measured in docs/benchmarks.md).
 */
export function loadSourceSync(file: string, displayName: string, limits: Limits = DEFAULT_LIMITS): LoadResult {
  const read = readBounded(file, limits);
  if ('error' in read) return { ok: false, errors: [{ file: displayName, ...read.error }] };
  return parseSource(read.buf, displayName, limits);
}

/** A file found by walking a directory is only checked when its head says it is a descriptor. */
export type WalkedLoadResult = LoadResult | { ok: false; skipped: true; head: Buffer };

/**
 * Loads a file found by walking a directory: other YAML and JSON in a tree (CI files,
 * package.json, IaC) is skipped without a complaint, judged by its first bytes, before its
 * size, encoding or syntax are held against it. Done while checking (on every thread), so a large
 * portfolio is not read twice, once to find the descriptors and once to check them.
 */
export function loadWalkedSourceSync(
  file: string,
  displayName: string,
  limits: Limits,
  isDescriptor: (head: Buffer) => boolean,
): WalkedLoadResult {
  const read = readBounded(file, limits, HEAD_BYTES, true);
  if ('error' in read) return { ok: false, errors: [{ file: displayName, ...read.error }] };
  const head = read.buf.subarray(0, HEAD_BYTES);
  if (!isDescriptor(head)) return { ok: false, skipped: true, head };
  if (read.tooLarge !== undefined)
    return { ok: false, errors: [{ file: displayName, code: 'too-large', message: tooLarge(read.tooLarge, limits) }] };
  return parseSource(read.buf, displayName, limits);
}

/** Bytes of a file's head that tell whether it is a descriptor (src/io/discover.ts). */
export const HEAD_BYTES = 4096;

type Bounded = { buf: Buffer; tooLarge?: number } | { error: { code: string; message: Localized } };

/**
 * Reads a file within the size limit, through the one reader of input files (src/io/read-file.ts):
 * only a regular file, never blocking. With `headOfLarge`, a file above the limit is read only that
 * far (a walk judges it by its head first). A file found by a walk is already known to be a regular
 * file (src/io/discover.ts), so its `stat` (a fifth of the cost of reading a descriptor) is skipped;
 * its kind is checked again from the open file, in case it was replaced by a FIFO in between.
 */
function readBounded(file: string, limits: Limits, headOfLarge?: number, walked = false): Bounded {
  const r = readRegularFile(file, {
    maxBytes: limits.maxFileBytes,
    tooLarge: (size) => tooLarge(size, limits),
    headOfLarge,
    walked,
  });
  if (!r.ok) return { error: { code: r.code, message: r.message } };
  return r.tooLarge !== undefined ? { buf: r.buf, tooLarge: r.tooLarge } : { buf: r.buf };
}

function tooLarge(size: number, limits: Limits): Localized {
  return localized('input.too-large', { size, limit: limits.maxFileBytes });
}

export function parseSource(buf: Buffer, displayName: string, limits: Limits = DEFAULT_LIMITS): LoadResult {
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const decoded = decodeText(buf);
  if (typeof decoded !== 'string') return { ok: false, errors: [{ file: displayName, ...decoded }] };
  const text = decoded;
  if (text.trim() === '')
    return {
      ok: false,
      errors: [{ file: displayName, line: 1, column: 1, code: 'empty', message: localized('input.empty') }],
    };
  // The fast paths hold nesting to the limit themselves (and decline beyond it); the text is scanned
  // for depth only before the careful path, whose parser and walks recurse.
  const fast = fastParseJson(text, limits.maxDepth) ?? fastParse(text, limits.maxDepth);
  if (fast) return { ok: true, source: makeSource(displayName, text, sha256, fast.value, fast.root) };
  const deepAt = flowDepthExceeded(text, limits.maxDepth) ?? blockDepthExceeded(text, limits.maxDepth);
  if (deepAt !== undefined) return { ok: false, errors: [tooDeep(displayName, text, deepAt, limits)] };
  // The careful path: `yaml`'s document model, for its error messages, positions and alias limit.
  const lines = new (Y().LineCounter)();
  const doc = Y().parseDocument(text, { ...YAML_OPTIONS, lineCounter: lines });
  const errors: InputProblem[] = doc.errors.map((e) => {
    const pos = lines.linePos(e.pos[0]);
    if (/call stack/i.test(e.message)) return tooDeep(displayName, text, e.pos[0], limits);
    return {
      file: displayName,
      line: pos.line,
      column: pos.col,
      code: 'syntax',
      message: plainYamlError(e.code, e.message),
    };
  });
  const deep = errors.find((e) => e.code === 'too-deep');
  if (deep) return { ok: false, errors: [deep] };
  if (errors.length > 0) return { ok: false, errors };
  const deepNode = deepestBeyond(doc.contents, limits.maxDepth);
  if (deepNode !== undefined) return { ok: false, errors: [tooDeep(displayName, text, deepNode, limits)] };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (e) {
    // yaml throws a ReferenceError for an alias without its anchor and for excessive aliasing;
    // anything else is a bug worth seeing.
    if (!(e instanceof ReferenceError)) throw e;
    let at: number | undefined;
    let unresolved: string | undefined;
    // Anchors in document order, so that each alias is judged in one pass (an alias bomb has many).
    const anchors = new Set<string>();
    Y().visit(doc, {
      Node(_, node) {
        if (node.anchor) anchors.add(node.anchor);
      },
      Alias(_, node) {
        at ??= node.range?.[0] ?? 0;
        if (anchors.has(node.source)) return undefined;
        at = node.range?.[0] ?? 0;
        unresolved = node.source;
        return Y().visit.BREAK;
      },
    });
    const { line, column } = positionAt(text, at ?? 0);
    const message =
      unresolved !== undefined
        ? localized('input.alias-unresolved', { name: unresolved })
        : localized('input.alias-bomb', { limit: limits.maxAliasCount });
    return { ok: false, errors: [{ file: displayName, line, column, code: 'aliases', message }] };
  }
  return { ok: true, source: makeSource(displayName, text, sha256, value, undefined, { doc, lines }) };
}

function tooDeep(file: string, text: string, offset: number, limits: Limits): InputProblem {
  const { line, column } = positionAt(text, offset);
  return { file, line, column, code: 'too-deep', message: tooDeepMessage(limits.maxDepth) };
}

/** Offset of the first collection nested deeper than maxDepth, walking without recursion. */
function deepestBeyond(root: unknown, maxDepth: number): number | undefined {
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!Y().isMap(node) && !Y().isSeq(node)) continue;
    if (depth > maxDepth) return (node as Node).range?.[0] ?? 0;
    for (const item of node.items as unknown[]) {
      if (Y().isPair(item)) {
        stack.push([item.key, depth + 1], [item.value, depth + 1]);
      } else stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

const YAML_OR_JSON: Localized = localized('kind.yaml_or_json');

/** UTF-8 text of a file, or why it is not (UTF-16, binary, invalid UTF-8) with the position; `kind` names the text expected. */
export function decodeText(
  buf: Buffer,
  kind: Localized = YAML_OR_JSON,
): string | { code: string; message: Localized; line?: number; column?: number } {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    return { code: 'encoding', message: localized('input.utf16'), line: 1, column: 1 };
  }
  const nul = buf.indexOf(0);
  if (nul >= 0) {
    // UTF-16 without a byte order mark shows up as NUL bytes between ASCII letters.
    const utf16 =
      buf.length >= 4 &&
      ((buf[0] !== 0 && buf[1] === 0 && buf[2] !== 0 && buf[3] === 0) ||
        (buf[0] === 0 && buf[1] !== 0 && buf[2] === 0 && buf[3] !== 0));
    const where = lineColOfByte(buf, nul);
    return utf16
      ? { code: 'encoding', message: localized('input.utf16'), line: 1, column: 1 }
      : { code: 'encoding', message: localized('input.binary', { kind }), ...where };
  }
  if (!isUtf8(buf)) {
    const at = firstInvalidUtf8(buf);
    return {
      code: 'encoding',
      message: localized('input.invalid-utf8', { byte: buf[at]!.toString(16).padStart(2, '0'), offset: at }),
      ...lineColOfByte(buf, at),
    };
  }
  // TextDecoder drops a leading UTF-8 byte order mark (ignoreBOM: false), which editors on Windows add.
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(buf);
}

/** Line and column (in characters) of a byte offset, decoding only the valid prefix. */
function lineColOfByte(buf: Buffer, at: number): { line: number; column: number } {
  const before = buf.subarray(0, at).toString('utf8');
  const nl = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: [...before.slice(nl + 1)].length + 1 };
}

/** Offset of the first byte that breaks UTF-8 (called only once isUtf8 has said there is one). */
function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    if (len > 1 && !isUtf8(buf.subarray(i, i + len))) return i;
    i += len;
  }
  return Math.max(0, buf.length - 1);
}

/** yaml's own wording (English) stays inside the message: it names the token it stumbled on. */
function plainYamlError(code: string, message: string): Localized {
  const first = message.split('\n')[0] ?? message;
  const detail = first.replace(/ at line \d+, column \d+.*$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return localized('input.duplicate-key');
    case 'MULTIPLE_DOCS':
      return localized('input.multiple-docs');
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return localized('input.malformed-yaml', { detail });
    default:
      return localized('input.yaml-other', { detail });
  }
}

/** Splits a JSON pointer into its unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  const segments = pointer.replace(/^\//, '').split('/');
  return pointer.includes('~') ? segments.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : segments;
}

// Findings of a portfolio point at the same few hundred places; locating never changes the segments.
const cachedSegments: (pointer: string) => readonly string[] = memoized(pointerSegments, 50_000);

// The same for `yaml`'s mappings (the careful path), keyed by their list of pairs.
const pairIndexes = new WeakMap<Pair[], Map<string, Pair>>();

function pairOf(items: Pair[], key: string): Pair | undefined {
  const name = (p: Pair) => (Y().isScalar(p.key) ? String(p.key.value) : String(p.key));
  if (items.length <= SCAN_KEYS) return items.find((p) => name(p) === key);
  let index = pairIndexes.get(items);
  if (!index) {
    index = new Map();
    for (const p of items) if (!index.has(name(p))) index.set(name(p), p);
    pairIndexes.set(items, index);
  }
  return index.get(key);
}

/**
 * Line and column of the value at a JSON pointer. When the pointer names something absent
 * (the usual case for "field is missing"), the deepest existing ancestor is returned.
 */
export function locate(source: SourceDoc, pointer: string): { line: number; column: number } {
  if (source.pos) return locateFast(source, source.pos, pointer);
  let node: unknown = source.doc.contents;
  let best: number | undefined = (node as Node | null)?.range?.[0];
  for (const seg of pointerSegments(pointer)) {
    if (Y().isMap(node)) {
      const pair = pairOf(node.items as Pair[], seg);
      if (!pair) break;
      const keyStart = (pair.key as Node | null)?.range?.[0];
      if (keyStart !== undefined) best = keyStart;
      node = pair.value;
      const vStart = (node as Node | null)?.range?.[0];
      if (vStart !== undefined && !Y().isMap(node) && !Y().isSeq(node)) best = vStart;
    } else if (Y().isSeq(node)) {
      const idx = Number(seg);
      const item = Number.isInteger(idx) ? node.items[idx] : undefined;
      if (item === undefined) break;
      node = item;
      const start = (item as Node | null)?.range?.[0];
      if (start !== undefined) best = start;
    } else {
      break;
    }
  }
  if (best === undefined) return { line: 1, column: 1 };
  const pos = source.lines.linePos(best);
  return { line: pos.line, column: pos.col };
}

type PosMap = Extract<PosNode, { kind: 'map' }>;

// Key → index of a large mapping, built on its first lookup: a finding per key of a 1,000,000-key
// mapping (an "unknown field" each) made locating quadratic, a scan of the keys per finding.
const keyIndexes = new WeakMap<PosMap, Map<string, number>>();
const SCAN_KEYS = 16;

/** Index of the first occurrence of `key` in a mapping of the position tree, or -1. */
function keyIndex(node: PosMap, key: string): number {
  if (node.keys.length <= SCAN_KEYS) return node.keys.indexOf(key);
  let index = keyIndexes.get(node);
  if (!index) {
    index = new Map();
    for (const [i, k] of node.keys.entries()) if (!index.has(k)) index.set(k, i);
    keyIndexes.set(node, index);
  }
  return index.get(key) ?? -1;
}

/** locate() over the fast path's position tree; the same rules as over `yaml`'s document. */
function locateFast(source: SourceDoc, root: PosNode, pointer: string): { line: number; column: number } {
  let node: PosNode = root;
  let best = root.start;
  for (const seg of cachedSegments(pointer)) {
    if (node.kind === 'map') {
      const i = keyIndex(node, seg);
      if (i < 0) break;
      best = node.keyStarts[i]!;
      node = node.values[i]!;
      if (node.kind === 'scalar') best = node.start;
    } else if (node.kind === 'seq') {
      const idx = Number(seg);
      const item = Number.isInteger(idx) ? node.items[idx] : undefined;
      if (item === undefined) break;
      node = item;
      best = item.start;
    } else break;
  }
  return positionIn((source as SourceDoc & { starts: number[] }).starts, best);
}
