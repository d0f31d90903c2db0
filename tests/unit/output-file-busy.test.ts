// A report file bind-mounted into a container (`docker run -v $PWD/r.json:/out/r.json`) cannot be
// renamed over (EBUSY): the writer copies the finished bytes in instead, and leaves no temporary file.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../src/io/output-file.js';
import { inTempDir } from '../helpers.js';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    renameSync: () => {
      throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
    },
  };
});

describe('writeFileAtomic over a file that cannot be renamed over', () => {
  it('copies the finished report in and removes the temporary file', () =>
    inTempDir('tuanthu-busy-', async (dir) => {
      const file = join(dir, 'r.json');
      writeFileSync(file, 'the previous report, longer than the new one');
      await writeFileAtomic(file, ['{"new":', 'true}']);
      expect(readFileSync(file, 'utf8')).toBe('{"new":true}');
      expect(readdirSync(dir)).toEqual(['r.json']);
    }));
});
