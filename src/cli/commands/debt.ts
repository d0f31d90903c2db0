import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { baselineDocument } from '../../engine/baseline/document.js';
import { todayIso, isIsoDate } from '../../util/dates.js';
import { EXIT_FINDINGS, EXIT_PASS, EXIT_USAGE } from '../../engine/exit-code.js';
import { inputErrorLine } from '../../format/shared.js';
import { renderGateJson, renderGateText } from '../../format/gate-text.js';
import { gateVerdict } from '../../engine/gate.js';
import { lintFiles } from '../../run/lint-files.js';
import { LANGS, SEVERITIES, type Lang, type Severity } from '../../model/types.js';
import { renderWaiverTable, sortWaivers } from '../../engine/waivers/list.js';
import { DEFAULT_MAX_WAIVER_DAYS, WAIVERS_FILE } from '../../model/waiver.js';

/** Commands and options for compliance debt: waivers, baselines and the go-live gate. */

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1) throw new InvalidArgumentError(`"${v}" is not a positive whole number of days`);
  return n;
}

function date(v: string): string {
  if (!isIsoDate(v)) throw new InvalidArgumentError(`"${v}" is not a date written YYYY-MM-DD`);
  return v;
}

function collect(v: string, previous: string[] = []): string[] {
  return [...previous, v];
}

export interface WaiverOpts {
  waivers?: string[];
  maxWaiverDays: number;
}

/** --waivers and --max-waiver-days, shared by check, gate, baseline create and waivers list. */
export function addWaiverOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--waivers <file>', `waivers file, repeatable (default: ${WAIVERS_FILE} in the working directory and next to each descriptor)`).argParser(collect))
    .addOption(new Option('--max-waiver-days <days>', 'longest allowed waiver, approval to expiry').default(DEFAULT_MAX_WAIVER_DAYS).argParser(positiveInt));
}

function commonOptions(cmd: Command, defaultLang: Lang): Command {
  return addWaiverOptions(
    cmd
      .addOption(new Option('--as-of <date>', 'evaluation date YYYY-MM-DD').default(todayIso(), 'today').argParser(date))
      .addOption(new Option('--lang <lang>', 'language of messages').choices(LANGS).default(defaultLang, 'vi for a Vietnamese locale, else en')),
  );
}

export function registerDebtCommands(program: Command, io: Io, defaultLang: Lang, setExit: (code: number) => void): void {
  commonOptions(
    program
      .command('gate')
      .description('the go-live gate: may these systems go live on --as-of? (check at stage pre-production; critical rules cannot be waived)')
      .argument('<paths...>', 'descriptor files or directories'),
    defaultLang,
  )
    .addOption(new Option('--fail-on <severity>', 'findings at or above this severity block go-live').choices(SEVERITIES).default('high'))
    .addOption(new Option('-f, --format <name>', 'text verdict or json').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExit codes: 0 may go live; 1 blocked; 2 usage or input error.\n\nExample:\n  $ tuanthu gate examples/province-land-portal/system.yaml --as-of 2026-12-01')
    .action(async (paths: string[], o: WaiverOpts & { asOf: string; lang: Lang; failOn: Severity; format: 'text' | 'json' }) => {
      const report = await lintFiles(paths, { asOf: o.asOf, failOn: o.failOn, lang: o.lang, stage: 'pre-production', waivers: o.waivers, maxWaiverDays: o.maxWaiverDays });
      const verdict = gateVerdict(report);
      io.stdout(o.format === 'json' ? renderGateJson(verdict) : renderGateText(report, verdict, o.lang));
      setExit(verdict.go === undefined ? EXIT_USAGE : verdict.go ? EXIT_PASS : EXIT_FINDINGS);
    });

  const baseline = program.command('baseline').description('record the current violations so that CI fails only on new ones');
  commonOptions(
    baseline
      .command('create')
      .description('write a baseline of the current violations (not waived, not merely due)')
      .argument('<paths...>', 'descriptor files or directories'),
    defaultLang,
  )
    .addOption(new Option('-o, --output <file>', 'where to write it').default('tuanthu.baseline.json'))
    .addHelpText('after', '\nExit codes: 0 written; 2 usage or input error (nothing written).\n\nExample (record once, then fail only on new violations):\n  $ tuanthu baseline create examples/ -o tuanthu.baseline.json\n  $ tuanthu check examples/ --baseline tuanthu.baseline.json')
    .action(async (paths: string[], o: WaiverOpts & { asOf: string; lang: Lang; output: string }) => {
      const report = await lintFiles(paths, { asOf: o.asOf, failOn: 'high', lang: o.lang, waivers: o.waivers, maxWaiverDays: o.maxWaiverDays });
      if (report.errors.length > 0) {
        // A baseline missing a system that could not be read would later flag all its findings as new.
        for (const e of report.errors) io.stderr(inputErrorLine(e) + '\n');
        io.stderr(`tuanthu: baseline not written: fix the input errors first\n`);
        setExit(EXIT_USAGE);
        return;
      }
      const text = baselineDocument(report);
      writeFileSync(o.output, text);
      const n = (JSON.parse(text) as { findings: unknown[] }).findings.length;
      io.stdout(`${o.output}: ${n} violation(s) of ${report.systems.length} system(s) as of ${report.asOf}\n`);
      setExit(EXIT_PASS);
    });

  const waivers = program.command('waivers').description('compliance debt: the waivers of a portfolio');
  commonOptions(
    waivers
      .command('list')
      .description('list every waiver with its status: active, expiring (30 days or less), expired, stale, invalid')
      .argument('[paths...]', 'descriptor files or directories', ['.']),
    defaultLang,
  )
    .addOption(new Option('-f, --format <name>', 'table or json').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExit codes: 0 listed; 2 usage or input error.\n\nExample:\n  $ tuanthu waivers list examples/ --as-of 2026-11-23')
    .action(async (paths: string[], o: WaiverOpts & { asOf: string; lang: Lang; format: 'text' | 'json' }) => {
      const report = await lintFiles(paths, { asOf: o.asOf, failOn: 'high', lang: o.lang, waivers: o.waivers, maxWaiverDays: o.maxWaiverDays, allWaivers: true });
      for (const e of report.errors) io.stderr(inputErrorLine(e) + '\n');
      const records = sortWaivers(report.waivers ?? []);
      io.stdout(o.format === 'json' ? JSON.stringify({ asOf: report.asOf, waivers: records }, null, 2) + '\n' : renderWaiverTable(records, o.lang));
      setExit(report.errors.length > 0 ? EXIT_USAGE : EXIT_PASS);
    });
}
