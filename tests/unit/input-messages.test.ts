// Input errors in the run's language: the catalogue of their messages, and the CLI end to end.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { INPUT_MESSAGES, inLanguage, inputMessage } from '../../src/i18n/input-messages.js';
import { NOT_REASONS_VI } from '../../src/io/descriptor/schema.js';
import type { InputError } from '../../src/model/types.js';
import { AS_OF, ROOT } from '../helpers.js';

const placeholders = (t: string) => [...t.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}

describe('input message catalogue', () => {
  it('has every message in both languages, with the same parameters, and Vietnamese that is not the English', () => {
    for (const [key, m] of Object.entries(INPUT_MESSAGES)) {
      expect(m.en.trim(), key).not.toBe('');
      expect(m.vi.trim(), key).not.toBe('');
      expect(placeholders(m.vi), `${key}: same placeholders`).toEqual(placeholders(m.en));
      if (key !== 'verbatim') expect(m.vi, key).not.toBe(m.en);
    }
  });

  it('has no message the code never uses', () => {
    const code = sourceFiles(join(ROOT, 'src'))
      .filter((f) => !f.endsWith('input-messages.ts'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const key of Object.keys(INPUT_MESSAGES)) expect(code, key).toContain(`'${key}'`);
  });

  it('fills parameters: plain numbers as flags take them, text as it is, and each language its own part', () => {
    const kind = { en: 'JSON text', vi: 'văn bản JSON' };
    expect(inputMessage('binary', { kind })).toEqual({ en: 'the file is binary (it contains NUL bytes), not JSON text', vi: 'tệp là tệp nhị phân (có byte NUL), không phải văn bản JSON' });
    expect(inputMessage('too-large', { size: 209715200, limit: 20971520 }).vi).toBe('tệp có 209715200 byte, vượt giới hạn 20971520 byte (nâng giới hạn bằng --max-file-size)');
    const problem = { file: 'a.yaml', line: 1, column: 1, code: 'empty', message: inputMessage('empty') };
    expect(inLanguage([problem], 'vi')).toEqual([{ file: 'a.yaml', line: 1, column: 1, code: 'empty', message: 'tệp rỗng' }]);
    expect(inLanguage([problem], 'en')[0]!.message).toBe('the file is empty');
  });

  it('translates every schema reason it names, and names only reasons the schemas give', () => {
    const schemas = readdirSync(join(ROOT, 'schemas')).map((f) => readFileSync(join(ROOT, 'schemas', f), 'utf8')).join('\n');
    for (const en of Object.keys(NOT_REASONS_VI)) expect(schemas).toContain(JSON.stringify(en));
  });
});

describe('input errors with --lang', () => {
  const inputs = ['tests/fixtures/hostile', 'tests/fixtures/bad', 'tests/fixtures/iac', 'examples/mof-public-services/system.yaml'];
  const run = async (lang: string) => {
    const r = await execa('node', [join(ROOT, 'bin/tuanthu.js'), 'check', ...inputs, '--waivers', 'tests/fixtures/waivers/bad/tuanthu.waivers.yaml', '--lang', lang, '--as-of', AS_OF, '--format', 'json'], { cwd: ROOT, reject: false });
    expect(r.exitCode).toBe(2);
    return (JSON.parse(r.stdout) as { errors: InputError[] }).errors;
  };

  it('reports the same errors at the same places in both languages, each message in its own', async () => {
    const [en, vi] = await Promise.all([run('en'), run('vi')]);
    expect(en.length).toBeGreaterThan(30);
    expect(vi.map(({ message: _, ...at }) => at)).toEqual(en.map(({ message: _, ...at }) => at));
    for (const [i, e] of vi.entries()) expect(e.message, `${e.file}:${e.line}:${e.column} ${e.code}`).not.toBe(en[i]!.message);
    const byFile = (errors: InputError[], file: string) => errors.find((e) => e.file === file)!.message;
    expect(byFile(vi, 'tests/fixtures/hostile/utf16le-bom.yaml')).toBe('tệp được mã hoá UTF-16; hãy lưu lại ở dạng UTF-8');
    expect(byFile(vi, 'tests/fixtures/hostile/top-level-list.yaml')).toBe('hồ sơ mô tả phải là một ánh xạ có apiVersion, kind, system…; nội dung tệp này: một danh sách');
    // A parser's own words (yaml, jsonc-parser, hcl2json) stay, inside the Vietnamese frame.
    expect(byFile(vi, 'tests/fixtures/hostile/tabs.yaml')).toBe('lỗi YAML: Tabs are not allowed as indentation');
    expect(byFile(vi, 'tests/fixtures/iac/malformed.tf.json')).toBe('JSON sai cú pháp: property name expected');
    expect(byFile(vi, 'tests/fixtures/iac/bad-hcl/main.tf')).toMatch(/^HCL sai cú pháp: Invalid expression/);
    // Waivers are validated in the run's language too (they were always English before).
    expect(vi.filter((e) => e.file.includes('waivers')).map((e) => e.message)).toContain('"waivers.1.path" không được phép ở đây: chỉ ghi path hoặc resource, không ghi cả hai');
  });
});
