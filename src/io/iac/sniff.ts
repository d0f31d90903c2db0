import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { DESCRIPTOR_MARKER } from '../discover.js';
import { HEAD_BYTES } from '../descriptor/source.js';
import { looksLikeIac } from './load.js';

/** The first bytes of a file, as text; empty when unreadable (the loader then reports why). */
export async function head(file: string, bytes = HEAD_BYTES): Promise<string> {
  try {
    // Opening a FIFO waits for a writer, forever: only regular files are sniffed (the loader
    // refuses the others with a message).
    if (!(await stat(file)).isFile()) return '';
    // Not blocking either way: a FIFO that replaced the file opens at once, and a read of an empty
    // /proc/kmsg fails instead of waiting.
    const fh = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (!(await fh.stat()).isFile()) {
      await fh.close();
      return '';
    }
    try {
      const buf = Buffer.alloc(bytes);
      const { bytesRead } = await fh.read(buf, 0, bytes, 0);
      return buf.subarray(0, bytesRead).toString('latin1');
    } finally {
      await fh.close();
    }
  } catch {
    return '';
  }
}

/**
 * Whether a file named on the command line is a descriptor or infrastructure code, by content:
 * a descriptor declares apiVersion tuanthu/v1; IaC is a .tf file, a binary plan, or JSON with
 * Terraform's top-level keys or a plan's format_version. Anything else is treated as a
 * descriptor, so that its problems are reported as such.
 */
export async function classifyFile(file: string): Promise<'descriptor' | 'iac'> {
  // looksLikeIac can say yes only for these names: the others are descriptors without opening
  // them a second time (a 10,000-file portfolio of .yaml descriptors).
  if (!/\.(tf|json|bin)$/i.test(file) && !/plan/i.test(file)) return 'descriptor';
  const h = await head(file);
  if (DESCRIPTOR_MARKER.test(h)) return 'descriptor';
  return looksLikeIac(file, h) ? 'iac' : 'descriptor';
}
