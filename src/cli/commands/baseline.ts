import { type Command, Option } from 'commander';
import { EXIT_PASS, EXIT_USAGE } from '../../engine/exit-code.js';
import type { Lang } from '../../model/types.js';
import { safeText } from '../../format/safe-text.js';
import { type CliIo, refuseUnsafeOutputs, writeOutputFile } from '../io.js';
import { configPaths } from '../config.js';
import { addInputOptions, type InputOpts, lintOptions } from '../options.js';

/** `tuanthu baseline create <paths...>`: record today's violations so that CI fails only on new ones. */
export function registerBaseline(program: Command, io: CliIo, lang: Lang, setExit: (code: number) => void): void {
  const baseline = program
    .command('baseline')
    .description('record the current violations so that CI fails only on new ones');
  const create = baseline
    .command('create')
    .description('write a baseline of the current violations (not waived, not merely due)')
    .argument('[paths...]', 'descriptor files or directories (default: paths in .tuanthu.yaml)')
    .addOption(new Option('-o, --output <file>', 'where to write it').default('tuanthu.baseline.json'));
  addInputOptions(create, { lang, stage: true })
    .addHelpText(
      'after',
      '\nExit codes: 0 written; 2 usage or input error (nothing written).\n\nExample (record once, then fail only on new violations):\n  $ tuanthu baseline create examples/ -o tuanthu.baseline.json\n  $ tuanthu check examples/ --baseline tuanthu.baseline.json',
    )
    .action(async (given: string[], o: InputOpts & { output: string }, cmd: Command) => {
      const paths = configPaths(cmd, given);
      const targets = [{ file: o.output, option: `-o ${o.output}` }];
      await refuseUnsafeOutputs(targets, [...paths, ...(o.waivers ?? [])]);
      const [{ runLint }, { baselineDocument }, { inputErrorLine }] = await Promise.all([
        import('../../run/lint-files.js'),
        import('../../engine/baseline/document.js'),
        import('../../format/shared.js'),
      ]);
      const { report, inputs } = await runLint(paths, lintOptions(o, {}, io.env));
      if (report.errors.length > 0) {
        // A baseline missing a system that could not be read would later flag all its findings as new.
        for (const e of report.errors) io.stderr(`${inputErrorLine(e)}\n`);
        io.stderr('tuanthu: baseline not written: fix the input errors first\n');
        setExit(EXIT_USAGE);
        return;
      }
      await refuseUnsafeOutputs(targets, inputs);
      const text = baselineDocument(report);
      await writeOutputFile(o.output, [text]);
      const n = (JSON.parse(text) as { findings: unknown[] }).findings.length;
      io.stdout(
        `${safeText(o.output)}: ${n} violation(s) of ${report.systems.length} system(s) as of ${report.asOf}\n`,
      );
      setExit(EXIT_PASS);
    });
}
