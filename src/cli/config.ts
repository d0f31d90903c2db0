// The configuration file (.tuanthu.yaml) and TUANTHU_* environment variables: defaults for the
// options a command was not given. Precedence: flag > environment > file > built-in default; a
// value from the environment or the file goes through the same parser as the flag, and an error
// names where the value came from.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { type Command, InvalidArgumentError, type Option } from 'commander';
import { t } from '../i18n/index.js';
import type { Lang, RuleSettings, Severity } from '../model/types.js';
import { parseFormatSpec } from './options.js';

export const CONFIG_FILES = ['.tuanthu.yaml', '.tuanthu.yml'] as const;

/** What a configuration file holds (schemas/config.schema.json), with its relative paths resolved. */
export interface Config {
  file: string;
  paths?: string[];
  values: Partial<Record<ConfigKey, unknown>>;
  rules?: { only?: string[]; skip?: Array<{ rule: string; reason: string }> };
  severity?: Array<{ rule: string; severity: Severity; reason: string }>;
  /** line:column of a JSON pointer in the file. */
  position: (pointer: string) => string;
}

/** Configuration keys that are option defaults, and the option each one sets. */
const KEYS = {
  as_of: 'asOf',
  fail_on: 'failOn',
  lang: 'lang',
  formats: 'format',
  stage: 'stage',
  waivers: 'waivers',
  baseline: 'baseline',
  max_waiver_days: 'maxWaiverDays',
  jobs: 'jobs',
  policies: 'policy',
} as const;
type ConfigKey = keyof typeof KEYS;

/** The environment variable of each option that has one; lists are comma-separated. */
export const ENV_VARS: Readonly<Record<string, string>> = {
  asOf: 'TUANTHU_AS_OF',
  failOn: 'TUANTHU_FAIL_ON',
  lang: 'TUANTHU_LANG',
  format: 'TUANTHU_FORMAT',
  stage: 'TUANTHU_STAGE',
  waivers: 'TUANTHU_WAIVERS',
  baseline: 'TUANTHU_BASELINE',
  maxWaiverDays: 'TUANTHU_MAX_WAIVER_DAYS',
  jobs: 'TUANTHU_JOBS',
  terraformTimeout: 'TUANTHU_TERRAFORM_TIMEOUT',
  policy: 'TUANTHU_POLICY',
};
const LISTS = new Set(['format', 'waivers', 'policy']);
/** Options whose value is a path: relative to the configuration file when they come from it. */
const PATHS = new Set(['waivers', 'baseline', 'policy']);

/**
 * The configuration file that applies in `cwd`: the first of CONFIG_FILES in it or a parent, up to
 * the repository root (the directory holding .git) or the file-system root.
 */
export function findConfig(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILES) {
      const file = join(dir, name);
      if (existsSync(file) && statSync(file).isFile()) return file;
    }
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}

/** Reads and validates a configuration file; every problem is a usage error at its file:line:col. */
export async function loadConfig(file: string, cwd: string, lang: Lang): Promise<Config> {
  // Loaded only when there is a file: a run without one does not pay for the YAML reader and ajv.
  const [{ validateAgainst }, { loadSourceSync, locate }] = await Promise.all([
    import('../io/descriptor/schema.js'),
    import('../io/descriptor/source.js'),
  ]);
  const display = relative(cwd, file) || file;
  const loaded = loadSourceSync(file, display);
  const problems = loaded.ok
    ? loaded.source.value === null || typeof loaded.source.value !== 'object' || Array.isArray(loaded.source.value)
      ? [
          {
            file: display,
            line: 1,
            column: 1,
            message: { en: t('config.not_mapping', 'en'), vi: t('config.not_mapping', 'vi') },
          },
        ]
      : validateAgainst('config.schema.json', loaded.source)
    : loaded.errors;
  if (problems.length > 0 || !loaded.ok) {
    problems.sort((a, b) => (a.line ?? 1) - (b.line ?? 1) || (a.column ?? 1) - (b.column ?? 1));
    const lines = problems.map((p) => `${p.file}:${p.line ?? 1}:${p.column ?? 1}: ${p.message[lang]}`);
    throw new InvalidArgumentError(`${t('config.invalid', { file: display }, lang)}\n${lines.join('\n')}`);
  }
  const raw = loaded.source.value as Record<string, unknown>;
  const base = dirname(file);
  const values: Config['values'] = {};
  for (const key of Object.keys(KEYS) as ConfigKey[]) if (raw[key] !== undefined) values[key] = raw[key];
  const position = (pointer: string) => {
    const { line, column } = locate(loaded.source, pointer);
    return `${line}:${column}`;
  };
  return {
    file: display,
    position,
    ...(Array.isArray(raw.paths) ? { paths: (raw.paths as string[]).map((p) => relativeTo(base, p, cwd)) } : {}),
    values,
    ...(raw.rules ? { rules: raw.rules as Config['rules'] } : {}),
    ...(raw.severity ? { severity: raw.severity as Config['severity'] } : {}),
  };
}

/** A path written in the configuration file, as the run's working directory names it. */
function relativeTo(base: string, p: string, cwd: string): string {
  return relative(cwd, resolve(base, p)) || '.';
}

/**
 * Sets each option of `cmd` that was left at its default from the environment, else from the
 * configuration file, through the option's own parser and choices.
 */
