// One definition of blank text (src/util/text.ts): the schemas' pattern, the waiver checks and the
// rule-settings checks agree on every character of the Basic Multilingual Plane.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMeaningful } from '../../src/engine/rule-settings.js';
import { invalidReason, sameName } from '../../src/engine/waivers/validity.js';
import type { Waiver } from '../../src/model/waiver.js';
import { isBlank, VISIBLE_TEXT } from '../../src/util/text.js';
import { ROOT } from '../helpers.js';

const schemaPatterns = readdirSync(join(ROOT, 'schemas'))
  .filter((f) => f.endsWith('.schema.json'))
  .flatMap((f) =>
    [...readFileSync(join(ROOT, 'schemas', f), 'utf8').matchAll(/"pattern":\s*("(?:[^"\\]|\\.)*")/g)].map(
      (m) => JSON.parse(m[1]!) as string,
    ),
  )
  .filter((p) => p.startsWith('[^\\s'));

const waiver = (name: string): Waiver => ({
  rule: 'LVL-02',
  system: 's',
  justification: 'a reason long enough',
  approvedBy: { name, title: 'x' },
  approved: '2026-10-01',
  expires: '2026-12-31',
  location: { file: 'w.yaml', line: 1, column: 1 },
});
const headProblem = (head: string, approver = head) =>
  invalidReason(waiver(approver), { asOf: '2026-11-23', maxDays: 180, ruleSeverity: 'critical', accountableHead: head })
    ?.code;

// Every BMP character the schemas' pattern calls blank, and a sample of the visible ones.
const bmp = Array.from({ length: 0x10000 }, (_, i) => i)
  .filter((i) => i < 0xd800 || i > 0xdfff)
  .map((i) => String.fromCharCode(i));
const schemaBlank = bmp.filter((c) => !new RegExp(VISIBLE_TEXT, 'u').test(c));

describe('blank text', () => {
  it('is the pattern every schema uses for text a person must write', () => {
    expect(schemaPatterns.length).toBeGreaterThan(5);
    for (const p of schemaPatterns) expect(p).toBe(VISIBLE_TEXT);
  });

  it('includes the directional embeddings and overrides U+202A–U+202E', () => {
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E']) expect(schemaBlank).toContain(c);
  });

  it('means the same to the schema, the waiver checks and the rule settings, character by character', () => {
    const disagree = bmp.filter((c) => {
      const blank = schemaBlank.includes(c);
      const head = headProblem(` ${c}${c} `) === 'critical-no-head';
      return isBlank(c) !== blank || isMeaningful(c) === blank || head !== blank;
    });
    expect(disagree.map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)).toEqual([]);
  });

  it('is not part of a name: an override around a name still names the head', () => {
    expect(sameName('\u202ELê Văn Cường\u202C', 'Lê Văn Cường')).toBe(true);
    expect(sameName('\u202E\u202C', '\u202E\u202C')).toBe(false);
    expect(headProblem('\u202A\u202C', '\u202A\u202C')).toBe('critical-no-head');
  });
});
