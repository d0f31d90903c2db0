/**
 * The values of a root module's input variables, in Terraform's order of precedence (later wins):
 * the variable's default, TF_VAR_<name> in the environment, terraform.tfvars,
 * terraform.tfvars.json, *.auto.tfvars(.json) in lexical order, then --var-file files and --var
 * values as given on the command line (files first, then single values).
 */
import type { IacVariables } from '../../../model/types.js';
import type { Obj } from './config.js';
export { autoVarFiles } from './var-files.js';
import { evalConfigValue, evaluate, FOR_BUDGET, parseExpression, type Scope } from './expressions.js';
import { ExprError, UNKNOWN, type Value } from './value.js';

/** Variable values from outside the configuration, as `check --var`/`--var-file` and the environment give them. */
export type VariableInputs = IacVariables;

/** The scope of a value given from outside: no names, its own budget. */
const noNames = (): Scope => ({
  root: (n) => {
    throw new ExprError(`${n} cannot be used in a variable value`);
  },
  budget: { left: FOR_BUDGET },
});

/**
 * A value given as text (--var, TF_VAR_): taken as a string for a variable of type string (or no
 * type), else read as an HCL expression (`--var 'zones=["a","b"]'`), as Terraform does.
 */
export function textValue(text: string, decl: Obj | undefined): Value {
  const type = typeof decl?.type === 'string' ? decl.type.replace(/^\$\{(.*)\}$/s, '$1').trim() : undefined;
  if (type === 'string') return text;
  // Untyped: a string, which the provider converts where its schema wants a number or a bool
  // (backup_retention_period = "1" is 1); converted here so that rules compare what apply would.
  if (type === undefined || type === 'any') {
    if (/^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(text)) return Number(text);
    return text === 'true' ? true : text === 'false' ? false : text;
  }
  try {
    const v = evaluate(parseExpression(text), noNames());
    return v === UNKNOWN ? text : v;
  } catch {
    return text;
  }
}

/** Combines the layers of values (each a name → value map, lowest precedence first). */
export function rootInputs(
  declared: Map<string, Obj>,
  layers: {
    env?: Record<string, string | undefined>;
    /** Parsed .tfvars files in precedence order: automatic ones, then --var-file. */
    files: Obj[];
    vars?: string[];
  },
): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const [k, v] of Object.entries(layers.env ?? {})) {
    if (!k.startsWith('TF_VAR_') || v === undefined) continue;
    const name = k.slice('TF_VAR_'.length);
    if (declared.has(name)) out.set(name, textValue(v, declared.get(name)));
  }
  for (const f of layers.files)
    for (const [name, v] of Object.entries(f)) {
      out.set(name, evalConfigValue(v, noNames()));
    }
  for (const pair of layers.vars ?? []) {
    const i = pair.indexOf('=');
    if (i <= 0) continue;
    const name = pair.slice(0, i).trim();
    out.set(name, textValue(pair.slice(i + 1), declared.get(name)));
  }
  return out;
}
