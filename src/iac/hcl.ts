import type { Location } from './model.js';
import { lineStarts, positionIn } from '../load/text-position.js';

export interface HclFile {
  file: string;
  text: string;
}

/** Converts .tf files with hcl2json (the HCL parser of Terraform, compiled to Wasm) and merges them as one configuration. */
export async function parseHcl(files: HclFile[]): Promise<{ ok: true; config: Record<string, unknown[]> } | { ok: false; errors: Array<{ file: string; line?: number; column?: number; message: string }> }> {
  // Loaded on first use: it starts a Go runtime in Wasm, which only HCL inputs need.
  const { parse: hclToJson } = await import('@cdktn/hcl2json');
  const merged: Record<string, unknown[]> = {};
  const errors: Array<{ file: string; line?: number; column?: number; message: string }> = [];
  for (const f of files) {
    let parsed: Record<string, unknown>;
    try {
      parsed = (await hclToJson(f.file, f.text)) as Record<string, unknown>;
    } catch (e) {
      errors.push({ file: f.file, ...hclError(e) });
      continue;
    }
    for (const [k, v] of Object.entries(parsed)) (merged[k] ??= []).push(v);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config: merged };
}

// hcl2json reports "parse config: [main.tf:2,7-3,1: Invalid expression; Expected …]".
function hclError(e: unknown): { line?: number; column?: number; message: string } {
  const s = e instanceof Error ? e.message : String(e);
  const m = /:(\d+),(\d+)(?:-\d+(?:,\d+)?)?: ([^\]]+)\]?\s*$/.exec(s);
  if (!m) return { message: `malformed HCL: ${s.replace(/^parse config: /, '')}` };
  return { line: Number(m[1]), column: Number(m[2]), message: `malformed HCL: ${m[3]!.replace(/;\s*/, ': ').trim()}` };
}

/**
 * Lines of the `resource "type" "name"` block headers of a .tf file. hcl2json keeps no
 * positions, and a header is a single line by the language's grammar, so a line scan suffices.
 */
export function resourceHeaders(file: HclFile): Map<string, Location> {
  const out = new Map<string, Location>();
  const re = /^([ \t]*)resource[ \t]+"?([A-Za-z0-9_-]+)"?[ \t]+"?([A-Za-z0-9_-]+)"?[ \t]*\{/gm;
  // Line numbers by binary search over the line starts: counting the lines before every header
  // again was quadratic (a 20,000-resource file took half a minute).
  const starts = lineStarts(file.text);
  for (const m of file.text.matchAll(re)) {
    const { line } = positionIn(starts, m.index);
    const address = `${m[2]}.${m[3]}`;
    if (!out.has(address)) out.set(address, { file: file.file, line, column: m[1]!.length + 1 });
  }
  return out;
}
