import { type Command, InvalidArgumentError, Option } from 'commander';
import { explainRule, lookupRule } from '../../engine/explain.js';
import { renderExplanationJson, renderRuleListJson } from '../../format/rules-json.js';
import { renderExplanation, renderRuleList } from '../../format/rules-text.js';
import { loadCatalogue } from '../../engine/catalogue.js';
import { complianceMatrix, loadCoverage } from '../../engine/coverage.js';
import { renderMatrix, renderMatrixJson, renderMatrixMarkdown } from '../../format/matrix.js';
import { LANGS, type Lang } from '../../model/types.js';

type Io = { stdout: (s: string) => void };
type RuleFormat = 'text' | 'json';
type MatrixFormat = RuleFormat | 'markdown';

/** `tuanthu rules` and `tuanthu explain <RULE-ID>`: the rule catalogue, from the compiled METADATA. */
export function addRuleCommands(program: Command, io: Io, lang: Lang): void {
  const langOption = () =>
    new Option('--lang <lang>', 'language').choices(LANGS).default(lang, 'vi for a Vietnamese locale, else en');
  const formatOption = () =>
    new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text');

  program
    .command('rules')
    .description('list every rule: id, severity, title, stages, due date, clauses (--by-clause: the compliance matrix)')
    .addOption(langOption())
    .addOption(
      new Option('-f, --format <format>', 'output format (markdown only with --by-clause)')
        .choices(['text', 'json', 'markdown'])
        .default('text'),
    )
    .option(
      '--by-clause',
      'the compliance matrix: every item of the four documents, what it requires, which rule checks it, at which stage, by which date',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ tuanthu rules                                  every rule, one line each
  $ tuanthu rules --by-clause --lang en            every item of the documents and what checks it
  $ tuanthu rules --by-clause --format markdown    the matrix as Markdown (docs/compliance-matrix.md)`,
    )
    .action((opts: { lang: Lang; format: MatrixFormat; byClause?: boolean }) => {
      const catalogue = loadCatalogue();
      if (opts.byClause) {
        const rows = complianceMatrix(loadCoverage(), catalogue, opts.lang);
        const render = { text: renderMatrix, json: renderMatrixJson, markdown: renderMatrixMarkdown }[opts.format];
        io.stdout(render(rows, opts.lang));
        return;
      }
      if (opts.format === 'markdown')
        throw new InvalidArgumentError('--format markdown is for the compliance matrix: add --by-clause');
      const rules = catalogue.rules;
      io.stdout(opts.format === 'json' ? renderRuleListJson(rules, opts.lang) : renderRuleList(rules, opts.lang));
    });

  program
    .command('explain')
    .description(
      'show one rule in full: what must hold, the clauses behind it, when it applies, its deadline, the fix and a passing snippet',
    )
    .argument('<rule-id>', 'rule id such as MON-03 (aliases such as PL4-02 work too)')
    .addOption(langOption())
    .addOption(formatOption())
    .action((id: string, opts: { lang: Lang; format: RuleFormat }) => {
      const found = lookupRule(loadCatalogue(), id);
      if (!found.found) {
        const hint = found.suggestions.length ? `; did you mean ${found.suggestions.join(', ')}?` : '';
        throw new InvalidArgumentError(`unknown rule "${id}"${hint} (run \`tuanthu rules\` for the list)`);
      }
      const e = explainRule(found.meta, opts.lang);
      io.stdout(opts.format === 'json' ? renderExplanationJson(e, opts.lang) : renderExplanation(e, opts.lang));
    });
}
