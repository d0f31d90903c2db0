import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node, type Pair } from 'yaml';
import type { InputError } from '../types.js';

/** A parsed YAML or JSON file that remembers where each value came from. */
export interface SourceDoc {
  file: string;
  text: string;
  sha256: string;
  doc: Document.Parsed;
  lines: LineCounter;
  value: unknown;
}

export const DEFAULT_LIMITS = {
  /** Bytes; larger files are refused before parsing. */
  maxFileBytes: 20 * 1024 * 1024,
  /** YAML alias expansions; guards against "billion laughs". */
  maxAliasCount: 100,
};
export type Limits = typeof DEFAULT_LIMITS;

export type LoadResult = { ok: true; source: SourceDoc } | { ok: false; errors: InputError[] };

export async function loadSource(file: string, displayName: string, limits: Limits = DEFAULT_LIMITS): Promise<LoadResult> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    const why = code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code})`;
    return { ok: false, errors: [{ file: displayName, code: 'read', message: why }] };
  }
  if (buf.length > limits.maxFileBytes) {
    return { ok: false, errors: [{ file: displayName, code: 'too-large', message: `file is ${buf.length} bytes, above the limit of ${limits.maxFileBytes} bytes` }] };
  }
  return parseSource(buf, displayName, limits);
}

export function parseSource(buf: Buffer, displayName: string, limits: Limits = DEFAULT_LIMITS): LoadResult {
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const decoded = decodeText(buf);
  if (typeof decoded !== 'string') return { ok: false, errors: [{ file: displayName, ...decoded }] };
  const text = decoded;
  if (text.trim() === '') return { ok: false, errors: [{ file: displayName, line: 1, column: 1, code: 'empty', message: 'the file is empty' }] };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  const errors: InputError[] = doc.errors.map((e) => {
    const pos = lines.linePos(e.pos[0]);
    return { file: displayName, line: pos.line, column: pos.col, code: 'syntax', message: plainYamlError(e.code, e.message) };
  });
  if (errors.length > 0) return { ok: false, errors };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (e) {
    return { ok: false, errors: [{ file: displayName, line: 1, column: 1, code: 'aliases', message: `too many YAML alias expansions (limit ${limits.maxAliasCount}); the file may be an alias bomb` }] };
  }
  return { ok: true, source: { file: displayName, text, sha256, doc, lines, value } };
}

function decodeText(buf: Buffer): string | { code: string; message: string } {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    return { code: 'encoding', message: 'the file is UTF-16; save it as UTF-8' };
  }
  if (buf.includes(0)) return { code: 'encoding', message: 'the file is binary, not YAML or JSON text' };
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(buf);
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    const before = text.slice(0, bad);
    const line = before.split('\n').length;
    return { code: 'encoding', message: `invalid UTF-8 at line ${line}; save the file as UTF-8` };
  }
  return text;
}

function plainYamlError(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'a key appears twice in the same mapping; keep only one';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return `malformed YAML/JSON: ${first.replace(/ at line \d+, column \d+.*$/, '')}`;
    default:
      return first.replace(/ at line \d+, column \d+.*$/, '');
  }
}

/** Splits a JSON pointer into its unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Line and column of the value at a JSON pointer. When the pointer names something absent
 * (the usual case for "field is missing"), the deepest existing ancestor is returned.
 */
export function locate(source: SourceDoc, pointer: string): { line: number; column: number } {
  let node: unknown = source.doc.contents;
  let best: number | undefined = (node as Node | null)?.range?.[0];
  for (const seg of pointerSegments(pointer)) {
    if (isMap(node)) {
      const pair = (node.items as Pair[]).find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === seg);
      if (!pair) break;
      const keyStart = (pair.key as Node | null)?.range?.[0];
      if (keyStart !== undefined) best = keyStart;
      node = pair.value;
      const vStart = (node as Node | null)?.range?.[0];
      if (vStart !== undefined && !isMap(node) && !isSeq(node)) best = vStart;
    } else if (isSeq(node)) {
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
