// Reads an organisation's own policy (`--policy`, docs/custom-policies.md): the bundle.tar.gz that
// `opa build -t wasm` writes (its /policy.wasm and /data.json), or a bare policy.wasm. What the
// policy says is checked by src/engine/custom-policy.ts; this only gets its bytes.
import { gunzipSync } from 'node:zlib';
import { localized } from '../i18n/index.js';
import type { Localized } from '../model/types.js';
import { readRegularFile } from './read-file.js';

export interface PolicyBundle {
  /** The path as given on the command line: every message about the policy names it. */
  file: string;
  wasm: Uint8Array;
  /** The bundle's data.json (`{}` for a bare .wasm). */
  data: unknown;
}

/** A bundle is small (the built-in one is ~2 MB): a limit, so a wrong path cannot fill memory. */
const MAX_BUNDLE_BYTES = 64 << 20;
const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

/** The bundle at `path` (resolved against nothing: the caller gives an absolute path), or why it cannot be used. */
export function readPolicyBundle(
  file: string,
  path: string,
): { ok: true; bundle: PolicyBundle } | { ok: false; message: Localized } {
  const fail = (en: string, vi: string) => ({
    ok: false as const,
    message: localized('input.custom-policy-read', { bundle: file, detail: { en, vi } }),
  });
  const read = readRegularFile(path, {
    maxBytes: MAX_BUNDLE_BYTES,
    tooLarge: (size) =>
      localized('input.custom-policy-read', {
        bundle: file,
        detail: {
          en: `${size} bytes, above the limit of ${MAX_BUNDLE_BYTES} bytes for a policy`,
          vi: `${size} byte, vượt giới hạn ${MAX_BUNDLE_BYTES} byte của một chính sách`,
        },
      }),
  });
  if (!read.ok)
    return read.code === 'too-large'
      ? { ok: false, message: read.message }
      : { ok: false, message: localized('input.custom-policy-read', { bundle: file, detail: read.message }) };
  const buf = read.buf;
  if (WASM_MAGIC.every((b, i) => buf[i] === b)) return { ok: true, bundle: { file, wasm: buf, data: {} } };
  if (buf[0] !== 0x1f || buf[1] !== 0x8b)
    return fail(
      'neither a Wasm module nor the bundle.tar.gz of opa build -t wasm',
      'không phải mô-đun Wasm cũng không phải bundle.tar.gz của opa build -t wasm',
    );
  let tar: Buffer;
  try {
    tar = gunzipSync(buf, { maxOutputLength: MAX_BUNDLE_BYTES });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fail(`not a readable gzip archive (${why})`, `không đọc được tệp nén gzip (${why})`);
  }
  const files = tarFiles(tar);
  if (!files) return fail('the gzip archive does not hold a tar archive', 'tệp gzip không chứa một tệp tar');
  const wasm = files.get('policy.wasm');
  if (!wasm)
    return fail(
      'the archive holds no /policy.wasm (build it with opa build -t wasm)',
      'tệp nén không chứa /policy.wasm (hãy build bằng opa build -t wasm)',
    );
  const dataText = files.get('data.json');
  let data: unknown = {};
  if (dataText) {
    try {
      data = JSON.parse(dataText.toString('utf8'));
    } catch {
      return fail('its /data.json is not JSON', '/data.json trong đó không phải JSON');
    }
  }
  return { ok: true, bundle: { file, wasm, data } };
}

/**
 * The regular files of a tar archive by name without a leading "/" or "./" (opa build writes
 * "/policy.wasm"); undefined when the bytes are not a tar archive. Only what `opa build` writes is
 * needed: ustar headers, regular files; other entries (pax headers, directories) are skipped.
 */
function tarFiles(tar: Buffer): Map<string, Buffer> | undefined {
  const out = new Map<string, Buffer>();
  let at = 0;
  while (at + 512 <= tar.length) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) return out;
    const text = (from: number, len: number) => {
      const s = header.subarray(from, from + len);
      const end = s.indexOf(0);
      return s.subarray(0, end === -1 ? len : end).toString('utf8');
    };
    const size = Number.parseInt(text(124, 12).trim() || '0', 8);
    if (!Number.isSafeInteger(size) || size < 0) return undefined;
    const type = text(156, 1);
    const prefix = text(257, 6).startsWith('ustar') ? text(345, 155) : '';
    const name = (prefix ? `${prefix}/${text(0, 100)}` : text(0, 100)).replace(/^(\.?\/)+/, '');
    const body = at + 512;
    if (body + size > tar.length) return undefined;
    if (type === '0' || type === '') out.set(name, tar.subarray(body, body + size));
    at = body + Math.ceil(size / 512) * 512;
  }
  return out.size > 0 ? out : undefined;
}
