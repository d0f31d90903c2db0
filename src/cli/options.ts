// Every option the commands share, declared once: one parser per kind of value (dates, sizes,
// counts, days, severities, languages, stages, formats) and one way from the parsed options to the
// library's LintOptions. A command adds the groups it takes; none declares its own copy.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { FORMATTERS, isFormatName, type FormatName } from '../format/index.js';
import { DEFAULT_LIMITS, parseSize } from '../io/limits.js';
import {
  LANGS,
  type RuleSettings,
  SEVERITIES,
  STAGES,
  type Lang,
  type LintOptions,
  type Severity,
  type Stage,
} from '../model/types.js';
import { DEFAULT_MAX_WAIVER_DAYS, WAIVERS_FILE } from '../model/waiver.js';
import { isIsoDate, todayIso } from '../util/dates.js';

// --- Parsers: each throws InvalidArgumentError, which commander reports as a usage error (exit 2).

/** A real calendar date written YYYY-MM-DD (2026-13-01 and 2026-02-30 are refused). */
export function parseDate(v: string): string {
  if (!isIsoDate(v)) throw new InvalidArgumentError(`"${v}" is not a date written YYYY-MM-DD`);
  return v;
}

/** A size in bytes: "20MB", "512k", "1048576" (binary units). */
export function parseByteSize(v: string): number {
  const n = parseSize(v);
  if (n === undefined) throw new InvalidArgumentError(`"${v}" is not a size (e.g. 20MB, 512k, 1048576)`);
  return n;
}

/** A whole number, 0 or more. */
export function parseCount(v: string): number {
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v)))
    throw new InvalidArgumentError(`"${v}" is not a whole number`);
  return Number(v);
}

/** A number of days, 1 or more. */
export function parseDays(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1) throw new InvalidArgumentError(`"${v}" is not a positive whole number of days`);
  return n;
}

export interface OutputSpec {
  format: FormatName;
  file?: string;
}

/** One repeatable `--format name[=file]`, added to the ones before it. */
export function parseFormatSpec(spec: string, previous: OutputSpec[] = []): OutputSpec[] {
  const [name, file] = spec.split(/=(.*)/s, 2) as [string, string | undefined];
  if (!isFormatName(name))
    throw new InvalidArgumentError(`unknown format "${name}"; choose one of: ${Object.keys(FORMATTERS).join(', ')}`);
  if (file === '') throw new InvalidArgumentError(`"${spec}": give a file name after "="`);
  return [...previous, file ? { format: name, file } : { format: name }];
}

function collect(v: string, previous: string[] = []): string[] {
  return [...previous, v];
}

/** One repeatable `--var name=value` (a Terraform input variable of the roots checked). */
export function parseVarAssignment(v: string, previous: string[] = []): string[] {
  if (!/^[A-Za-z_][A-Za-z0-9_-]*=/.test(v))
    throw new InvalidArgumentError(`"${v}" is not name=value (e.g. --var region=ap-southeast-1)`);
  return [...previous, v];
}

/** The outputs of `check`: text on standard output by default; at most one without a file. */
export function outputSpecs(specs: OutputSpec[] | undefined): OutputSpec[] {
  const outputs = specs ?? [{ format: 'text' as const }];
  if (outputs.filter((o) => !o.file).length > 1) {
    throw new InvalidArgumentError(
      'only one --format can go to standard output; give the others a file (e.g. --format sarif=out.sarif)',
    );
  }
  return outputs;
}

/** Default language: Vietnamese when the user's locale is Vietnamese. */
export function defaultLang(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
  return /^vi([_-]|$)/i.test(locale ?? '') ? 'vi' : 'en';
}

// --- Options, one function per option or group, each adding to a command and returning it.

export function addLangOption(cmd: Command, lang: Lang): Command {
  return cmd.addOption(
    new Option('--lang <lang>', 'language of messages')
      .choices(LANGS)
      .default(lang, 'vi for a Vietnamese locale, else en'),
  );
}

export function addFailOnOption(cmd: Command, description: string): Command {
  return cmd.addOption(new Option('--fail-on <severity>', description).choices(SEVERITIES).default('high'));
}

