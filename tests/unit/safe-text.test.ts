// Untrusted text made safe for people and CI logs (src/format/safe-text.ts): what is escaped, how it
// shows, what is left alone, and the properties the formatters rely on (idempotent, no control left,
// plain text untouched, copy on write).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mdCode, mdEscape } from '../../src/format/markdown.js';
import { ciInertJson, escapeChar, presentable, safeLines, safeText } from '../../src/format/safe-text.js';
import { toUriReference } from '../../src/format/shared.js';

const RUNS = { seed: 20261207, numRuns: 500 };

/** What must never be left: controls but tab (and newline in safeLines), format characters, separators. */
const CONTROL = /(?!\t)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\uFFFE\uFFFF]/u;

/** Characters attackers use, mixed with plain and Vietnamese text. */
const hostileChar = fc.constantFrom(
  '\u001b',
  '\u001b[32m',
  '\u001b]8;;https://evil.example\u001b\\',
  '\u001b]52;c;cm0gLXJmIH4=\u0007',
  '\u009b2K',
  '\u0090q\u009c',
  '\r',
  '\n',
  '\t',
  '\u0000',
  '\u007f',
  '\u0085',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u200f',
  '\u061c',
  '\u200b',
  '\ufeff',
  '\u2028',
  '\u2029',
  '\u{e0041}',
  '\ud800',
  '\udfff',
  '\uffff',
  '::',
  '::error::',
  '##[',
  '##vso[',
  '\\',
  'PASS',
  'Đạt',
  ' ',
  'a',
);
const hostile = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.array(hostileChar, { maxLength: 12 }).map((a) => a.join('')),
  fc
    .array(fc.oneof(hostileChar, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 12 })
    .map((a) => a.join('')),
);

describe('safeText', () => {
  it('escapes controls visibly, with the notation a reader knows', () => {
    expect(safeText('a\u001b[31mb')).toBe('a\\x1b[31mb');
    expect(safeText('x\ny\rz')).toBe('x\\ny\\rz');
    expect(safeText('\u0000\u007f\u009b')).toBe('\\x00\\x7f\\x9b');
    expect(safeText('\u202eKO\u202c')).toBe('\\u202eKO\\u202c');
    expect(safeText('\u2066\u2067\u2068\u2069\u200e\u200f')).toBe('\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f');
    expect(safeText('l\u2028p\u2029')).toBe('l\\u2028p\\u2029');
    expect(safeText('tag\u{e0041}')).toBe('tag\\u{e0041}');
    expect(safeText('lone \ud800 surrogate')).toBe('lone \\ud800 surrogate');
    expect(safeText('\uffff\ufffe')).toBe('\\uffff\\ufffe');
  });

  it('leaves OSC 8 links and OSC 52 clipboard writes as inert characters', () => {
    expect(safeText('\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\')).toBe(
      '\\x1b]8;;https://evil.example\\x1b\\click\\x1b]8;;\\x1b\\',
    );
    expect(safeText('\u001b]52;c;Y3VybCBldmls\u0007')).toBe('\\x1b]52;c;Y3VybCBldmls\\x07');
  });

  it('takes their power from CI log commands', () => {
    expect(safeText('::error::forged')).toBe('\\x3a:error::forged');
    expect(safeText('  ::add-mask::x')).toBe('  \\x3a:add-mask::x');
    expect(safeText('a\n::stop-commands::t')).toBe('a\\n::stop-commands::t');
    expect(safeText('x ##[error]y ##vso[task.setvariable variable=a]b ##VSO[x]')).toBe(
      'x ##\\[error]y ##vso\\[task.setvariable variable=a]b ##VSO\\[x]',
    );
    // Colons elsewhere are plain text.
    expect(safeText('a::b https://x')).toBe('a::b https://x');
  });

  it('keeps plain text, Vietnamese, emoji and tabs exactly as they are (the same string)', () => {
    for (const s of ['Cổng thông tin đất đai tỉnh Hà Nam', 'Sở TT&TT — cấp độ 3', '✔ Đạt 🇻🇳', 'a\tb', '']) {
      expect(safeText(s)).toBe(s);
      expect(safeLines(s)).toBe(s);
    }
  });

  it('safeLines keeps newlines and makes every line safe', () => {
    expect(safeLines('one\n::error::two\r\n\u001b[2Jthree')).toBe('one\n\\x3a:error::two\\r\n\\x1b[2Jthree');
  });

  it('never leaves a control, never lets a line start a command, and is idempotent', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const one = safeText(s);
        expect(one).not.toMatch(CONTROL);
        expect(one).not.toMatch(/^\s*::/);
        expect(one).not.toMatch(/##(vso)?\[/i);
        expect(safeText(one)).toBe(one);
        const lines = safeLines(s);
        expect(lines.replace(/\n/g, '')).not.toMatch(CONTROL);
        for (const l of lines.split('\n')) expect(l).not.toMatch(/^\s*::/);
        expect(safeLines(lines)).toBe(lines);
      }),
      RUNS,
    );
  });

  it('changes nothing but the characters it escapes', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        // Undo the escapes: what is left is the input, so no character was dropped or reordered.
        const undone = safeText(s)
          .replace(/\\x3a:/g, '::')
          .replace(/##(vso)?\\\[/gi, (m) => m.replace('\\[', '['))
          .replace(/\\(?:x([0-9a-f]{2})|u\{([0-9a-f]+)\}|u([0-9a-f]{4})|([nrt]))/g, (_m, x, big, u, named) =>
            named
              ? { n: '\n', r: '\r', t: '\t' }[named as 'n' | 'r' | 't']
              : String.fromCodePoint(parseInt(x ?? big ?? u, 16)),
          );
        // A literal backslash escape in the input undoes too; only compare inputs without one.
        if (!/\\(x|u|n|r|t|\[)/.test(s) && !s.includes('\\x3a')) expect(undone).toBe(s);
      }),
      RUNS,
    );
  });

  it('escapes exactly the characters of its classes, every code point checked (the fast path misses none)', () => {
    const missed: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const ch = String.fromCodePoint(cp);
      const want = cp !== 9 && CONTROL.test(ch) ? `a${escapeChar(ch)}b` : `a${ch}b`;
      if (safeText(`a${ch}b`) !== want) missed.push(cp.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it('escapeChar: named, two, four or more hex digits', () => {
    expect([escapeChar('\n'), escapeChar('\u0007'), escapeChar('\u0085'), escapeChar('\u202e')]).toEqual([
      '\\n',
      '\\x07',
      '\\x85',
      '\\u202e',
    ]);
    expect(escapeChar('\u{e007f}')).toBe('\\u{e007f}');
  });
});

describe('ciInertJson', () => {
  it('keeps JSON values exact and leaves no CI command in its text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), hostile, (v, h) => {
        const value = { v, h, [h]: h };
        const text = ciInertJson(JSON.stringify(value, null, 2));
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(text).not.toMatch(/##(vso)?\[/i);
      }),
      RUNS,
    );
    const plain = JSON.stringify({ a: 'b # c' });
    expect(ciInertJson(plain)).toBe(plain);
    expect(ciInertJson('"##vso[x]"')).toBe('"##vso\\u005bx]"');
  });
});

