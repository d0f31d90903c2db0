// The atomic writer and the output-path check on their own (src/io/output-file.ts,
// src/io/output-paths.ts); tests/e2e/data-loss.test.ts holds them through the CLI.
import { linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputWriteError, writeFileAtomic } from '../../src/io/output-file.js';
import { outputProblems } from '../../src/io/output-paths.js';
import { inTempDir } from '../helpers.js';

describe('writeFileAtomic', () => {
  it('keeps the old file whole when writing fails part-way, and removes its temporary file', () =>
    inTempDir('tuanthu-of-', async (dir) => {
      const file = join(dir, 'report.json');
      writeFileSync(file, 'the previous report');
      const temps: string[] = [];
      function* failing() {
        yield '{"partial": ';
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      }
      const err = await writeFileAtomic(file, failing(), { onTemp: (t, on) => on && temps.push(t) }).catch((e) => e);
      expect(err).toBeInstanceOf(OutputWriteError);
      expect((err as OutputWriteError).text.en).toBe(`cannot write ${file}: no space left on the device`);
      expect((err as OutputWriteError).text.vi).toBe(`không ghi được ${file}: thiết bị đã hết chỗ trống`);
      expect(readFileSync(file, 'utf8')).toBe('the previous report');
      expect(temps).toHaveLength(1);
      expect(readdirSync(dir)).toEqual(['report.json']);
    }));

  it('writes every piece, strings and bytes, yielding to the event loop on the way', () =>
    inTempDir('tuanthu-of-', async (dir) => {
      const file = join(dir, 'r.txt');
      let turns = 0;
      const timer = setInterval(() => turns++, 0);
      const pieces = Array.from({ length: 64 }, (_, i) => (i % 2 ? 'x'.repeat(1024) : new Uint8Array(1024).fill(121)));
      await writeFileAtomic(file, pieces, { yieldEvery: 4096 });
      clearInterval(timer);
      const text = readFileSync(file, 'utf8');
      expect(text.length).toBe(64 * 1024);
      expect(text.slice(0, 2048)).toBe('y'.repeat(1024) + 'x'.repeat(1024));
      expect(turns).toBeGreaterThan(0);
      expect(readdirSync(dir)).toEqual(['r.txt']);
    }));
});

describe('outputProblems', () => {
  it('finds an input behind a symlink, a hard link or a module folder, and one file given twice', () =>
    inTempDir('tuanthu-op-', (dir) => {
      writeFileSync(join(dir, 'system.yaml'), 'x');
      symlinkSync('system.yaml', join(dir, 'soft'));
      linkSync(join(dir, 'system.yaml'), join(dir, 'hard'));
      mkdirSync(join(dir, 'infra'));
      writeFileSync(join(dir, 'infra/main.tf'), '');
      writeFileSync(join(dir, 'infra/prod.auto.tfvars'), '');
      const problems = outputProblems(
        [
          { file: 'soft', option: 'A' },
          { file: 'hard', option: 'B' },
          { file: 'infra/main.tf', option: 'C' },
          { file: 'new.json', option: 'D' },
          { file: './new.json', option: 'E' },
          { file: 'other.json', option: 'F' },
          { file: 'infra/prod.auto.tfvars', option: 'G' },
        ],
        ['system.yaml', 'infra', 'absent.yaml'],
        dir,
      );
      expect(problems.map((p) => [p.output.option, p.message.en])).toEqual([
        ['A', 'A would overwrite system.yaml, an input of this run; write it to another file (nothing was written)'],
        ['B', 'B would overwrite system.yaml, an input of this run; write it to another file (nothing was written)'],
        ['C', 'C would overwrite infra/main.tf, an input of this run; write it to another file (nothing was written)'],
        ['E', 'E and D are the same file; give each output its own file (nothing was written)'],
        [
          'G',
          'G would overwrite infra/prod.auto.tfvars, an input of this run; write it to another file (nothing was written)',
        ],
      ]);
    }));
});
