import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readErrorText, TERRAFORM_MODULE_FILE } from '../discover.js';
import { readRegularFile } from '../read-file.js';
import { parseHcl } from './hcl.js';
import { findPaths, parseJson } from './json-text.js';
import { decodeText } from '../descriptor/source.js';
import { positionAt } from '../text-position.js';
import type { IacLoadError, IacLoadResult, IacStack, Location } from '../../model/iac.js';
import { isPlan, planMajor, planResources, SUPPORTED_PLAN_MAJOR } from './plan.js';
import { isObject, isTerraformConfig } from './terraform-config.js';
import { labelled } from './eval/config.js';
import { evaluateRoot, type LoadedModule } from './eval/module.js';
import type { Value } from './eval/value.js';
import { autoVarFiles, rootInputs, type VariableInputs } from './eval/variables.js';
import { loadModuleTree, moduleLocator, type ParsedDir, type ReadDir } from './modules.js';
import { normalise } from './normalise.js';
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
  o: IacEvalOptions = {},
): Promise<IacLoadResult> {
  const limits = { ...given, maxDepth: Math.max(given.maxDepth, IAC_MIN_DEPTH) };
  let st: Stats;
  try {
    st = await stat(path);
  } catch (e) {
    return fail(display, 'read', readErrorText(e));
  }
  if (st.isDirectory()) return loadDirectory(path, display, limits, o);
  const read = await readIacFile(path, display, limits.maxIacFileBytes);
  if (!read.ok) return read;
  const { buf } = read;
  // A binary plan (`terraform plan -out`) is a zip archive.
  if (!/\.tf$/i.test(path) && buf.length >= 2 && buf[0] === 0x50 && buf[1] === 0x4b)
    return loadBinaryPlan(path, display, sha256(buf), limits);
  const text = iacText(buf, path);
  if (typeof text !== 'string') return fail(display, text.code, text.message, text.line, text.column);
  if (/\.tf$/i.test(path))
    return loadHcl([{ file: display, text, sha: sha256(buf) }], display, limits, o, { path: dirname(path) });
  const parsed = parseJson(text, limits.maxDepth);
  if (parsed.ok && isTerraformConfig(parsed.value) && !isPlan(parsed.value)) {
    // Terraform JSON (cdk.tf.json): evaluated like HCL, its local modules read beside it.
    const dir: ParsedDir = {
      config: parsed.value,
      hclFiles: [],
      jsonTexts: new Map([[display, text]]),
      files: [{ file: display, sha256: sha256(buf) }],
    };
    return evaluateStack(dir, display, 'terraform-json', limits, o, { path: dirname(path) });
  }
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
    // Text in memory (CDKTF validation at synth): no directory to read called modules from.
    const parsed: ParsedDir = {
      config: value,
      hclFiles: [],
      jsonTexts: new Map([[locationFile, text]]),
      files: inputs,
    };
    const module: LoadedModule = {
      dir: display,
      config: value,
      ...moduleLocatorOf(parsed, locationFile),
    };
    return { ok: true, stack: stackOf(module, new Map(), display, 'terraform-json', inputs) };
  }
  return fail(display, 'not-terraform', localized('input.not-terraform-json'), 1, 1);
}

/** How a root is evaluated: the variable values given from outside the configuration. */
export interface IacEvalOptions {
  threads?: number;
  variables?: VariableInputs;
}

type SourceFile = { file: string; text: string; sha: string };

/** The .tf/.tf.json files of a directory, read and checked; 'missing' when it has none (or does not exist). */
async function readDirFiles(
  dir: string,
  display: string,
  limits: IacLimits,
): Promise<{ ok: true; files: SourceFile[]; names: string[] } | { ok: false; errors: IacLoadError[]; missing?: true }> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ...fail(display, 'read', readErrorText(e)),
      ...(code === 'ENOENT' || code === 'ENOTDIR' ? { missing: true as const } : {}),
    };
  }
  const files: SourceFile[] = [];
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
  if (files.length === 0) return { ...fail(display, 'no-terraform', localized('input.no-terraform')), missing: true };
  return { ok: true, files, names };
}