describe('presentable', () => {
  it('makes every string safe, keys included, and copies only what changes', () => {
    const clean = { name: 'Cổng', list: [{ a: 'x' }], n: 3 };
    const dirty = { name: 'a\u001b[32m', list: [clean.list[0], { 'k\n': '\u202e' }], clean };
    expect(presentable(clean)).toBe(clean);
    const out = presentable(dirty);
    expect(out).toEqual({ name: 'a\\x1b[32m', list: [{ a: 'x' }, { 'k\\n': '\\u202e' }], clean });
    expect(out.list[0]).toBe(clean.list[0]);
    expect(out.clean).toBe(clean);
    expect(dirty.name).toBe('a\u001b[32m'); // the input is not changed
  });

  it('survives cycles and leaves class instances alone', () => {
    const a: Record<string, unknown> = { s: '\r' };
    a.self = a;
    const out = presentable(a) as Record<string, unknown>;
    expect(out.s).toBe('\\r');
    const m = new Map([['\u001b', '\u001b']]);
    expect(presentable({ m }).m).toBe(m);
  });
});

describe('Markdown escaping', () => {
  it('neutralises mentions, autolinks, strikethrough and HTML, and breaks no table', () => {
    expect(mdEscape('ping @octocat and @org/team')).toBe('ping `@`octocat and `@`org/team');
    expect(mdEscape('a@@b')).toBe('a`@@`b');
    expect(mdEscape('see https://evil.example or www.evil.example')).toBe(
      'see https`://`evil.example or `www.`evil.example',
    );
    expect(mdEscape('<img src=x onerror=alert(1)> ~~x~~ a|b')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; \\~\\~x\\~\\~ a\\|b',
    );
    expect(mdEscape('cr\ronly')).toBe('cr only');
    expect(mdCode('a\rb|c`d')).toBe("`a b\\|c'd`");
  });
});

describe('toUriReference', () => {
  it('encodes a backslash in a POSIX name, and separates with it on Windows', () => {
    expect(toUriReference('dir/we\\ird name#1?.yaml', '/')).toBe('dir/we%5Cird%20name%231%3F.yaml');
    expect(toUriReference('dir\\sub\\system.yaml', '\\')).toBe('dir/sub/system.yaml');
    expect(toUriReference('a/\ud800.yaml', '/')).toBe('a/%EF%BF%BD.yaml');
  });
});
