import * as crypto from 'node:crypto';
import { isIsoDate } from '../../util/dates.js';

/**
 * The params that say *which* problem a finding is, as opposed to figures that describe it. Text
 * values (names, currencies, resource types) identify; numbers (amounts, shares, counts) and dates
 * change as a system evolves without the problem becoming another one. `msg` is keyed separately and
 * `due` is the rule's own deadline; `module_call` is a position (file:line).
 */
export function keyParams(params: Record<string, unknown>): Array<[string, string]> {
  return Object.entries(params)
    .filter(
      (e): e is [string, string] =>
        typeof e[1] === 'string' && e[0] !== 'msg' && e[0] !== 'due' && e[0] !== 'module_call' && !isIsoDate(e[1]),
    )
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * Stable identity of a finding across runs: rule, system id, path, message key and key params.
 * No file names or line numbers, so moving lines or files does not change it. 32 hex characters.
 */
export function fingerprint(
  systemId: string,
  f: { rule: string; path: string; params: Record<string, unknown> },
): string {
  const msg = typeof f.params.msg === 'string' ? f.params.msg : '';
  const material = JSON.stringify(['tuanthu/fp/1', f.rule, systemId, f.path, msg, keyParams(f.params)]);
  return sha256Hex(material).slice(0, 32);
}

// crypto.hash (Node 20.12+) hashes in one call, without a Hash object per finding (hundreds of
// thousands on a large portfolio); older Node 20 releases fall back to createHash.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
function sha256Hex(s: string): string {
  return oneShot ? oneShot('sha256', s, 'hex') : crypto.createHash('sha256').update(s).digest('hex');
}