/** `-f, --format text|json`: the commands with a table or verdict and its JSON. */
export function addTextJsonFormatOption(cmd: Command, description: string): Command {
  return cmd.addOption(new Option('-f, --format <name>', description).choices(['text', 'json']).default('text'));
}

/** `-f, --format name[=file]`, repeatable: the report formats of `check`. */
export function addReportFormatOption(cmd: Command): Command {
  return cmd.addOption(
    new Option(
      '-f, --format <name[=file]>',
      `output format, repeatable; "name=file" writes to a file (${Object.keys(FORMATTERS).join(', ')})`,
    ).argParser(parseFormatSpec),
  );
}

export function addBaselineOption(cmd: Command): Command {
  return cmd.addOption(
    new Option(
      '--baseline <file>',
      'fail only on violations not in this baseline (tuanthu baseline create) or earlier JSON report',
    ),
  );
}

/** `--config <file>` and `--no-config`: which configuration file gives the defaults (src/cli/config.ts). */
export function addConfigOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '--config <file>',
        'configuration file (default: .tuanthu.yaml here or in a parent directory, up to the repository root; or TUANTHU_CONFIG)',
      ),
    )
    .addOption(new Option('--no-config', 'use no configuration file'));
}

/** `--rule` and `--skip-rule`: which rules run (governed in src/engine/rule-settings.ts). */
export function addRuleSelectionOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--rule <id>', 'evaluate only this rule, repeatable: a partial check, shown as such').argParser(
        collect,
      ),
    )
    .addOption(
      new Option(
        '--skip-rule <id=reason>',
        'leave a rule out, with the reason every report shows, repeatable (critical rules cannot be skipped)',
      ).argParser(parseSkipRule),
    );
}

/** One `--skip-rule ID=reason`, added to the ones before it. */
export function parseSkipRule(spec: string, previous: Array<{ rule: string; reason: string }> = []) {
  const [rule, reason] = spec.split(/=(.*)/s, 2) as [string, string | undefined];
  if (reason === undefined || reason.trim() === '')
    throw new InvalidArgumentError(`"${spec}": give the reason after "=" (e.g. --skip-rule ${rule}="not hosted here")`);
  return [...previous, { rule: rule.trim(), reason }];
}

/** What every command that lints takes: the date, language, stage, waivers, input limits and threads. */
export interface InputOpts {
  asOf: string;
  lang: Lang;
  stage?: Stage;
  waivers?: string[];
  maxWaiverDays: number;
  maxFileSize: number;
  maxIacFileSize: number;
  maxDepth: number;
  maxAliases: number;
  maxResources: number;
  terraformTimeout: number;
  jobs?: number;
  var?: string[];
  varFile?: string[];
  /** --policy: an organisation's own policy bundles. */
  policy?: string[];
  /** --rule, --skip-rule and the configuration file's rules and severity, validated (src/cli/config.ts). */
  ruleSettings?: RuleSettings;
}

/**
 * The input options of check, gate, baseline create and waivers list. `stage: false` for a command
 * that fixes the stage itself (gate: pre-production).
 */
