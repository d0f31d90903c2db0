import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readErrorText, TERRAFORM_MODULE_FILE } from '../discover.js';
import { readRegularFile } from '../read-file.js';
import { parseHcl, resourceHeaders } from './hcl.js';
import { findPaths, parseJson } from './json-text.js';
import { decodeText } from '../descriptor/source.js';
import { positionAt } from '../text-position.js';
import type { IacLoadError, IacLoadResult, IacStack, Location } from '../../model/iac.js';
import { isPlan, planMajor, planResources, SUPPORTED_PLAN_MAJOR } from './plan.js';
import { configResources, isTerraformConfig } from './terraform-config.js';
import { DEFAULT_TERRAFORM_TIMEOUT_S, terraformShow } from './terraform-show.js';

import { DEFAULT_LIMITS, flowDepthExceeded, tooDeepMessage, valueDepthExceeded } from '../limits.js';
import type { Limits, Localized } from '../../model/types.js';
import { localized } from '../../i18n/index.js';

/** The limits that apply to infrastructure code (src/io/limits.ts). */
export type IacLimits = Pick<Limits, 'maxIacFileBytes' | 'maxDepth'> & Partial<Pick<Limits, 'terraformTimeoutMs'>>;

/**
 * Infrastructure code nests deeper than descriptors (modules in modules, nested blocks), so it is
 * held to --max-depth or this, whichever is larger: deep enough for any real plan, and far below
 * the ~2,000 levels at which reading a stack ran out of stack.
 */
export const IAC_MIN_DEPTH = 512;

const sha256 = (buf: Buffer | string) => createHash('sha256').update(buf).digest('hex');

/**
 * Loads one IaC input: a directory of .tf/.tf.json files, a .tf file, a Terraform JSON file
 * (cdk.tf.json from CDKTF or CDK Terrain), a plan JSON (`terraform show -json`), or a binary
 * plan file (converted with `terraform show -json` when the terraform CLI is installed).
 * `threads` may share the parsing of a large .tf module (src/io/iac/hcl.ts).
 */
export async function loadIac(
  path: string,
  display: string,
  given: IacLimits = DEFAULT_LIMITS,
  { threads = 1 }: { threads?: number } = {},
): Promise<IacLoadResult> {
  const limits = { ...given, maxDepth: Math.max(given.maxDepth, IAC_MIN_DEPTH) };
  let st: Stats;
  try {
    st = await stat(path);
  } catch (e) {
    return fail(display, 'read', readErrorText(e));
  }
  if (st.isDirectory()) return loadDirectory(path, display, limits, threads);
  const read = await readIacFile(path, display, limits.maxIacFileBytes);
  if (!read.ok) return read;
  const { buf } = read;
  // A binary plan (`terraform plan -out`) is a zip archive.
  if (!/\.tf$/i.test(path) && buf.length >= 2 && buf[0] === 0x50 && buf[1] === 0x4b)
    return loadBinaryPlan(path, display, sha256(buf), limits);
  const text = iacText(buf, path);
  if (typeof text !== 'string') return fail(display, text.code, text.message, text.line, text.column);
  if (/\.tf$/i.test(path))
    return loadHcl([{ file: display, text, sha: sha256(buf) }], display, limits.maxDepth, threads);
  return loadJsonText(text, display, sha256(buf), limits.maxDepth);
}

/**
 * One file of infrastructure code within the size limit, through the one reader of input files
 * (src/io/read-file.ts): a FIFO, device or /proc file (whose read would block or never end) is
 * refused without waiting.
 */
async function readIacFile(
  path: string,
  display: string,
  maxBytes: number,
): Promise<{ ok: true; buf: Buffer } | { ok: false; errors: IacLoadError[] }> {
  const r = readRegularFile(path, {
    maxBytes,
    tooLarge: (size) => localized('input.too-large-iac', { size, limit: maxBytes }),
  });
  return r.ok ? { ok: true, buf: r.buf } : fail(display, r.code, r.message);
}

/** Terraform JSON or plan JSON text, already read. Exported for the CDKTF validation (in-memory synth output). */
export function loadJsonText(
  text: string,
  display: string,
  digest = sha256(text),
  maxDepth = IAC_MIN_DEPTH,
): IacLoadResult {
  const parsed = parseJson(text, maxDepth);
  if (!parsed.ok)
    return {
      ok: false,
      errors: [{ file: display, line: parsed.line, column: parsed.column, code: parsed.code, message: parsed.message }],
    };
  return fromJsonValue(parsed.value, text, display, digest);
}