export function applyDefaults(cmd: Command, env: NodeJS.ProcessEnv, config: Config | undefined, cwd: string): void {
  const byKey = new Map(cmd.options.map((o) => [o.attributeName(), o]));
  const configKeys = new Map(Object.entries(KEYS).map(([k, v]) => [v as string, k as ConfigKey]));
  for (const [key, option] of byKey) {
    const source = cmd.getOptionValueSource(key);
    if (source !== undefined && source !== 'default') continue;
    const envName = ENV_VARS[key];
    const fromEnv = envName ? env[envName] : undefined;
    if (fromEnv !== undefined && fromEnv !== '') {
      const items = LISTS.has(key)
        ? fromEnv
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [fromEnv];
      cmd.setOptionValueWithSource(
        key,
        parseAll(option, items, () => envName!),
        'env',
      );
      continue;
    }
    const ck = configKeys.get(key);
    if (!config || !ck || config.values[ck] === undefined) continue;
    // "formats" are check's reports; gate's and waivers list's --format is text or json.
    if (ck === 'formats' && option.parseArg !== parseFormatSpec) continue;
    const value = config.values[ck];
    const pointer = (i: number) => (Array.isArray(value) ? `/${ck}/${i}` : `/${ck}`);
    const where = (i: number) => `${config.file}:${config.position(pointer(i))}: ${ck}`;
    const base = dirname(resolve(cwd, config.file));
    let items = (Array.isArray(value) ? value : [value]).map(String);
    if (PATHS.has(key)) items = items.map((p) => relativeTo(base, p, cwd));
    if (key === 'format') items = items.map((spec) => formatRelativeTo(spec, base, cwd));
    cmd.setOptionValueWithSource(key, parseAll(option, items, where), 'config');
  }
}

/** "sarif=out/x.sarif" in the configuration file writes beside it, as its other paths do. */
function formatRelativeTo(spec: string, base: string, cwd: string): string {
  const i = spec.indexOf('=');
  return i < 0 ? spec : `${spec.slice(0, i)}=${relativeTo(base, spec.slice(i + 1), cwd)}`;
}

/** Values as the flag would have taken them, repeated flags accumulating. */
function parseAll(option: Option, items: string[], where: (i: number) => string): unknown {
  let acc: unknown;
  for (const [i, item] of items.entries()) {
    if (option.argChoices && !option.argChoices.includes(item)) {
      throw new InvalidArgumentError(`${where(i)}: "${item}" is not one of ${option.argChoices.join(', ')}`);
    }
    try {
      // As commander does: a repeatable option's parser gets the value so far.
      acc = option.parseArg ? option.parseArg(item, acc) : item;
    } catch (e) {
      throw new InvalidArgumentError(`${where(i)}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return acc;
}

const applied = new WeakMap<Command, Config>();

/**
 * Before a command's action: finds (or takes --config's) configuration file unless --no-config,
 * and fills in the options left at their defaults. The file stays with the command for configPaths().
 */
export async function configure(cmd: Command, env: NodeJS.ProcessEnv, cwd: string, fallbackLang: Lang): Promise<void> {
  const opts = cmd.opts() as { config?: string | false; lang?: Lang };
  const lang = cmd.getOptionValueSource('lang') === 'cli' && opts.lang ? opts.lang : fallbackLang;
  const explicit = typeof opts.config === 'string' ? opts.config : env.TUANTHU_CONFIG || undefined;
  let file: string | undefined;
  if (opts.config !== false) {
    if (explicit !== undefined) {
      file = resolve(cwd, explicit);
      if (!existsSync(file) || !statSync(file).isFile()) {
        throw new InvalidArgumentError(t('config.missing', { file: explicit }, lang));
      }
    } else file = findConfig(cwd);
  }
  const config = file ? await loadConfig(file, cwd, lang) : undefined;
  applyDefaults(cmd, env, config, cwd);
  if (config) applied.set(cmd, config);
  await settleRules(cmd, config);
}

/**
 * The run's rule settings: --rule and --skip-rule replace the file's `rules.only` and `rules.skip`;
 * `severity` comes from the file only. Refused (exit 2) when a rule is unknown, a reason is blank,
 * a critical rule would be skipped or lowered, or the go-live gate would check only some rules.
 */
async function settleRules(cmd: Command, config: Config | undefined): Promise<void> {
  const opts = cmd.opts() as { rule?: string[]; skipRule?: RuleSettings['skip']; lang?: Lang };
  if (!cmd.options.some((o) => o.attributeName() === 'rule')) return;
  const only = opts.rule ?? config?.rules?.only;
  const skip = opts.skipRule ?? config?.rules?.skip;
  const severity = config?.severity;
  const settings: RuleSettings = {
    ...(only?.length ? { only } : {}),
    ...(skip?.length ? { skip } : {}),
    ...(severity?.length ? { severity } : {}),
  };
  if (Object.keys(settings).length === 0) return;
  const lang = opts.lang ?? 'en';
  const [{ loadCatalogue }, { ruleSettingsProblems }] = await Promise.all([
    import('../engine/catalogue.js'),
    import('../engine/rule-settings.js'),
  ]);
  const problems = ruleSettingsProblems(settings, loadCatalogue(), lang);
  if (settings.only && cmd.name() === 'gate') problems.push(t('rules.gate_partial', lang));
  if (problems.length > 0) {
    throw new InvalidArgumentError(problems.join('\ntuanthu: '));
  }
  cmd.setOptionValueWithSource('ruleSettings', settings, 'config');
}

/** The paths a command checks: the ones it was given, else the configuration file's. */
export function configPaths(cmd: Command, given: string[]): string[] {
  if (given.length > 0) return given;
  const paths = applied.get(cmd)?.paths;
  if (paths) return paths;
  const lang = (cmd.opts() as { lang?: Lang }).lang ?? 'en';
  throw new InvalidArgumentError(t('config.no_paths', lang));
}

/** The configuration file's paths, if it has any. */
export function configPathsOrNone(cmd: Command): string[] | undefined {
  return applied.get(cmd)?.paths;
}
