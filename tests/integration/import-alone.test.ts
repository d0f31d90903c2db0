// Every built module imports alone in a fresh process: an import circle that only the CLI's import
// order hid once threw a temporal-dead-zone ReferenceError when the i18n tables were imported first.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const DIST = join(ROOT, 'dist');
const run = promisify(execFile);

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? modules(p) : p.endsWith('.js') ? [p] : [];
  });
}

// Worker scripts run only as threads (they read workerData and post to their parent); by convention
// they, and only they, are named worker.js or *-worker.js.
const isWorker = (file: string) => /(^|[/-])worker\.js$/.test(file);

describe('every built module', () => {
  const all = modules(DIST);
  const workers = all.filter(isWorker).map((f) => relative(DIST, f));

  it('includes the whole build, and only the two worker scripts are left out', () => {
    expect(all.length).toBeGreaterThan(60);
    for (const w of all.filter(isWorker)) expect(readFileSync(w, 'utf8'), w).toMatch(/\bworkerData\b/);
    expect(workers.sort()).toEqual(['io/iac/hcl-worker.js', 'run/worker.js']);
  });

  it('imports alone in a fresh process', { timeout: 120_000 }, async () => {
    const failures: string[] = [];
    for (const file of all) {
      if (isWorker(file)) continue;
      try {
        await run(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(file)})`]);
      } catch (e) {
        failures.push(
          `${relative(DIST, file)}: ${
            String((e as { stderr?: string }).stderr ?? e)
              .split('\n')
              .find((l) => /Error/.test(l)) ?? e
          }`,
        );
      }
    }
    expect(failures).toEqual([]);
  });
});