function fromJsonValue(
  value: unknown,
  text: string,
  display: string,
  digest: string,
  locationFile = display,
): IacLoadResult {
  const inputs = [{ file: display, sha256: digest }];
  if (isPlan(value)) {
    if (planMajor(value) !== SUPPORTED_PLAN_MAJOR) {
      const at = findPaths(text, [['format_version']]).get('format_version') ?? { line: 1, column: 1 };
      return {
        ok: false,
        errors: [
          {
            file: display,
            ...at,
            code: 'plan-version',
            message: localized('input.plan-version', {
              version: String(value.format_version),
              major: SUPPORTED_PLAN_MAJOR,
            }),
          },
        ],
      };
    }
    const { resources, indexOf } = planResources(value);
    const locate = (addresses: string[]) => {
      const paths = addresses.map((a) => ['resource_changes', indexOf.get(a) ?? -1]);
      const found = findPaths(text, paths);
      return new Map(
        addresses.map((a) => [
          a,
          { file: locationFile, ...(found.get(`resource_changes\u0000${indexOf.get(a)}`) ?? { line: 1, column: 1 }) },
        ]),
      );
    };
    return { ok: true, stack: { file: display, shape: 'plan', resources, locate, inputs } };
  }
  if (isTerraformConfig(value)) {
    const resources = configResources(value);
    const locate = (addresses: string[]) => {
      const split = addresses.map((a) => [a, ...splitAddress(a)] as const);
      const found = findPaths(
        text,
        split.map(([, t, n]) => ['resource', t, n]),
      );
      return new Map(
        split.map(([a, t, n]) => [
          a,
          { file: locationFile, ...(found.get(`resource\u0000${t}\u0000${n}`) ?? { line: 1, column: 1 }) },
        ]),
      );
    };
    return { ok: true, stack: { file: display, shape: 'terraform-json', resources, locate, inputs } };
  }
  return fail(display, 'not-terraform', localized('input.not-terraform-json'), 1, 1);
}

function splitAddress(a: string): [string, string] {
  const i = a.indexOf('.');
  return [a.slice(0, i), a.slice(i + 1)];
}

async function loadDirectory(dir: string, display: string, limits: IacLimits, threads: number): Promise<IacLoadResult> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (e) {
    return fail(display, 'read', readErrorText(e));
  }
  const files: Array<{ file: string; text: string; sha: string }> = [];
  // Every file of the module is held to the same checks as a file given alone (a FIFO named
  // main.tf hung the run); one that cannot be read makes the module unreadable, all reported.
  const errors: IacLoadError[] = [];
  for (const n of names.filter((x) => TERRAFORM_MODULE_FILE.test(x))) {
    const read = await readIacFile(join(dir, n), join(display, n), limits.maxIacFileBytes);
    if (!read.ok) {
      errors.push(...read.errors);
      continue;
    }
    const text = iacText(read.buf, n);
    if (typeof text === 'string') files.push({ file: join(display, n), text, sha: sha256(read.buf) });
    else errors.push({ file: join(display, n), ...text });
  }
  if (errors.length > 0) return { ok: false, errors };
  if (files.length === 0) return fail(display, 'no-terraform', localized('input.no-terraform'));
  return loadHcl(files, display, limits.maxDepth, threads);
}

