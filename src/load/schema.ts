import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import * as addFormatsModule from 'ajv-formats';
import type { FormatsPlugin } from 'ajv-formats';
import type { InputError } from '../types.js';
import { isIsoDate } from '../dates.js';
import { locate, type SourceDoc } from './source.js';
import { assetPath } from '../assets.js';

// ajv-formats is CJS; under NodeNext its default export arrives wrapped.
const addFormats = (addFormatsModule as unknown as { default: FormatsPlugin }).default;

let cached: Map<string, ValidateFunction> | undefined;

function validator(schemaFile: string): ValidateFunction {
  cached ??= new Map();
  let v = cached.get(schemaFile);
  if (!v) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
    addFormats(ajv, ['date', 'email', 'uri']);
    // ajv-formats' "date" accepts 2026-02-30; ours does not.
    ajv.addFormat('date', { type: 'string', validate: isIsoDate });
    v = ajv.compile(JSON.parse(readFileSync(assetPath('schemas', schemaFile), 'utf8')));
    cached.set(schemaFile, v);
  }
  return v;
}

/** Validates a parsed file against one of the schemas in schemas/, reporting every problem. */
export function validateAgainst(schemaFile: string, source: SourceDoc): InputError[] {
  const validate = validator(schemaFile);
  if (validate(source.value)) return [];
  const errors = collapse(validate.errors ?? []);
  return errors.map((e) => {
    const pointer = e.keyword === 'additionalProperties' ? `${e.instancePath}/${String(e.params.additionalProperty)}` : e.instancePath;
    const { line, column } = locate(source, pointer);
    return { file: source.file, line, column, code: `schema-${e.keyword}`, path: pointer || '/', message: plainMessage(e, schemaFile) };
  });
}

/** Drops the noise ajv adds around a real problem (e.g. "must match a schema in anyOf"). */
function collapse(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (e.keyword === 'if') return false;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function where(e: ErrorObject): string {
  return e.instancePath === '' ? 'the document' : `"${e.instancePath.slice(1).replace(/\//g, '.')}"`;
}

function plainMessage(e: ErrorObject, schemaFile: string): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${where(e)} is missing the required field "${String(p.missingProperty)}"`;
    case 'additionalProperties':
      return `unknown field "${String(p.additionalProperty)}" in ${where(e)} (check the spelling against schemas/${schemaFile})`;
    case 'type':
      return `${where(e)} must be ${article(String(p.type))}`;
    case 'enum':
      return `${where(e)} must be one of: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `${where(e)} must be ${JSON.stringify(p.allowedValue)}`;
    case 'format':
      return p.format === 'date' ? `${where(e)} must be a real date written YYYY-MM-DD` : `${where(e)} must be a valid ${String(p.format)}`;
    case 'pattern':
      return `${where(e)} has an invalid format (expected to match ${String(p.pattern)})`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${where(e)} must be ${String(p.comparison)} ${String(p.limit)}`;
    case 'minLength':
      return Number(p.limit) > 1 ? `${where(e)} must be at least ${String(p.limit)} characters long` : `${where(e)} must not be empty`;
    case 'not': {
      // verbose mode gives the schema that forbids the value; its description says why.
      const why = (e.parentSchema as { description?: unknown } | undefined)?.description;
      return `${where(e)} is not allowed here${typeof why === 'string' ? `: ${why}` : ''}`;
    }
    case 'uniqueItems':
      return `${where(e)} lists the same value twice (items ${String(p.j)} and ${String(p.i)})`;
    default:
      return `${where(e)} ${e.message ?? 'is invalid'}`;
  }
}

function article(type: string): string {
  const names: Record<string, string> = { object: 'a mapping (key: value)', array: 'a list', string: 'text', integer: 'a whole number', number: 'a number', boolean: 'true or false' };
  return type.split(',').map((t) => names[t] ?? t).join(' or ');
}
