import { hasWorker, shareWork, type Done } from '../../util/share-work.js';
import { mergePieces, splitTopLevel } from './hcl-split.js';
import type { Location } from '../../model/iac.js';
import { lineStarts, positionIn } from '../text-position.js';
import { localized } from '../../i18n/index.js';
import type { Localized } from '../../model/types.js';

export interface HclFile {
  file: string;
  text: string;
}

type HclErrors = Array<{ file: string; line?: number; column?: number; message: Localized }>;

/** A .tf file is parsed in pieces of about this many characters (src/io/iac/hcl-split.ts). */
const PIECE_CHARS = 4 * 1024;
/**
 * Below this much HCL a second thread costs more than it saves: starting one (a Go runtime in
 * Wasm) takes ~0.2 s. Measured (docs/benchmarks.md, Run 8): 14 KB 0.70 → 0.87 s with a second
 * thread, 77 KB 2.36 → 1.74 s, 185 KB 2.13 → 1.40 s (medians of 7).
 */
export const HCL_PARALLEL_MIN_CHARS = 64 * 1024;

const WORKER = new URL('./hcl-worker.js', import.meta.url);

/** A worker's message: one piece's value (or that it did not parse), or the end of its share. */
export type PieceMessage = { index: number; value: Record<string, unknown> } | { index: number; failed: true } | Done;

type Parse = (file: string, text: string) => Promise<Record<string, unknown>>;

/**
 * Converts .tf files with hcl2json (the HCL parser of Terraform, compiled to Wasm) and merges them
 * as one configuration. Large files are parsed in pieces cut at top-level blocks, on `threads`
 * threads when there is enough HCL to pay for a second one; a file whose pieces do not all parse
 * is parsed whole, so that its error is reported exactly as hcl2json reports it.
 */
export async function parseHcl(
  files: HclFile[],
  threads = 1,
  pieceChars = PIECE_CHARS,
): Promise<{ ok: true; config: Record<string, unknown[]> } | { ok: false; errors: HclErrors }> {
  // Loaded on first use: it starts a Go runtime in Wasm, which only HCL inputs need.
  const { parse } = await import('@cdktn/hcl2json');
  const hclToJson = parse as Parse;
  // A file that does not cut into several pieces is parsed whole below, once (a malformed one usually).
  const split = files.map((f) => {
    const p = splitTopLevel(f.text, pieceChars);
    return p && p.length > 1 ? p : undefined;
  });
  const pieces = split.flatMap((p) => p ?? []);
  const total = files.reduce((n, f) => n + f.text.length, 0);
  const values =
    threads > 1 && total >= HCL_PARALLEL_MIN_CHARS && pieces.length > 1 && hasWorker(WORKER)
      ? await parseShared(pieces, threads, hclToJson)
      : await parseEach(pieces, hclToJson);
  const merged: Record<string, unknown[]> = {};
  const errors: HclErrors = [];
  let at = 0;
  for (const [n, f] of files.entries()) {
    const own = split[n] ? values.slice(at, (at += split[n].length)) : undefined;
    let parsed = own?.every((v) => v !== undefined) ? mergePieces(own as Array<Record<string, unknown>>) : undefined;
    if (parsed === undefined) {
      try {
        parsed = await hclToJson(f.file, f.text);
      } catch (e) {
        errors.push({ file: f.file, ...hclError(e, f.file) });
        continue;
      }
    }
    for (const [k, v] of Object.entries(parsed)) (merged[k] ??= []).push(v);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config: merged };
}

/** Each piece's value in order; undefined for a piece that does not parse. */
async function parseEach(pieces: string[], hclToJson: Parse): Promise<Array<Record<string, unknown> | undefined>> {
  const out: Array<Record<string, unknown> | undefined> = [];
  for (const p of pieces) out.push(await hclToJson('piece.tf', p).catch(() => undefined));
  return out;
}

/** As parseEach, with threads-1 worker threads (src/io/iac/hcl-worker.ts) taking pieces from the same counter as this one. */
async function parseShared(
  pieces: string[],
  threads: number,
  hclToJson: Parse,
): Promise<Array<Record<string, unknown> | undefined>> {
  const out = new Array<Record<string, unknown> | undefined>(pieces.length);
  await shareWork<Exclude<PieceMessage, Done>>({
    count: pieces.length,
    workers: threads - 1,
    url: WORKER,
    workerData: { pieces },
    onMessage: (m) => {
      if ('value' in m) out[m.index] = m.value;
    },
    here: async ([i]) => {
      out[i!] = await hclToJson('piece.tf', pieces[i!]!).catch(() => undefined);
    },
    // A worker that fails leaves its pieces without a value: their files are then parsed whole.
    onWorkerFailure: 'end-share',
  });
  return out;
}

// hcl2json reports "parse config: [main.tf:2,7-3,1: Invalid expression; Expected … main.tf:5,1-2: …]":
// every diagnostic of the file in one message (thousands for binary garbage). The first is reported,
// at its position, with a count of the rest.
function hclError(e: unknown, file: string): { line?: number; column?: number; message: Localized } {
  const body = (e instanceof Error ? e.message : String(e)).replace(/^parse config: \[?/, '').replace(/\]\s*$/, '');
  const at = new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+),(\\d+)(?:-\\d+(?:,\\d+)?)?: `, 'g');
  const found = [...body.matchAll(at)];
  const first = found[0];
  if (!first) return { message: localized('input.malformed-hcl', { detail: body }) };
  const text = body
    .slice(first.index + first[0].length, found[1]?.index ?? body.length)
    .trim()
    .replace(/;\s*/, ': ');
  const more = found.length - 1;
  const message =
    more === 0
      ? localized('input.malformed-hcl', { detail: text })
      : localized(more === 1 ? 'input.malformed-hcl-one-more' : 'input.malformed-hcl-more', { detail: text, more });
  return { line: Number(first[1]), column: Number(first[2]), message };
}

/**
 * Lines of the `resource "type" "name"` block headers of a .tf file. hcl2json keeps no
 * positions, and a header is a single line by the language's grammar, so a line scan suffices.
 */
export function resourceHeaders(file: HclFile): Map<string, Location> {
  const out = new Map<string, Location>();
  const re = /^([ \t]*)resource[ \t]+"?([A-Za-z0-9_-]+)"?[ \t]+"?([A-Za-z0-9_-]+)"?[ \t]*\{/gm;
  scanHeaders(file, re, (m) => `${m[2]}.${m[3]}`, out);
  return out;
}

/** Lines of the `module "name"` block headers of a .tf file (where a module call is written). */
export function moduleHeaders(file: HclFile): Map<string, Location> {
  const out = new Map<string, Location>();
  scanHeaders(file, /^([ \t]*)module[ \t]+"?([A-Za-z0-9_-]+)"?[ \t]*\{/gm, (m) => m[2]!, out);
  return out;
}

function scanHeaders(
  file: HclFile,
  re: RegExp,
  key: (m: RegExpMatchArray) => string,
  out: Map<string, Location>,
): void {
  // Line numbers by binary search over the line starts: counting the lines before every header
  // again was quadratic (a 20,000-resource file took half a minute).
  const starts = lineStarts(file.text);
  for (const m of file.text.matchAll(re)) {
    const { line } = positionIn(starts, m.index);
    const address = key(m);
    if (!out.has(address)) out.set(address, { file: file.file, line, column: m[1]!.length + 1 });
  }
}
