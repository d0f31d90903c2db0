// The policies' blank text (lib.has_text, policies/tuanthu/lib/lib.rego) is src/util/text.ts's: a
// field of only white space and invisible characters is blank to a rule as it is to the schemas and
// the waiver checks, so that lint() given inputs no schema has seen judges them the same way.
import { describe, expect, it } from 'vitest';
import { sameName } from '../../src/engine/waivers/validity.js';
import { isBlank } from '../../src/util/text.js';
import { AS_OF, COMPLIANT, evaluate, mergePatch, readYaml } from '../helpers.js';

const base = readYaml(COMPLIANT);

/** LVL-02 reads the approver with lib.has_text: is `by` missing from the approval to the policy? */
const policyBlank = (by: string): boolean =>
  evaluate(mergePatch(base, { classification: { approval: { by } } }), AS_OF).findings.some(
    (f) => f.rule === 'LVL-02' && f.msg === 'incomplete',
  );

// Where the two definitions could part: white space, controls, format characters (zero-width and
// directional ones among them), separators; and a few visible characters.
const candidates = Array.from({ length: 0x10000 }, (_, i) => i)
  .filter((i) => i < 0xd800 || i > 0xdfff)
  .map((i) => String.fromCharCode(i))
  .filter((c) => /[\s\p{Cc}\p{Cf}\p{Z}]/u.test(c) || isBlank(c))
  .concat(['a', 'đ', '\u00A1', '\u0300']);

const hex = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

describe('blank text in the policies', () => {
  it('treats zero-width and directional characters as blank, as the schemas do', () => {
    for (const by of ['\u200B', '\u200C\u200D', ' \u2060 ', '\uFEFF', '\u00AD\u202E', '\u200B\u00A0\u3000'])
      expect(policyBlank(by), JSON.stringify(by)).toBe(true);
    expect(policyBlank('Bộ trưởng\u200B')).toBe(false);
  });

  it('agrees with src/util/text.ts character by character', () => {
    expect(candidates.length).toBeGreaterThan(100);
    const disagree = candidates.filter((c) => policyBlank(` ${c}${c} `) !== isBlank(` ${c}${c} `));
    expect(disagree.map(hex)).toEqual([]);
  });

  // LVL-04 compares the appraiser with the operator by lib.same_name, which is sameName's twin (but
  // for Unicode normalisation, which Rego lacks).
  it('compares names as the waiver checks do, character by character', () => {
    const operator = 'Cục Tin học và Thống kê tài chính';
    const sameToPolicy = (by: string): boolean =>
      evaluate(mergePatch(base, { classification: { appraisal: { by } } }), AS_OF).findings.some(
        (f) => f.rule === 'LVL-04' && f.msg === 'not_independent',
      );
    expect(sameToPolicy('CỤC TIN HỌC VÀ THỐNG KÊ TÀI CHÍNH\u200B')).toBe(true);
    const disagree = candidates.filter((c) => {
      const by = `Cục ${c}Tin học và${c}Thống kê tài chính${c}`;
      return sameToPolicy(by) !== sameName(by, operator);
    });
    expect(disagree.map(hex)).toEqual([]);
  });
});
