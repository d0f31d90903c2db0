import { readFileSync } from 'node:fs';
import { Argument, type Command } from 'commander';
import { assetPath } from '../../util/assets.js';

type Io = { stdout: (s: string) => void };

/** The JSON schemas shipped in schemas/, by the name `tuanthu schema` takes. */
export const SCHEMA_NAMES = ['system', 'waivers', 'baseline', 'report', 'config'] as const;

/**
 * `tuanthu schema [name]`: a shipped JSON schema on standard output, so that an editor can check a
 * descriptor against a file that exists (its $id names no server to fetch it from).
 */
export function registerSchema(program: Command, io: Io): void {
  program
    .command('schema')
    .description("print a JSON schema (the descriptor's by default) for editors: save it and point $schema at the file")
    .addArgument(new Argument('[name]', 'which schema').choices(SCHEMA_NAMES).default('system'))
    .addHelpText(
      'after',
      `
Save the output (tuanthu schema > system.schema.json) and name it at the top of a YAML descriptor:
  # yaml-language-server: $schema=./system.schema.json
or, where tuanthu is installed, name the shipped file, relative to the descriptor:
  # yaml-language-server: $schema=./node_modules/tuanthu/schemas/system.schema.json

Examples:
  $ tuanthu schema
  $ tuanthu schema waivers`,
    )
    .action((name: (typeof SCHEMA_NAMES)[number]) => {
      io.stdout(readFileSync(assetPath('schemas', `${name}.schema.json`), 'utf8'));
    });
}
