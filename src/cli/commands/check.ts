import { type Command, Option } from 'commander';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { exitCode, summaryExitCode } from '../../engine/exit-code.js';
import { type FormatContext, FORMATTERS } from '../../format/index.js';
import type { SystemSpool } from '../../run/spool.js';
import type { Report, Severity, SystemReport } from '../../model/types.js';
import { type CliIo, refuseUnsafeOutputs, useColor, writeOutputFiles } from '../io.js';
import { configPaths } from '../config.js';
import {
  addBaselineOption,
  addFailOnOption,
  addInputOptions,
  addReportFormatOption,
  type InputOpts,
  lintOptions,
  type OutputSpec,
  outputSpecs,
} from '../options.js';
import { progressReporter } from '../progress.js';
import type { Lang } from '../../model/types.js';

type CheckOpts = InputOpts & { format?: OutputSpec[]; failOn: Severity; baseline?: string; previous?: string[] };

/** `tuanthu check <paths...>`: the report, in one or more formats. */
export function registerCheck(program: Command, io: CliIo, lang: Lang, setExit: (code: number) => void): void {
  const check = program
    .command('check')
    .description('check system descriptors and their infrastructure code (files, or directories searched for them)')
    .argument(
      '[paths...]',
      'descriptors (YAML/JSON), Terraform/CDKTF/plan files, or directories (default: paths in .tuanthu.yaml)',
    );
  addReportFormatOption(check);
  addFailOnOption(check, 'exit 1 when a finding is at or above this severity');
  addBaselineOption(check);
  check.addOption(
    new Option(
      '--previous <report.json>',
      'an earlier JSON report of the portfolio, repeatable: its totals are shown as a trend (text, Markdown, HTML)',
    ).argParser((v: string, prev: string[] = []) => [...prev, v]),
  );
  addInputOptions(check, { lang, stage: true })
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
    .action(async (given: string[], opts: CheckOpts, cmd: Command) => {
      const paths = configPaths(cmd, given);
      const outputs = outputSpecs(opts.format);
      // Refused at once for the inputs named on the command line, again after the run for every file it read.
      const targets = outputs.flatMap((o) =>
        o.file ? [{ file: o.file, option: `--format ${o.format}=${o.file}` }] : [],
      );
      await refuseUnsafeOutputs(targets, [
        ...paths,
        ...(opts.waivers ?? []),
        ...(opts.baseline ? [opts.baseline] : []),
        ...(opts.policy ?? []),
        ...(opts.previous ?? []),
      ]);
      const { runLint } = await import('../../run/lint-files.js');
      const progress = progressReporter({
        isTTY: io.isStderrTTY ?? false,
        env: io.env,
        write: io.progress ?? io.stderr,
      });
      // JSON alone can be written from systems streamed to a spool as they are checked (flat memory
      // on a large portfolio); the other formats take the whole report.
      const spool = outputs.every((o) => o.format === 'json') ? await jsonSpool(outputs) : undefined;
      try {
        const { report, prerendered, streamed, inputs, catalogue } = await runLint(
          paths,
          lintOptions(
            opts,
            {
              onProgress: progress,
              renderJson: outputs.some((o) => o.format === 'json'),
              ...(opts.previous ? { previous: opts.previous } : {}),
            },
            io.env,
          ),
          { spool },
        );
        progress.finish();
        await refuseUnsafeOutputs(targets, inputs);
        await writeReports(
          report,
          outputs,
          { catalogue, lang: opts.lang, prerendered, streamed, color: useColor(io) },
          io,
        );
        setExit(streamed ? summaryExitCode(report) : exitCode(report));
      } finally {
        spool?.close();
      }
    });
}

/** A spool beside the first report file (the disk that will hold the report), else in the temporary directory. */
async function jsonSpool(outputs: OutputSpec[]): Promise<SystemSpool> {
  const { SystemSpool } = await import('../../run/spool.js');
  const file = outputs.find((o) => o.file)?.file;
  return new SystemSpool(file ? dirname(resolve(file)) : tmpdir());
}

/**
 * Each output in its format: to its file (never coloured), or to standard output. The files are
 * renamed into place only once all are written, so a failure leaves every earlier report as it was.
 */
async function writeReports(
  report: Report,
  outputs: OutputSpec[],
  ctx: Omit<FormatContext, 'color'> & { prerendered: ReadonlyMap<SystemReport, Uint8Array>; color: boolean },
  io: CliIo,
): Promise<void> {
  const render = (o: OutputSpec) => {
    const formatter = FORMATTERS[o.format];
    const c = { ...ctx, color: o.file ? false : ctx.color && o.format === 'text' };
    return formatter.chunks ? formatter.chunks(report, c) : [formatter.render(report, c)];
  };
  await writeOutputFiles(
    outputs.map((o) =>
      o.file
        ? { file: o.file, pieces: () => render(o) }
        : {
            stdout: () => {
              for (const p of render(o)) io.stdout(p);
            },
          },
    ),
  );
}
