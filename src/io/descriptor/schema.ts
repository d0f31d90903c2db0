import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv2020 as Ajv2020Type, ErrorObject, Options, ValidateFunction } from 'ajv/dist/2020.js';
import type { FormatsPlugin } from 'ajv-formats';
import { messageKey, t } from '../../i18n/index.js';
import type { InputProblem, Lang } from '../../model/types.js';
import { isIsoDate } from '../../util/dates.js';
import { locate, type SourceDoc } from './source.js';
import { assetPath } from '../../util/assets.js';
import { closest } from '../../util/suggest.js';
import { VISIBLE_TEXT } from '../../util/text.js';

// ajv and ajv-formats are CommonJS, loaded on demand: when `npm run build` has precompiled the
// schema (scripts/build-validators.mjs → dist/io/descriptor/validators/), a run never loads ajv at all,
// which saves most of a cold start (see docs/benchmarks.md).
const require = createRequire(import.meta.url);

/** The one ajv configuration, used at run time and by the build step that precompiles validators. */
export function newAjv(code?: Options['code']): Ajv2020Type {
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as FormatsPlugin;
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    verbose: true,
    ...(code ? { code } : {}),
  });
  addFormats(ajv, ['date', 'email', 'uri']);
  // ajv-formats' "date" accepts 2026-02-30; ours does not.
  ajv.addFormat('date', { type: 'string', validate: isIsoDate });
  return ajv;
}

let cached: Map<string, ValidateFunction> | undefined;

export function schemaDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function validator(schemaFile: string): ValidateFunction {
  cached ??= new Map();
  let v = cached.get(schemaFile);
  if (!v) {
    const text = readFileSync(assetPath('schemas', schemaFile), 'utf8');
    v = precompiled(schemaFile, schemaDigest(text)) ?? newAjv().compile(JSON.parse(text) as object);
    cached.set(schemaFile, v);
  }
  return v;
}

/** The build's precompiled validator, if there is one for exactly this schema text. */
function precompiled(schemaFile: string, digest: string): ValidateFunction | undefined {
  let mod: { default: ValidateFunction; schemaSha256?: string };
  try {
    mod = require(`./validators/${schemaFile.replace(/\.json$/, '')}.cjs`) as typeof mod;
  } catch {
    return undefined;
  }
  if (mod.schemaSha256 !== digest) return undefined;
  const formats = require('./validators/formats.cjs') as { setDate?: (f: (s: string) => boolean) => void };
  formats.setDate?.(isIsoDate);
  return mod.default;
}

/** Validates a parsed file against one of the schemas in schemas/, reporting every problem. */
export function validateAgainst(schemaFile: string, source: SourceDoc): InputProblem[] {
  const validate = validator(schemaFile);
  if (validate(source.value)) return [];
  const errors = collapse(validate.errors ?? []);
  return errors.map((e) => {
    const pointer =
      e.keyword === 'additionalProperties'
        ? `${e.instancePath}/${String(e.params.additionalProperty)}`
        : e.instancePath;
    const { line, column } = locate(source, pointer);
    return {
      file: source.file,
      line,
      column,
      code: `schema-${e.keyword}`,
      path: pointer || '/',
      message: { en: plainMessage(e, schemaFile, 'en'), vi: plainMessage(e, schemaFile, 'vi') },
    };
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

function where(e: ErrorObject, lang: Lang): string {
  if (e.instancePath === '') return t('schema.document', lang);
  return `"${e.instancePath.slice(1).replace(/\//g, '.')}"`;
}

function typeName(type: string, lang: Lang): string {
  return type
    .split(',')
    .map((x) => {
      const k = messageKey('schema_type', x);
      return k ? t(k, lang) : x;
    })
    .join(` ${t('schema.or', lang)} `);
}

/** Vietnamese for the descriptions (English in schemas/) that say why a schema forbids a value. */
export const NOT_REASONS_VI: Record<string, string> = {
  'give either path or resource, not both': 'chỉ ghi path hoặc resource, không ghi cả hai',
  'give either system or agency, not both': 'chỉ ghi system hoặc agency, không ghi cả hai',
};

/** Plain-words explanation of one ajv error, in the user's language. */
function plainMessage(e: ErrorObject, schemaFile: string, lang: Lang): string {
  const p = e.params as Record<string, unknown>;
  const w = where(e, lang);
  switch (e.keyword) {
    case 'required':
      return t('schema.required', { where: w, field: String(p.missingProperty) }, lang);
    case 'additionalProperties': {
      const field = String(p.additionalProperty);
      // verbose mode gives the object's schema: its fields are the candidates for a misspelt one.
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const near = closest(field, known);
      const text = t('schema.additional_properties', { where: w, field, schema: schemaFile }, lang);
      return near.length
        ? `${text}; ${t('schema.did_you_mean', { fields: near.map((f) => `"${f}"`).join(', ') }, lang)}`
        : text;
    }
    case 'type':
      return t('schema.type', { where: w, type: typeName(String(p.type), lang) }, lang);
    case 'enum':
      return t(
        'schema.enum',
        { where: w, values: (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ') },
        lang,
      );
    case 'const':
      return t('schema.const', { where: w, value: JSON.stringify(p.allowedValue) }, lang);
    case 'format':
      if (p.format === 'date') return t('schema.format_date', { where: w }, lang);
      return t('schema.format', { where: w, format: String(p.format) }, lang);
    case 'pattern':
      if (p.pattern === VISIBLE_TEXT) return t('schema.blank', { where: w }, lang);
      return t('schema.pattern', { where: w, pattern: String(p.pattern) }, lang);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return t('schema.limit', { where: w, comparison: String(p.comparison), limit: String(p.limit) }, lang);
    case 'minLength':
      if (Number(p.limit) > 1) return t('schema.min_length', { where: w, limit: String(p.limit) }, lang);
      return t('schema.not_empty', { where: w }, lang);
    case 'not': {
      // verbose mode gives the schema that forbids the value; its description says why.
      const why = (e.parentSchema as { description?: unknown } | undefined)?.description;
      const tail = typeof why === 'string' ? `: ${(lang === 'vi' ? NOT_REASONS_VI[why] : undefined) ?? why}` : '';
      return t('schema.not', { where: w, why: tail }, lang);
    }
    case 'uniqueItems':
      return t('schema.unique_items', { where: w, i: String(p.i), j: String(p.j) }, lang);
    default:
      return t('schema.other', { where: w, detail: e.message ?? t('schema.invalid', lang) }, lang);
  }
}