async function loadDirectory(
  dir: string,
  display: string,
  limits: IacLimits,
  o: IacEvalOptions,
): Promise<IacLoadResult> {
  const read = await readDirFiles(dir, display, limits);
  if (!read.ok) return { ok: false, errors: read.errors };
  return loadHcl(read.files, display, limits, o, { path: dir, names: read.names });
}

/** .tf files (through hcl2json) and .tf.json files of one module, merged into one configuration. */
async function parseFiles(
  files: SourceFile[],
  maxDepth: number,
  threads: number,
): Promise<{ ok: true; dir: ParsedDir } | { ok: false; errors: IacLoadError[] }> {
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
  return {
    ok: true,
    dir: {
      config: merged,
      hclFiles: hclFiles.map((f) => ({ file: f.file, text: f.text })),
      jsonTexts,
      files: files.map((f) => ({ file: f.file, sha256: f.sha })),
    },
  };
}

async function loadHcl(
  files: SourceFile[],
  display: string,
  limits: IacLimits,
  o: IacEvalOptions,
  root?: { path: string; names?: string[] },
): Promise<IacLoadResult> {
  const threads = o.threads ?? 1;
  const parsed = await parseFiles(files, limits.maxDepth, threads);
  if (!parsed.ok) return parsed;
  return evaluateStack(parsed.dir, display, 'hcl', limits, o, root);
}

