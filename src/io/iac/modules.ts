/**
 * The module tree of a root: each `module` call resolved to a directory and read. Local sources
 * (`./`, `../`) are read from disk; registry, git and other sources from where `terraform init`
 * installed them (`.terraform/modules/modules.json`). A call that cannot be read is kept with the
 * reason, never dropped: the report lists it as not evaluated.
 */
import { realpath } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import type { IacLoadError, Location } from '../../model/iac.js';
import { localized } from '../../i18n/index.js';
import { readRegularFile } from '../read-file.js';
import { isObj, labelled, type Obj } from './eval/config.js';
import type { LoadedModule, ModuleCall } from './eval/module.js';
import { findPaths } from './json-text.js';
import { moduleHeaders, resourceHeaders, type HclFile } from './hcl.js';

/** A directory's configuration as read by the loader (src/io/iac/load.ts). */
export interface ParsedDir {
  config: Obj;
  hclFiles: HclFile[];
  /** .tf.json files: text by display name, for positions. */
  jsonTexts: Map<string, string>;
  files: Array<{ file: string; sha256: string }>;
}

/** Reads and parses a module directory; 'missing' when it does not exist or holds no Terraform files. */
export type ReadDir = (
  path: string,
  display: string,
) => Promise<{ ok: true; dir: ParsedDir } | { ok: false; missing: true } | { ok: false; errors: IacLoadError[] }>;

/** Calls deeper than this are not followed (a module calling itself through a symlink, or a generator gone wrong). */
const MAX_NESTING = 32;
/** Module directories read for one root, at most: a module calling itself through a symlink twice per level grows as 2^depth. */
const MAX_MODULES = 1000;

interface InstalledModule {
  Key: string;
  Source?: string;
  Dir: string;
}

/** Where a configuration's resource blocks and module calls are written. */
export function moduleLocator(
  d: ParsedDir,
  fallback: string,
): {
  locate: (typeNames: string[]) => Map<string, Location>;
  calls: Map<string, Location>;
} {
  let headers: Map<string, Location> | undefined;
  const calls = new Map<string, Location>();
  for (const f of d.hclFiles) for (const [n, loc] of moduleHeaders(f)) if (!calls.has(n)) calls.set(n, loc);
  // Resolved for the resources asked for only, all at once: most resources never need a position.
  const locate = (typeNames: string[]): Map<string, Location> => {
    if (!headers) {
      headers = new Map();
      for (const f of d.hclFiles) for (const [a, loc] of resourceHeaders(f)) if (!headers.has(a)) headers.set(a, loc);
    }
    const out = new Map<string, Location>();
    for (const t of typeNames) {
      const h = headers.get(t);
      if (h) out.set(t, h);
    }
    const missing = typeNames.filter((t) => !out.has(t));
    const pathOf = (t: string) => {
      const i = t.indexOf('.');
      return ['resource', t.slice(0, i), t.slice(i + 1)];
    };
    if (missing.length > 0)
      for (const [file, text] of d.jsonTexts) {
        const found = findPaths(text, missing.map(pathOf));
        for (const t of missing) {
          const at = found.get(pathOf(t).join('\u0000'));
          if (at && !out.has(t)) out.set(t, { file, ...at });
        }
      }
    for (const t of typeNames) if (!out.has(t)) out.set(t, { file: fallback, line: 1, column: 1 });
    return out;
  };
  return { locate, calls };
}

/**
 * The module tree of a root directory (`rootPath`, shown as `rootDisplay`), already parsed as
 * `root`. Every file read is added to `inputs`.
 */
