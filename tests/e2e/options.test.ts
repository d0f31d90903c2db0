// Options are declared once (src/cli/options.ts), so every command that lints takes and honours
// the same input options, and refuses a bad value with the same words.
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { COMPLIANT, ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin/tuanthu.js');
const run = (args: string[]) =>
  execa('node', [BIN, ...args], { cwd: ROOT, reject: false, env: { NO_COLOR: '1', LANG: 'C', CI: 'true' } });

const COMMANDS: string[][] = [
  ['check', COMPLIANT],
  ['gate', COMPLIANT],
  ['baseline', 'create', COMPLIANT, '-o', '/dev/null'],
  ['waivers', 'list', COMPLIANT],
];

describe('options shared by check, gate, baseline create and waivers list', () => {
  it.each(COMMANDS)('%s honours --max-file-size (the descriptor is refused as too large, exit 2)', async (...cmd) => {
    const r = await run([...cmd, '--max-file-size', '10', '--as-of', '2026-11-23']);
    expect(r.exitCode).toBe(2);
    expect(`${r.stdout}\n${r.stderr}`).toMatch(/above the limit of 10 bytes/);
  });

  it('refuses a bad date with the same message in every command', async () => {
    const messages = new Set<string>();
    for (const cmd of COMMANDS) {
      const r = await run([...cmd, '--as-of', '2026-13-01']);
      expect(r.exitCode, cmd.join(' ')).toBe(2);
      messages.add(r.stderr.split('\n')[0]!);
    }
    expect([...messages]).toEqual([
      "error: option '--as-of <date>' argument '2026-13-01' is invalid. \"2026-13-01\" is not a date written YYYY-MM-DD",
    ]);
  });

  it.each(COMMANDS)('%s takes --jobs and --max-depth', async (...cmd) => {
    const r = await run([...cmd, '--jobs', '1', '--max-depth', '64', '--as-of', '2026-11-23']);
    expect(r.exitCode, r.stderr).not.toBe(2);
  });
});