export function addInputOptions(cmd: Command, defaults: { lang: Lang; stage: boolean }): Command {
  cmd.addOption(
    new Option('--as-of <date>', 'evaluation date YYYY-MM-DD; decides deadlines')
      .default(todayIso(), 'today')
      .argParser(parseDate),
  );
  addLangOption(cmd, defaults.lang);
  addConfigOptions(cmd);
  addRuleSelectionOptions(cmd);
  if (defaults.stage) {
    cmd.addOption(
      new Option(
        '--stage <stage>',
        'evaluate as if every system were in this lifecycle stage (pre-production = the go-live gate)',
      ).choices(STAGES),
    );
  }
  return cmd
    .addOption(
      new Option(
        '--waivers <file>',
        `waivers file, repeatable (default: ${WAIVERS_FILE} in the working directory and next to each descriptor)`,
      ).argParser(collect),
    )
    .addOption(
      new Option('--max-waiver-days <days>', 'longest allowed waiver, approval to expiry')
        .default(DEFAULT_MAX_WAIVER_DAYS)
        .argParser(parseDays),
    )
    .addOption(
      new Option('--max-file-size <size>', 'refuse input files larger than this (e.g. 20MB)')
        .default(DEFAULT_LIMITS.maxFileBytes, '20MB')
        .argParser(parseByteSize),
    )
    .addOption(
      new Option(
        '--max-iac-file-size <size>',
        'refuse infrastructure-code files (Terraform JSON, plans, .tf) larger than this',
      )
        .default(DEFAULT_LIMITS.maxIacFileBytes, '256MB')
        .argParser(parseByteSize),
    )
    .addOption(
      new Option('--max-depth <n>', 'refuse inputs nested deeper than this (infrastructure code: at least 512)')
        .default(DEFAULT_LIMITS.maxDepth)
        .argParser(parseCount),
    )
    .addOption(
      new Option('--max-aliases <n>', 'refuse YAML files expanding more aliases than this')
        .default(DEFAULT_LIMITS.maxAliasCount)
        .argParser(parseCount),
    )
    .addOption(
      new Option(
        '--max-resources <n>',
        'refuse a system whose infrastructure code holds more resources than this (all its files together)',
      )
        .default(DEFAULT_LIMITS.maxIacResources)
        .argParser(parseCount),
    )
    .addOption(
      new Option(
        '--terraform-timeout <seconds>',
        'stop `terraform show -json` (run for a binary plan) after this many seconds; 0: no limit',
      )
        .default(DEFAULT_LIMITS.terraformTimeoutMs / 1000)
        .argParser(parseCount),
    )
    .addOption(
      new Option(
        '--var <name=value>',
        'a Terraform input variable for the .tf roots checked, repeatable (as terraform plan -var; wins over tfvars files and TF_VAR_*)',
      ).argParser(parseVarAssignment),
    )
    .addOption(
      new Option(
        '--var-file <file>',
        'a .tfvars or .tfvars.json file for the .tf roots checked, repeatable (after terraform.tfvars and *.auto.tfvars)',
      ).argParser(collect),
    )
    .addOption(
      new Option(
        '--policy <bundle>',
        "an organisation's own rules, repeatable: a bundle.tar.gz of `opa build -t wasm -e custom/rules -e custom/findings` (docs/custom-policies.md)",
      ).argParser(collect),
    )
    .addOption(
      new Option(
        '--jobs <n>',
        'threads checking descriptors, and parsing a .tf module of 64 KiB or more (default: 2 on a multi-core machine, for 1,000+ descriptors or such a module; else 1)',
      ).argParser(parseCount),
    );
}

/** The library's options for a run from the parsed input options (and --fail-on, --baseline where the command takes them). */
export function lintOptions(
  o: InputOpts & { failOn?: Severity; baseline?: string },
  extra: Partial<LintOptions> = {},
  env: NodeJS.ProcessEnv = {},
): LintOptions {
  const tfEnv = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[0].startsWith('TF_VAR_') && typeof e[1] === 'string'),
  );
  const iacVariables = {
    ...(o.var ? { vars: o.var } : {}),
    ...(o.varFile ? { varFiles: o.varFile } : {}),
    ...(Object.keys(tfEnv).length > 0 ? { env: tfEnv } : {}),
  };
  return {
    asOf: o.asOf,
    failOn: o.failOn ?? 'high',
    lang: o.lang,
    stage: o.stage,
    waivers: o.waivers,
    maxWaiverDays: o.maxWaiverDays,
    baseline: o.baseline,
    limits: {
      maxFileBytes: o.maxFileSize,
      maxIacFileBytes: o.maxIacFileSize,
      maxDepth: o.maxDepth,
      maxAliasCount: o.maxAliases,
      maxIacResources: o.maxResources,
      terraformTimeoutMs: o.terraformTimeout * 1000,
    },
    ...(o.jobs !== undefined ? { jobs: o.jobs } : {}),
    ...(Object.keys(iacVariables).length > 0 ? { iacVariables } : {}),
    ...(o.ruleSettings ? { rules: o.ruleSettings } : {}),
    ...(o.policy && o.policy.length > 0 ? { policies: o.policy } : {}),
    ...extra,
  };
}