/** .tf files (through hcl2json) and .tf.json files of one root module, merged into one configuration. */
async function loadHcl(
  files: Array<{ file: string; text: string; sha: string }>,
  display: string,
  maxDepth: number,
  threads: number,
): Promise<IacLoadResult> {
  const errors: IacLoadError[] = [];
  const hclFiles = files.filter((f) => !/\.json$/i.test(f.file));
  const merged: Record<string, unknown[]> = {};
  const jsonTexts = new Map<string, string>();
  // HCL brackets nest like JSON's ({ } blocks and objects, [ ] lists): counted before hcl2json, which
  // otherwise runs out of stack on a 3,000-level file.
  for (const f of hclFiles) {
    const deep = flowDepthExceeded(f.text, maxDepth);
    if (deep !== undefined)
      errors.push({ file: f.file, ...positionAt(f.text, deep), code: 'too-deep', message: tooDeepMessage(maxDepth) });
  }
  if (errors.length > 0) return { ok: false, errors };
  if (hclFiles.length > 0) {
    const r = await parseHcl(hclFiles, threads);
    if (!r.ok) errors.push(...r.errors.map((e) => ({ ...e, code: 'syntax' })));
    // hcl2json gives a parsed value, not text: its depth is checked on the value (the root is the configuration).
    else if (valueDepthExceeded(r.config, maxDepth))
      errors.push({ file: hclFiles[0]!.file, line: 1, column: 1, code: 'too-deep', message: tooDeepMessage(maxDepth) });
    else for (const [k, v] of Object.entries(r.config)) for (const x of v) (merged[k] ??= []).push(x);
  }
  for (const f of files.filter((x) => /\.json$/i.test(x.file))) {
    const p = parseJson(f.text, maxDepth);
    if (!p.ok) errors.push({ file: f.file, line: p.line, column: p.column, code: p.code, message: p.message });
    else if (!isTerraformConfig(p.value))
      errors.push({
        file: f.file,
        line: 1,
        column: 1,
        code: 'not-terraform',
        message: localized('input.not-terraform-tfjson'),
      });
    else {
      jsonTexts.set(f.file, f.text);
      for (const [k, v] of Object.entries(p.value)) (merged[k] ??= []).push(v);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const resources = configResources(merged);
  const headers = new Map<string, Location>();
  for (const f of hclFiles) for (const [a, loc] of resourceHeaders(f)) if (!headers.has(a)) headers.set(a, loc);
  const locate = (addresses: string[]) => {
    const out = new Map<string, Location>();
    for (const a of addresses) {
      const h = headers.get(a);
      if (h) out.set(a, h);
    }
    const missing = addresses.filter((a) => !out.has(a));
    for (const [file, text] of jsonTexts) {
      const found = findPaths(
        text,
        missing.map((a) => ['resource', ...splitAddress(a)]),
      );
      for (const a of missing) {
        const at = found.get(['resource', ...splitAddress(a)].join('\u0000'));
        if (at && !out.has(a)) out.set(a, { file, ...at });
      }
    }
    for (const a of addresses) if (!out.has(a)) out.set(a, { file: files[0]!.file, line: 1, column: 1 });
    return out;
  };
  const stack: IacStack = {
    file: display,
    shape: 'hcl',
    resources,
    locate,
    inputs: files.map((f) => ({ file: f.file, sha256: f.sha })),
  };
  return { ok: true, stack };
}

async function loadBinaryPlan(
  path: string,
  display: string,
  digest: string,
  limits: IacLimits,
): Promise<IacLoadResult> {
  const shown = await terraformShow(path, {
    timeoutMs: limits.terraformTimeoutMs ?? DEFAULT_TERRAFORM_TIMEOUT_S * 1000,
    maxOutputBytes: limits.maxIacFileBytes,
  });
  if (!shown.ok) return fail(display, shown.code, shown.message);
  const out = shown.json;
  const parsed = parseJson(out, limits.maxDepth);
  if (!parsed.ok)
    return parsed.code === 'too-deep'
      ? fail(display, 'too-deep', parsed.message)
      : fail(display, 'terraform-show', localized('input.terraform-show-json', { detail: parsed.message }));
  const r = fromJsonValue(parsed.value, out, display, digest);
  if (!r.ok) return r;
  // Positions in the converted JSON mean nothing to the user: point at the plan file itself.
  const locate = (addresses: string[]) => new Map(addresses.map((a) => [a, { file: display, line: 1, column: 1 }]));
  return { ok: true, stack: { ...r.stack, locate } };
}

/**
 * Terraform reads UTF-8 only: UTF-16, binary and invalid UTF-8 are reported as such, at their
 * position, not as syntax errors. It reads a .tf.json file with HCL's JSON parser, which refuses a
 * leading UTF-8 byte order mark ("Invalid start of value"; hashicorp/hcl v2.24.0), while its native
 * syntax (.tf) skips one: checking such a file would pass code that `terraform plan` will not load.
 * Other JSON (plans, files Terraform does not load) is read past the mark.
 */
function iacText(buf: Buffer, name: string): ReturnType<typeof decodeText> {
  if (/\.tf\.json$/i.test(name) && buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { code: 'bom', message: localized('input.bom'), line: 1, column: 1 };
  return decodeText(buf, /\.tf$/i.test(name) ? HCL_TEXT : JSON_TEXT);
}

const HCL_TEXT: Localized = localized('kind.hcl');
const JSON_TEXT: Localized = localized('kind.json');

function fail(
  file: string,
  code: string,
  message: Localized,
  line?: number,
  column?: number,
): { ok: false; errors: IacLoadError[] } {
  return { ok: false, errors: [{ file, code, message, ...(line ? { line, column: column ?? 1 } : {}) }] };
}

function pastByteOrderMark(head: string): string {
  if (head.startsWith('\xef\xbb\xbf')) return head.slice(3);
  const utf16 = head.startsWith('\xff\xfe') ? 'le' : head.startsWith('\xfe\xff') ? 'be' : undefined;
  if (!utf16) return head;
  const units = Buffer.from(head.slice(2, 2 + ((head.length - 2) & ~1)), 'latin1');
  return (utf16 === 'be' ? units.swap16() : units).toString('utf16le');
}

/**
 * Cheap content sniffing for directory walks and bare paths: is this file an IaC input? `given` is
 * the file's first bytes as latin1. A byte order mark (UTF-8 from Windows editors, or UTF-16) is
 * looked past, so that such a file is checked and its encoding reported, not skipped as not ours.
 */
export function looksLikeIac(name: string, given: string): boolean {
  if (/\.tf$/i.test(name)) return true;
  const head = pastByteOrderMark(given);
  if (head.startsWith('PK')) return /\.(tfplan|plan|bin)$/i.test(name) || /plan/i.test(name);
  if (!/\.json$/i.test(name)) return false;
  return (
    /^\s*\{/.test(head) &&
    (/"format_version"\s*:/.test(head) || /"(resource|terraform|provider|\/\/)"\s*:/.test(head)) &&
    !/apiVersion/.test(head)
  );
}
