import { describe, expect, it } from 'vitest';
import { defaultLang, parseFormatSpec } from '../../src/cli/options.js';
import { collectDayNumbers, dayNumber, isIsoDate } from '../../src/util/dates.js';
import { exitCode } from '../../src/engine/exit-code.js';
import { parseSource, locate } from '../../src/io/descriptor/source.js';
import { interpolate } from '../../src/i18n/interpolate.js';
import type { Finding, Report, Severity } from '../../src/model/types.js';

function report(
  findings: Array<{ severity: Severity; status?: 'violation' | 'due' }>,
  errors = 0,
  failOn: Severity = 'high',
): Report {
  return {
    failOn,
    errors: Array.from({ length: errors }, () => ({ file: 'x', code: 'syntax', message: 'bad' })),
    systems: [{ findings: findings.map((f) => ({ status: 'violation', ...f }) as Finding) }],
  } as unknown as Report;
}

describe('exitCode', () => {
  it('is 0 without findings at or above the threshold', () => {
    expect(exitCode(report([]))).toBe(0);
    expect(exitCode(report([{ severity: 'medium' }]))).toBe(0);
  });
  it('is 1 with a violation at or above the threshold', () => {
    expect(exitCode(report([{ severity: 'high' }]))).toBe(1);
    expect(exitCode(report([{ severity: 'low' }], 0, 'low'))).toBe(1);
  });
  it('ignores due findings whatever the threshold', () => {
    expect(exitCode(report([{ severity: 'info', status: 'due' }], 0, 'info'))).toBe(0);
  });
  it('is 2 when an input could not be checked, even with findings', () => {
    expect(exitCode(report([{ severity: 'critical' }], 1))).toBe(2);
  });
});

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
    expect(dayNumber('1970-01-02')).toBe(1);
    // Answers are remembered: asking again, in any order, gives the same ones.
    for (const d of ['2026-02-30', '2026-02-28', '2026-02-30', '1970-01-02'])
      expect(dayNumber(d)).toBe(d === '2026-02-30' ? undefined : d === '1970-01-02' ? 1 : 20512);
  });
  it('skips keys an object inherits when collecting', () => {
    const o = Object.create({ inherited: '2026-01-01' }) as Record<string, unknown>;
    o.own = '2026-01-11';
    expect(collectDayNumbers(o)).toEqual({ '2026-01-11': 20464 });
    expect(collectDayNumbers(JSON.parse('{"__proto__": "2026-01-01"}'))).toEqual({ '2026-01-01': 20454 });
  });
  it('collects day numbers from nested values', () => {
    expect(collectDayNumbers({ a: ['2026-01-01', { b: '2026-01-11' }], c: 'x' })).toEqual({
      '2026-01-01': 20454,
      '2026-01-11': 20464,
    });
  });
});

describe('locate', () => {
  const loaded = parseSource(Buffer.from('a:\n  b: 1\n  c:\n    - x\n    - y\n'), 'f.yaml');
  if (!loaded.ok) throw new Error('fixture');
  it('finds values by JSON pointer', () => {
    expect(locate(loaded.source, '/a/b')).toEqual({ line: 2, column: 6 });
    expect(locate(loaded.source, '/a/c/1')).toEqual({ line: 5, column: 7 });
  });
  it('falls back to the nearest existing ancestor for a missing field', () => {
    expect(locate(loaded.source, '/a/missing/deeper')).toEqual({ line: 1, column: 1 });
    expect(locate(loaded.source, '/a/b/x')).toEqual({ line: 2, column: 6 });
  });
});

describe('parseSource', () => {
  it('rejects duplicate keys, UTF-16, binary and empty files with positions', () => {
    const dup = parseSource(Buffer.from('a: 1\na: 2\n'), 'd.yaml');
    expect(dup.ok).toBe(false);
    if (!dup.ok)
      expect(dup.errors[0]).toMatchObject({
        line: 2,
        column: 1,
        message: { en: expect.stringContaining('appears twice'), vi: expect.stringContaining('xuất hiện hai lần') },
      });
    const u16 = parseSource(Buffer.from([0xff, 0xfe, 0x61, 0x00]), 'u.yaml');
    expect(!u16.ok && u16.errors[0]?.message.en).toContain('UTF-16');
    const bin = parseSource(Buffer.from([0x00, 0x01, 0x02]), 'b.yaml');
    expect(!bin.ok && bin.errors[0]?.message.en).toContain('binary');
    const empty = parseSource(Buffer.from('  \n'), 'e.yaml');
    expect(!empty.ok && empty.errors[0]?.message.en).toContain('empty');
  });
  it('refuses alias bombs', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(', ')}]`,
      );
    const r = parseSource(Buffer.from(bomb.join('\n')), 'bomb.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.message.en).toContain('alias');
  });
});

describe('cli helpers', () => {
  it('parses repeatable --format specs', () => {
    expect(parseFormatSpec('json=out.json', parseFormatSpec('text'))).toEqual([
      { format: 'text' },
      { format: 'json', file: 'out.json' },
    ]);
    expect(() => parseFormatSpec('pdf')).toThrow(/unknown format/);
    expect(() => parseFormatSpec('json=')).toThrow(/file name/);
  });
  it('defaults to Vietnamese for a Vietnamese locale only', () => {
    expect(defaultLang({ LANG: 'vi_VN.UTF-8' })).toBe('vi');
    expect(defaultLang({ LC_ALL: 'vi', LANG: 'en_US' })).toBe('vi');
    expect(defaultLang({ LANG: 'en_US.UTF-8' })).toBe('en');
  });
  it('renders templates with locale-aware numbers and leaves unknown placeholders visible', () => {
    expect(interpolate('{a} of {b} {c}', { a: 1500000, b: 'x' }, 'vi')).toBe('1.500.000 of x {c}');
    expect(interpolate('{a}', { a: 1500000 }, 'en')).toBe('1,500,000');
  });
});

describe('message parameters', () => {
  it('shows enumerated values in the user language, keeping the raw params', async () => {
    const { messageFor } = await import('../../src/engine/catalogue.js');
    const meta = {
      title: { en: 't', vi: 't' },
      messages: { m: { en: '{severity} bug, grade {grade}', vi: 'lỗi mức {severity}, độ mật {grade}' } },
    } as never;
    const params = { severity: 'high', grade: 'toi_mat' };
    expect(messageFor(meta, 'm', params, 'vi')).toBe('lỗi mức cao, độ mật tối mật');
    expect(messageFor(meta, 'm', params, 'en')).toBe('high bug, grade secret (tối mật)');
    expect(params).toEqual({ severity: 'high', grade: 'toi_mat' });
  });
  it('formats a number the same way however often it is seen, -0 apart from 0', async () => {
    const { formatParam } = await import('../../src/i18n/index.js');
    for (let i = 0; i < 2; i++) {
      expect(formatParam(1234567.891, 'en')).toBe('1,234,567.89');
      expect(formatParam(1234567.891, 'vi')).toBe('1.234.567,89');
      expect(formatParam(0, 'en')).toBe('0');
      expect(formatParam(-0, 'en')).toBe('-0');
    }
  });
});
