import type { Command } from 'commander';
import { inputExitCode } from '../../engine/exit-code.js';
import type { Lang } from '../../model/types.js';
import { ciInertJson, presentable } from '../../format/safe-text.js';
import { configPathsOrNone } from '../config.js';
import type { CliIo } from '../io.js';
import { addInputOptions, addTextJsonFormatOption, type InputOpts, lintOptions } from '../options.js';

/** `tuanthu waivers list [paths...]`: every waiver of a portfolio with its status. */
export function registerWaivers(program: Command, io: CliIo, lang: Lang, setExit: (code: number) => void): void {
  const waivers = program.command('waivers').description('compliance debt: the waivers of a portfolio');
  const list = waivers
    .command('list')
    .description('list every waiver with its status: active, expiring (30 days or less), expired, stale, invalid')
    .argument('[paths...]', 'descriptor files or directories (default: paths in .tuanthu.yaml, else .)');
  addTextJsonFormatOption(list, 'table or json');
  addInputOptions(list, { lang, stage: true })
    .addHelpText(
      'after',
      '\nExit codes: 0 listed; 2 usage or input error.\n\nExample:\n  $ tuanthu waivers list examples/ --as-of 2026-11-23',
    )
    .action(async (given: string[], o: InputOpts & { format: 'text' | 'json' }, cmd: Command) => {
      const paths = given.length > 0 ? given : (configPathsOrNone(cmd) ?? ['.']);
      const [{ lintFiles }, { renderWaiverTable, sortWaivers }, { inputErrorLine }] = await Promise.all([
        import('../../run/lint-files.js'),
        import('../../engine/waivers/list.js'),
        import('../../format/shared.js'),
      ]);
      const report = await lintFiles(paths, lintOptions(o, { allWaivers: true }, io.env));
      for (const e of report.errors) io.stderr(`${inputErrorLine(e)}\n`);
      // The table shows names and justifications made safe; the json keeps them exact.
      const records = sortWaivers(report.waivers ?? []);
      io.stdout(
        o.format === 'json'
          ? `${ciInertJson(JSON.stringify({ asOf: report.asOf, waivers: records }, null, 2))}\n`
          : renderWaiverTable(presentable(records), o.lang),
      );
      setExit(inputExitCode(report));
    });
}
