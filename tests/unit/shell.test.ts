import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellCommand, shellQuote } from '../../src/util/shell.js';

describe('shellQuote', () => {
  it('leaves plain words alone and single-quotes the rest', () => {
    expect(shellQuote('examples/a-b_c.yaml')).toBe('examples/a-b_c.yaml');
    expect(shellQuote('html=audit.html')).toBe('html=audit.html');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('~/x')).toBe("'~/x'");
    expect(shellQuote('=cmd')).toBe("'=cmd'");
  });

  it('gives bash back every word as it was, whatever its characters', () => {
    const words = ["it's", '$(id)', '`id`', '"q"', 'a\nb', '\\', '*', '!x', '${HOME}', ';|&<>', '#c', '~', 'é ✓'];
    const echoed = execFileSync('bash', ['-c', `printf '%s\\0' ${shellCommand(words)}`]).toString('utf8');
    expect(echoed.split('\0').slice(0, -1)).toEqual(words);
  });
});
