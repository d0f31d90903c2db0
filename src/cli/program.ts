import { closeSync, openSync, writeSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { isIsoDate, todayIso } from '../util/dates.js';
import { addWaiverOptions, registerDebtCommands, type WaiverOpts } from './commands/debt.js';
import { errnoText } from '../io/discover.js';
import { exitCode, EXIT_USAGE } from '../engine/exit-code.js';
import { FORMATTERS, isFormatName, type FormatName, type Formatter } from '../format/index.js';
import { runLint } from '../run/lint-files.js';
import { TOOL_VERSION } from '../model/version.js';
import { DEFAULT_LIMITS, parseSize } from '../io/limits.js';
import { addRuleCommands } from './commands/rules.js';
import { loadCatalogue } from '../engine/catalogue.js';
import { progressReporter } from './progress.js';
import { LANGS, SEVERITIES, STAGES, type Lang, type Severity, type Stage } from '../model/types.js';
import { writeAllSync } from '../io/write-sync.js';

/** Default language: Vietnamese when the user's locale is Vietnamese. */
export function defaultLang(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
  return /^vi([_-]|$)/i.test(locale ?? '') ? 'vi' : 'en';
}

interface OutputSpec {
  format: FormatName;
  file?: string;
}

export function parseFormatSpec(spec: string, previous: OutputSpec[] = []): OutputSpec[] {
  const [name, file] = spec.split(/=(.*)/s, 2) as [string, string | undefined];
  if (!isFormatName(name)) throw new InvalidArgumentError(`unknown format "${name}"; choose one of: ${Object.keys(FORMATTERS).join(', ')}`);
  if (file === '') throw new InvalidArgumentError(`"${spec}": give a file name after "="`);
  return [...previous, file ? { format: name, file } : { format: name }];
}

function parseByteSize(v: string): number {
  const n = parseSize(v);
  if (n === undefined) throw new InvalidArgumentError(`"${v}" is not a size (e.g. 20MB, 512k, 1048576)`);
  return n;
}

function parseCount(v: string): number {
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) throw new InvalidArgumentError(`"${v}" is not a whole number`);
  return Number(v);
}

function parseDate(v: string): string {
  if (!isIsoDate(v)) throw new InvalidArgumentError(`"${v}" is not a date written YYYY-MM-DD`);
  return v;
}

