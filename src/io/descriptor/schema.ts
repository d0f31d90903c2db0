import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv2020 as Ajv2020Type, ErrorObject, Options, ValidateFunction } from 'ajv/dist/2020.js';
import type { FormatsPlugin } from 'ajv-formats';
import type { InputProblem } from '../../model/types.js';
import { isIsoDate } from '../../util/dates.js';
import { locate, type SourceDoc } from './source.js';
import { assetPath } from '../../util/assets.js';

// ajv and ajv-formats are CommonJS, loaded on demand: when `npm run build` has precompiled the
// schema (scripts/build-validators.mjs → dist/io/descriptor/validators/), a run never loads ajv at all,
// which saves most of a cold start (see docs/benchmarks.md).
const require = createRequire(import.meta.url);

/** The one ajv configuration, used at run time and by the build step that precompiles validators. */
export function newAjv(code?: Options['code']): Ajv2020Type {
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as FormatsPlugin;
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true, ...(code ? { code } : {}) });
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
    const pointer = e.keyword === 'additionalProperties' ? `${e.instancePath}/${String(e.params.additionalProperty)}` : e.instancePath;
    const { line, column } = locate(source, pointer);
    return { file: source.file, line, column, code: `schema-${e.keyword}`, path: pointer || '/', message: { en: plainMessage(e, schemaFile, 'en'), vi: plainMessage(e, schemaFile, 'vi') } };
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

type Lang = 'vi' | 'en';

function where(e: ErrorObject, lang: Lang): string {
  if (e.instancePath === '') return lang === 'vi' ? 'tài liệu' : 'the document';
  return `"${e.instancePath.slice(1).replace(/\//g, '.')}"`;
}

const TYPE_NAMES: Record<string, Record<Lang, string>> = {
  object: { en: 'a mapping (key: value)', vi: 'một ánh xạ (khoá: giá trị)' },
  array: { en: 'a list', vi: 'một danh sách' },
  string: { en: 'text', vi: 'văn bản' },
  integer: { en: 'a whole number', vi: 'một số nguyên' },
  number: { en: 'a number', vi: 'một số' },
  boolean: { en: 'true or false', vi: 'true hoặc false' },
};

function typeName(type: string, lang: Lang): string {
  return type
    .split(',')
    .map((t) => TYPE_NAMES[t]?.[lang] ?? t)
    .join(lang === 'vi' ? ' hoặc ' : ' or ');
}

/** Vietnamese for the descriptions (English in schemas/) that say why a schema forbids a value. */
export const NOT_REASONS_VI: Record<string, string> = {
  'give either path or resource, not both': 'chỉ ghi path hoặc resource, không ghi cả hai',
};

/** Plain-words explanation of one ajv error, in the user's language. */
function plainMessage(e: ErrorObject, schemaFile: string, lang: Lang): string {
  const p = e.params as Record<string, unknown>;
  const w = where(e, lang);
  const vi = lang === 'vi';
  switch (e.keyword) {
    case 'required':
      return vi ? `${w} thiếu trường bắt buộc "${String(p.missingProperty)}"` : `${w} is missing the required field "${String(p.missingProperty)}"`;
    case 'additionalProperties':
      return vi
        ? `trường lạ "${String(p.additionalProperty)}" trong ${w} (kiểm tra chính tả theo schemas/${schemaFile})`
        : `unknown field "${String(p.additionalProperty)}" in ${w} (check the spelling against schemas/${schemaFile})`;
    case 'type':
      return vi ? `${w} phải là ${typeName(String(p.type), lang)}` : `${w} must be ${typeName(String(p.type), lang)}`;
    case 'enum': {
      const values = (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return vi ? `${w} phải là một trong: ${values}` : `${w} must be one of: ${values}`;
    }
    case 'const':
      return vi ? `${w} phải là ${JSON.stringify(p.allowedValue)}` : `${w} must be ${JSON.stringify(p.allowedValue)}`;
    case 'format':
      if (p.format === 'date') return vi ? `${w} phải là ngày có thật, viết dạng YYYY-MM-DD` : `${w} must be a real date written YYYY-MM-DD`;
      return vi ? `${w} phải là ${String(p.format)} hợp lệ` : `${w} must be a valid ${String(p.format)}`;
    case 'pattern':
      return vi ? `${w} sai định dạng (cần khớp ${String(p.pattern)})` : `${w} has an invalid format (expected to match ${String(p.pattern)})`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return vi ? `${w} phải ${String(p.comparison)} ${String(p.limit)}` : `${w} must be ${String(p.comparison)} ${String(p.limit)}`;
    case 'minLength':
      if (Number(p.limit) > 1) return vi ? `${w} phải dài ít nhất ${String(p.limit)} ký tự` : `${w} must be at least ${String(p.limit)} characters long`;
      return vi ? `${w} không được để trống` : `${w} must not be empty`;
    case 'not': {
      // verbose mode gives the schema that forbids the value; its description says why.
      const why = (e.parentSchema as { description?: unknown } | undefined)?.description;
      const tail = typeof why === 'string' ? `: ${(vi ? NOT_REASONS_VI[why] : undefined) ?? why}` : '';
      return vi ? `${w} không được phép ở đây${tail}` : `${w} is not allowed here${tail}`;
    }
    case 'uniqueItems':
      return vi
        ? `${w} có giá trị lặp lại (mục ${String(p.j)} và ${String(p.i)})`
        : `${w} lists the same value twice (items ${String(p.j)} and ${String(p.i)})`;
    default:
      return `${w} ${e.message ?? (vi ? 'không hợp lệ' : 'is invalid')}`;
  }
}
