import type { Command } from 'commander';
import { gateExitCode } from '../../engine/exit-code.js';
import type { Lang, Severity } from '../../model/types.js';
import { configPaths } from '../config.js';
import type { CliIo } from '../io.js';
import { addFailOnOption, addInputOptions, addTextJsonFormatOption, type InputOpts, lintOptions } from '../options.js';

/** `tuanthu gate <paths...>`: may these systems go live on --as-of? */
export function registerGate(program: Command, io: CliIo, lang: Lang, setExit: (code: number) => void): void {
  const gate = program
    .command('gate')
    .description(
      'the go-live gate: may these systems go live on --as-of? (check at stage pre-production; critical rules cannot be waived)',
    )
    .argument('[paths...]', 'descriptor files or directories (default: paths in .tuanthu.yaml)');
  addFailOnOption(gate, 'findings at or above this severity block go-live');
  addTextJsonFormatOption(gate, 'text verdict or json');
  addInputOptions(gate, { lang, stage: false })
    .addHelpText(
      'after',
      '\nExit codes: 0 may go live; 1 blocked; 2 usage or input error.\n\nExample:\n  $ tuanthu gate examples/province-land-portal/system.yaml --as-of 2026-12-01',
    )
    .action(async (given: string[], o: InputOpts & { failOn: Severity; format: 'text' | 'json' }, cmd: Command) => {
      const paths = configPaths(cmd, given);
      const [{ lintFiles }, { gateVerdict }, { renderGateJson, renderGateText }] = await Promise.all([
        import('../../run/lint-files.js'),
        import('../../engine/gate.js'),
        import('../../format/gate-text.js'),
      ]);
      const report = await lintFiles(paths, lintOptions(o, { stage: 'pre-production' }, io.env));
      const verdict = gateVerdict(report);
      io.stdout(o.format === 'json' ? renderGateJson(verdict) : renderGateText(report, verdict, o.lang));
      setExit(gateExitCode(verdict));
    });
}
