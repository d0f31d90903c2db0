// The commander program: one module per command under commands/, options from options.ts.
import { Command } from 'commander';
import { TOOL_VERSION } from '../model/version.js';
import { registerBaseline } from './commands/baseline.js';
import { registerCheck } from './commands/check.js';
import { registerGate } from './commands/gate.js';
import { registerInit } from './commands/init.js';
import { addRuleCommands } from './commands/rules.js';
import { registerSchema } from './commands/schema.js';
import { registerWaivers } from './commands/waivers.js';
import type { CliIo } from './io.js';
import { configure } from './config.js';
import { defaultLang } from './options.js';

export { defaultLang, parseFormatSpec } from './options.js';

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
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

Defaults come from a flag, else a TUANTHU_* environment variable, else .tuanthu.yaml (this directory
or a parent, up to the repository root), else the built-in default: see docs/configuration.md.
`,
    )
    .version(TOOL_VERSION)
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  const lang = defaultLang(io.env);
  // Options left at their defaults come from TUANTHU_* variables, else from .tuanthu.yaml.
  program.hook('preAction', (_program, action) => configure(action, io.env, io.cwd ?? process.cwd(), lang));
  registerCheck(program, io, lang, setExit);
  registerGate(program, io, lang, setExit);
  registerBaseline(program, io, lang, setExit);
  registerWaivers(program, io, lang, setExit);
  registerInit(program, io, lang, setExit);
  addRuleCommands(program, io, lang);
  registerSchema(program, io);
  return program;
}