export async function loadModuleTree(
  rootPath: string | undefined,
  rootDisplay: string,
  root: ParsedDir,
  readDir: ReadDir,
): Promise<{ ok: true; module: LoadedModule; inputs: ParsedDir['files'] } | { ok: false; errors: IacLoadError[] }> {
  const installed = rootPath ? await installedModules(rootPath) : new Map<string, InstalledModule>();
  const inputs = [...root.files];
  const errors: IacLoadError[] = [];
  const seen = new Map<string, LoadedModule>();
  let read = 0;

  const build = async (
    path: string | undefined,
    display: string,
    d: ParsedDir,
    key: string,
    chain: string[],
  ): Promise<LoadedModule> => {
    const { locate, calls: callAt } = moduleLocator(d, d.files[0]?.file ?? display);
    const calls = new Map<string, ModuleCall>();
    const mod: LoadedModule = { dir: display, config: d.config, locate, calls };
    for (const [name, b] of labelled(d.config, 'module')) {
      const source = typeof b.source === 'string' ? b.source : '';
      const location = callAt.get(name) ?? (d.files[0] ? { file: d.files[0].file, line: 1, column: 1 } : undefined);
      const call: ModuleCall = { source, ...(location ? { location } : {}) };
      calls.set(name, call);
      const childKey = key ? `${key}.${name}` : name;
      let target: { path: string; display: string } | undefined;
      if (!source || source.includes('${')) {
        call.unavailable = { reason: 'module-source-unsupported', detail: source || JSON.stringify(b.source ?? null) };
        continue;
      }
      const entry = installed.get(childKey);
      if (/^\.\.?(\/|\\|$)/.test(source)) {
        if (path !== undefined) target = { path: join(path, source), display: normalize(join(display, source)) };
      } else if (entry && rootPath) {
        target = { path: join(rootPath, entry.Dir), display: normalize(join(rootDisplay, entry.Dir)) };
      } else {
        call.unavailable = { reason: 'module-not-installed', detail: source };
        continue;
      }
      if (!target) {
        call.unavailable = { reason: 'module-not-found', detail: source };
        continue;
      }
      // By real path: a symlink back to an ancestor (./self → .) is a call to itself.
      const real = await realpath(target.path).catch(() => target.path);
      if (chain.length >= MAX_NESTING || chain.includes(real) || read >= MAX_MODULES) {
        call.unavailable = { reason: 'module-source-unsupported', detail: `${source} (calls itself)` };
        continue;
      }
      const cached = seen.get(`${target.path}\u0000${childKey}`);
      if (cached) {
        call.module = cached;
        continue;
      }
      const r = await readDir(target.path, target.display);
      if (!r.ok) {
        if ('missing' in r) call.unavailable = { reason: 'module-not-found', detail: source };
        else errors.push(...r.errors);
        continue;
      }
      for (const f of r.dir.files) if (!inputs.some((x) => x.file === f.file)) inputs.push(f);
      read++;
      call.module = await build(target.path, target.display, r.dir, childKey, [...chain, real]);
      seen.set(`${target.path}\u0000${childKey}`, call.module);
    }
    return mod;
  };

  const rootReal = rootPath ? await realpath(rootPath).catch(() => rootPath) : undefined;
  const module = await build(rootPath, rootDisplay, root, '', rootReal ? [rootReal] : []);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, module, inputs };
}

/** terraform init writes a few KiB per module; anything far larger is not its file. */
const MODULES_JSON_BYTES = 64 * 1024 * 1024;

/** `.terraform/modules/modules.json` by module key ("vpc", "vpc.subnets"), when terraform init has run. */
async function installedModules(rootPath: string): Promise<Map<string, InstalledModule>> {
  const out = new Map<string, InstalledModule>();
  // Through the one reader (src/io/read-file.ts): a FIFO or /proc file planted there is refused, not waited on.
  const read = readRegularFile(join(rootPath, '.terraform', 'modules', 'modules.json'), {
    maxBytes: MODULES_JSON_BYTES,
    tooLarge: () => localized('input.verbatim', { detail: 'modules.json' }),
  });
  if (!read.ok) return out;
  const text = read.buf.toString('utf8');
  try {
    const v = JSON.parse(text) as unknown;
    const list = isObj(v) && Array.isArray(v.Modules) ? v.Modules : [];
    for (const m of list)
      if (isObj(m) && typeof m.Key === 'string' && m.Key !== '' && typeof m.Dir === 'string')
        out.set(m.Key, { Key: m.Key, Dir: m.Dir, ...(typeof m.Source === 'string' ? { Source: m.Source } : {}) });
  } catch {
    // A damaged modules.json is as good as none: the calls are listed as not installed.
  }
  return out;
}