export function buildProgram(
  io: { stdout: (s: string | Uint8Array) => void; stderr: (s: string) => void; env: NodeJS.ProcessEnv; isTTY: boolean; isStderrTTY?: boolean },
  setExit: (code: number) => void): Command {
  const program = new Command('tuanthu')
    .description(
      'Compliance linter for Vietnamese government information systems (tuân thủ = compliance). ' +
        'Checks a system descriptor and its infrastructure code against 06-TB/CQTTBCĐ, 57-CT/TW, ' +
        "04-KH/BCĐTW and the Prime Minister's dispatch, with OPA/Rego policies compiled to WebAssembly.",
    )
    .addHelpText(
      'after',
      `
Start here:
  $ tuanthu check examples/province-land-portal/system.yaml   what is missing, the clause behind it, how to fix it
  $ tuanthu explain MON-01                                   one rule in full
  $ tuanthu gate examples/mof-public-services/system.yaml --as-of 2026-12-01   may this system go live on that date?

Exit codes: 0 pass; 1 findings at or above --fail-on; 2 usage or input error.
`,
    )
    .version(TOOL_VERSION)
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  const check = program
    .command('check')
    .description('check system descriptors and their infrastructure code (files, or directories searched for them)')
    .argument('<paths...>', 'descriptors (YAML/JSON), Terraform/CDKTF/plan files, or directories')
    .addOption(new Option('-f, --format <name[=file]>', `output format, repeatable; "name=file" writes to a file (${Object.keys(FORMATTERS).join(', ')})`).argParser(parseFormatSpec))
    .addOption(new Option('--as-of <date>', 'evaluation date YYYY-MM-DD; decides deadlines').default(todayIso(), 'today').argParser(parseDate))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices(SEVERITIES).default('high'))
    .addOption(new Option('--lang <lang>', 'language of messages').choices(LANGS).default(defaultLang(io.env), 'vi for a Vietnamese locale, else en'))
    .addOption(new Option('--stage <stage>', "evaluate as if every system were in this lifecycle stage (pre-production = the go-live gate)").choices(STAGES))
    .addOption(new Option('--baseline <file>', 'fail only on violations not in this baseline (tuanthu baseline create) or earlier JSON report'))
    .addOption(new Option('--max-file-size <size>', 'refuse input files larger than this (e.g. 20MB)').default(DEFAULT_LIMITS.maxFileBytes, '20MB').argParser(parseByteSize))
    .addOption(new Option('--max-iac-file-size <size>', 'refuse infrastructure-code files (Terraform JSON, plans, .tf) larger than this').default(DEFAULT_LIMITS.maxIacFileBytes, '256MB').argParser(parseByteSize))
    .addOption(new Option('--max-depth <n>', 'refuse inputs nested deeper than this (infrastructure code: at least 512)').default(DEFAULT_LIMITS.maxDepth).argParser(parseCount))
    .addOption(new Option('--max-aliases <n>', 'refuse YAML files expanding more aliases than this').default(DEFAULT_LIMITS.maxAliasCount).argParser(parseCount))
    .addOption(new Option('--jobs <n>', 'threads checking descriptors, and parsing a .tf module of 64 KiB or more (default: 2 on a multi-core machine, for 1,000+ descriptors or such a module; else 1)').argParser(parseCount));
  addWaiverOptions(check)
    .addHelpText(
      'after',
      `
Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage or input error.

Examples:
  $ tuanthu check examples/mof-public-services/system.yaml
  $ tuanthu check examples/ --format json=report.json --format text
  $ tuanthu check examples/ --format github --format sarif=tuanthu.sarif --format html=audit.html
  $ tuanthu check examples/province-land-portal/system.yaml --as-of 2026-07-01 --fail-on critical --lang vi`,
    )
    .action(async (paths: string[], opts: WaiverOpts & { format?: OutputSpec[]; asOf: string; failOn: Severity; lang: Lang; stage?: Stage; baseline?: string; maxFileSize: number; maxIacFileSize: number; maxDepth: number; maxAliases: number; jobs?: number }) => {
      const outputs = opts.format ?? [{ format: 'text' as const }];
      if (outputs.filter((o) => !o.file).length > 1) {
        throw new InvalidArgumentError('only one --format can go to standard output; give the others a file (e.g. --format sarif=out.sarif)');
      }
      const progress = progressReporter({ isTTY: io.isStderrTTY ?? false, env: io.env, write: io.stderr });
      const { report, prerendered } = await runLint(paths, {
        asOf: opts.asOf,
        failOn: opts.failOn,
        lang: opts.lang,
        stage: opts.stage,
        waivers: opts.waivers,
        maxWaiverDays: opts.maxWaiverDays,
        baseline: opts.baseline,
        onProgress: progress,
        limits: { maxFileBytes: opts.maxFileSize, maxIacFileBytes: opts.maxIacFileSize, maxDepth: opts.maxDepth, maxAliasCount: opts.maxAliases },
        ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}),
        renderJson: outputs.some((o) => o.format === 'json'),
      });
      progress.finish();
      const catalogue = loadCatalogue();
      const color = io.isTTY && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '');
      for (const o of outputs) {
        const formatter: Formatter = FORMATTERS[o.format];
        const ctx = { catalogue, lang: opts.lang, color: o.file ? false : color && o.format === 'text', prerendered };
        const pieces = formatter.chunks ? formatter.chunks(report, ctx) : [formatter.render(report, ctx)];
        if (o.file) writeOutput(o.file, pieces);
        else for (const p of pieces) io.stdout(p);
      }
      setExit(exitCode(report));
    });

  registerDebtCommands(program, io, defaultLang(io.env), setExit);
  addRuleCommands(program, io, defaultLang(io.env));
  return program;
}

function writeOutput(file: string, pieces: Iterable<string | Uint8Array>): void {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'w');
    // A regular file takes each write whole.
    for (const p of pieces) {
      if (typeof p === 'string') writeSync(fd, p);
      else for (let done = 0; done < p.length; ) done += writeSync(fd, p, done);
    }
  } catch (e) {
    throw new InvalidArgumentError(`cannot write ${file}: ${errnoText(e).en}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  // Standard output is written synchronously (reports can be hundreds of MB); once its reader has
  // gone (`… | head`), the rest is dropped and the exit code still tells the result.
  let readerGone = false;
  const program = buildProgram(
    { stdout: (s) => void (readerGone ||= !writeAllSync(1, s)), stderr: (s) => process.stderr.write(s), env: process.env, isTTY: Boolean(process.stdout.isTTY), isStderrTTY: Boolean(process.stderr.isTTY) },
    (c) => (code = c),
  );
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    // Checked first: InvalidArgumentError is a CommanderError, but one thrown by an action has not
    // been printed by commander yet.
    if (e instanceof InvalidArgumentError) {
      process.stderr.write(`tuanthu: ${e.message}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    process.stderr.write(`tuanthu: internal error: ${e instanceof Error ? e.message : String(e)}\n` + 'Please report this with the command you ran.\n');
    if (process.env.TUANTHU_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return EXIT_USAGE;
  }
}