/** The module tree of a parsed root, its variables, and the evaluated resources as a stack. */
async function evaluateStack(
  parsed: ParsedDir,
  display: string,
  shape: 'hcl' | 'terraform-json',
  limits: IacLimits,
  o: IacEvalOptions,
  root?: { path: string; names?: string[] },
): Promise<IacLoadResult> {
  const threads = o.threads ?? 1;
  const readDir: ReadDir = async (path, shown) => {
    const r = await readDirFiles(path, shown, limits);
    if (!r.ok) return r.missing ? { ok: false, missing: true } : { ok: false, errors: r.errors };
    return parseFiles(r.files, limits.maxDepth, threads);
  };
  const tree = await loadModuleTree(root?.path, display, parsed, readDir);
  if (!tree.ok) return tree;
  const varFiles: Array<{ path: string; display: string }> = [
    ...(root?.names && root.path
      ? autoVarFiles(root.names).map((n) => ({ path: join(root.path, n), display: join(display, n) }))
      : []),
    ...(o.variables?.varFiles ?? []).map((f) => ({ path: f, display: f })),
  ];
  const layers: Array<Record<string, unknown>> = [];
  const errors: IacLoadError[] = [];
  const inputs = [...tree.inputs];
  for (const f of varFiles) {
    const r = await readVarFile(f.path, f.display, limits, threads);
    if (!r.ok) errors.push(...r.errors);
    else {
      layers.push(r.values);
      inputs.push({ file: f.display, sha256: r.sha });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const values = rootInputs(labelled(parsed.config, 'variable'), {
    files: layers,
    ...(o.variables?.env ? { env: o.variables.env } : {}),
    ...(o.variables?.vars ? { vars: o.variables.vars } : {}),
  });
  return { ok: true, stack: stackOf(tree.module, values, display, shape, inputs) };
}

/** Evaluates a loaded root into a stack: resources, where each is written, what was not evaluated. */
function stackOf(
  module: LoadedModule,
  values: Map<string, Value>,
  display: string,
  shape: 'hcl' | 'terraform-json',
  inputs: Array<{ file: string; sha256: string }>,
): IacStack {
  const evaluated = evaluateRoot(module, values);
  const resources = normalise(evaluated.raws, evaluated.providers);
  const locate = (addresses: string[]) => {
    // By module, so that each module's files are searched once for all the addresses in it.
    const byModule = new Map<LoadedModule, Array<[string, string]>>();
    for (const a of addresses) {
      const { mod, typeName } = moduleOf(module, a);
      if (!mod) continue;
      const list = byModule.get(mod);
      if (list) list.push([a, typeName]);
      else byModule.set(mod, [[a, typeName]]);
    }
    const out = new Map<string, Location>();
    for (const [mod, list] of byModule) {
      const found = mod.locate(list.map(([, t]) => t));
      for (const [a, t] of list) out.set(a, found.get(t)!);
    }
    const fallback = { file: inputs[0]?.file ?? display, line: 1, column: 1 };
    for (const a of addresses) if (!out.has(a)) out.set(a, fallback);
    return out;
  };
  return {
    file: display,
    shape,
    resources,
    locate,
    inputs,
    // Variables, locals, modules and count/for_each evaluated: the middle of the order of trust.
    evaluated: true,
    ...(evaluated.unevaluated.length > 0 ? { unevaluated: evaluated.unevaluated } : {}),
  };
}

/** `module.a["x"].module.b.aws_s3_bucket.logs[0]` → module b and `aws_s3_bucket.logs`. */
export function moduleOf(root: LoadedModule, address: string): { mod?: LoadedModule; typeName: string } {
  let mod: LoadedModule | undefined = root;
  let rest = address;
  for (;;) {
    const m = /^module\.([A-Za-z0-9_-]+)(\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?\./.exec(rest);
    if (!m) break;
    mod = mod?.calls.get(m[1]!)?.module;
    rest = rest.slice(m[0].length);
  }
  return { ...(mod ? { mod } : {}), typeName: rest.replace(/\[[^\]]*\]$/, '') };
}

/** A .tfvars (HCL) or .tfvars.json file: its top-level attributes. */
async function readVarFile(
  path: string,
  display: string,
  limits: IacLimits,
  threads: number,
): Promise<{ ok: true; values: Record<string, unknown>; sha: string } | { ok: false; errors: IacLoadError[] }> {
  const read = await readIacFile(path, display, limits.maxIacFileBytes);
  if (!read.ok) return read;
  const text = decodeText(read.buf, /\.json$/i.test(path) ? JSON_TEXT : HCL_TEXT);
  if (typeof text !== 'string') return fail(display, text.code, text.message, text.line, text.column);
  const sha = sha256(read.buf);
  if (/\.json$/i.test(path)) {
    const p = parseJson(text, limits.maxDepth);
    if (!p.ok)
      return {
        ok: false,
        errors: [{ file: display, line: p.line, column: p.column, code: p.code, message: p.message }],
      };
    if (!isObject(p.value)) return fail(display, 'not-tfvars', localized('input.not-tfvars'), 1, 1);
    return { ok: true, values: p.value, sha };
  }
  const r = await parseHcl([{ file: display, text }], threads);
  if (!r.ok) return { ok: false, errors: r.errors.map((e) => ({ ...e, code: 'syntax' })) };
  // parseHcl gives each top-level attribute as the list of its files' values: one file here.
  return { ok: true, values: Object.fromEntries(Object.entries(r.config).map(([k, v]) => [k, v[0]])), sha };
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

/** A module whose calls are not read (text in memory): each is listed as not evaluated. */
function moduleLocatorOf(parsed: ParsedDir, fallback: string): Pick<LoadedModule, 'locate' | 'calls'> {
  const { locate } = moduleLocator(parsed, fallback);
  const calls: LoadedModule['calls'] = new Map();
  for (const [name, b] of labelled(parsed.config, 'module')) {
    const source = typeof b.source === 'string' ? b.source : '';
    calls.set(name, {
      source,
      unavailable: {
        reason: /^\.\.?(\/|\\|$)/.test(source) ? 'module-not-found' : 'module-not-installed',
        detail: source,
      },
    });
  }
  return { locate, calls };
}
