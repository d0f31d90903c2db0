// Every message tuanthu shows, in both languages (src/i18n/messages/), and input errors in the
// run's language end to end.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { inLanguage, localized, messageKey, t } from '../../src/i18n/index.js';
import { en } from '../../src/i18n/messages/en.js';
import { vi } from '../../src/i18n/messages/vi.js';
import { NOT_REASONS_VI } from '../../src/io/descriptor/schema.js';
import type { InputError } from '../../src/model/types.js';
import { AS_OF, ROOT, ruleDirs } from '../helpers.js';

const placeholders = (t: string) => [...t.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

/** Messages whose Vietnamese is rightly the English: a parser's own words, and a CDKTF term. */
const SAME_IN_BOTH = ['input.verbatim', 'schema.other', 'text.construct'];

describe('message tables', () => {
  it('has every message in both languages, with the same parameters, and Vietnamese that is not the English', () => {
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    for (const [key, m] of Object.entries(en)) {
      const v = vi[key as keyof typeof vi];
      expect(m.trim(), key).not.toBe('');
      expect(v.trim(), key).not.toBe('');
      expect(placeholders(v), `${key}: same placeholders`).toEqual(placeholders(m));
      if (!SAME_IN_BOTH.includes(key)) expect(v, key).not.toBe(m);
    }
  });

  it('has no message the code never uses', () => {
    const code = sourceFiles(join(ROOT, 'src'))
      .filter((f) => !f.includes(join('src', 'i18n', 'messages')))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    // Codes and enumerated values also come from the policies and the schemas.
    const rego = ruleDirs().map((r) => readFileSync(join(r.dir, `${r.key}.rego`), 'utf8'));
    const values = [
      code,
      ...rego,
      ...['policies/tuanthu/main/main.rego', 'schemas/system.schema.json', 'schemas/waivers.schema.json'].map((f) =>
        readFileSync(join(ROOT, f), 'utf8'),
      ),
    ].join('\n');
    // Families that name the values of rule-message parameters, looked up by src/i18n/vocabulary.ts.
    const vocabulary = readFileSync(join(ROOT, 'src/i18n/vocabulary.ts'), 'utf8');
    const VOCABULARY = ['severity.', 'grade.', 'sector.', 'stage.'];
    for (const f of VOCABULARY) expect(vocabulary, f).toContain(`'${f.slice(0, -1)}'`);
    const unused = Object.keys(en).filter((key) => {
      if (code.includes(`'${key}'`)) return false;
      // A key made from a family and a value (t(`stage.${s}`, lang), messageKey('reason', code)):
      // the family is looked up so, and the value appears as a literal somewhere.
      for (let i = key.length - 1; i > 0; i--) {
        if (key[i] !== '.' && key[i] !== '_') continue;
        const family = key.slice(0, i + 1);
        const value = key.slice(i + 1);
        const dynamic =
          VOCABULARY.includes(family) ||
          code.includes(`\`${family}\${`) ||
          (key[i] === '.' && code.includes(`messageKey('${family.slice(0, -1)}'`));
        if (dynamic && (values.includes(`'${value}'`) || values.includes(`"${value}"`))) return false;
      }
      return true;
    });
    expect(unused).toEqual([]);
  });

  it('fills parameters: plain numbers as flags take them, text as it is, and each language its own part', () => {
    const kind = { en: 'JSON text', vi: 'văn bản JSON' };
    expect(localized('input.binary', { kind })).toEqual({
      en: 'the file is binary (it contains NUL bytes), not JSON text',
      vi: 'tệp là tệp nhị phân (có byte NUL), không phải văn bản JSON',
    });
    expect(localized('input.too-large', { size: 209715200, limit: 20971520 }).vi).toBe(
      'tệp có 209715200 byte, vượt giới hạn 20971520 byte (nâng giới hạn bằng --max-file-size)',
    );
    const problem = { file: 'a.yaml', line: 1, column: 1, code: 'empty', message: localized('input.empty') };
    expect(inLanguage([problem], 'vi')).toEqual([
      { file: 'a.yaml', line: 1, column: 1, code: 'empty', message: 'tệp rỗng' },
    ]);
    expect(inLanguage([problem], 'en')[0]!.message).toBe('the file is empty');
  });

  it('looks up a message in a language, filling numbers in its notation and leaving a missing parameter visible', () => {
    expect(t('report.summary', 'vi')).toBe('Tóm tắt');
    expect(t('debt.gate_overall_no_go', { blocked: 1, n: 1200 }, 'en')).toBe(
      'Verdict: NO-GO (1 of 1,200 system(s) blocked)',
    );
    expect(t('debt.gate_overall_no_go', { blocked: 1, n: 1200 }, 'vi')).toBe(
      'Kết luận: KHÔNG ĐƯỢC PHÉP (1/1.200 hệ thống bị chặn)',
    );
    expect(t('debt.gate_go', 'en')).toBe('GO — may go live on {as_of}');
    expect(messageKey('reason', 'stage')).toBe('reason.stage');
    expect(messageKey('reason', 'no_such_code')).toBeUndefined();
    expect(messageKey('reason', 'toString')).toBeUndefined();
  });

  it('translates every schema reason it names, and names only reasons the schemas give', () => {
    const schemas = readdirSync(join(ROOT, 'schemas'))
      .map((f) => readFileSync(join(ROOT, 'schemas', f), 'utf8'))
      .join('\n');
    for (const en of Object.keys(NOT_REASONS_VI)) expect(schemas).toContain(JSON.stringify(en));
  });
});

describe('input errors with --lang', () => {
  const inputs = [
    'tests/fixtures/hostile',
    'tests/fixtures/bad',
    'tests/fixtures/iac',
    'examples/mof-public-services/system.yaml',
  ];
  const run = async (lang: string) => {
    const r = await execa(
      'node',
      [
        join(ROOT, 'bin/tuanthu.js'),
        'check',
        ...inputs,
        '--waivers',
        'tests/fixtures/waivers/bad/tuanthu.waivers.yaml',
        '--lang',
        lang,
        '--as-of',
        AS_OF,
        '--format',
        'json',
      ],
      { cwd: ROOT, reject: false },
    );
    expect(r.exitCode).toBe(2);
    return (JSON.parse(r.stdout) as { errors: InputError[] }).errors;
  };

  it('reports the same errors at the same places in both languages, each message in its own', async () => {
    const [en, vi] = await Promise.all([run('en'), run('vi')]);
    expect(en.length).toBeGreaterThan(30);
    expect(vi.map(({ message: _, ...at }) => at)).toEqual(en.map(({ message: _, ...at }) => at));
    for (const [i, e] of vi.entries())
      expect(e.message, `${e.file}:${e.line}:${e.column} ${e.code}`).not.toBe(en[i]!.message);
    const byFile = (errors: InputError[], file: string) => errors.find((e) => e.file === file)!.message;
    expect(byFile(vi, 'tests/fixtures/hostile/utf16le-bom.yaml')).toBe(
      'tệp được mã hoá UTF-16; hãy lưu lại ở dạng UTF-8',
    );
    expect(byFile(vi, 'tests/fixtures/hostile/top-level-list.yaml')).toBe(
      'hồ sơ mô tả phải là một ánh xạ có apiVersion, kind, system…; nội dung tệp này: một danh sách',
    );
    // A parser's own words (yaml, jsonc-parser, hcl2json) stay, inside the Vietnamese frame.
    expect(byFile(vi, 'tests/fixtures/hostile/tabs.yaml')).toBe('lỗi YAML: Tabs are not allowed as indentation');
    expect(byFile(vi, 'tests/fixtures/iac/malformed.tf.json')).toBe('JSON sai cú pháp: property name expected');
    expect(byFile(vi, 'tests/fixtures/iac/bad-hcl/main.tf')).toMatch(/^HCL sai cú pháp: Invalid expression/);
    // Waivers are validated in the run's language too (they were always English before).
    expect(vi.filter((e) => e.file.includes('waivers')).map((e) => e.message)).toContain(
      '"waivers.1.path" không được phép ở đây: chỉ ghi path hoặc resource, không ghi cả hai',
    );
  });
});
