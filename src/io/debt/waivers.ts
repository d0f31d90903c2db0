import { AGENCY_ID_PREFIX } from '../../model/types.js';
import { comparableName } from '../../util/text.js';
import { access } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { validateAgainst } from '../descriptor/schema.js';
import { loadSource, locate, DEFAULT_LIMITS, type Limits } from '../descriptor/source.js';
import { localized } from '../../i18n/index.js';
import type { InputProblem } from '../../model/types.js';
import { WAIVERS_FILE, type Waiver } from '../../model/waiver.js';

/**
 * Which waiver files a run reads. Given explicitly (--waivers): exactly those, and a missing one is
 * an input error. Otherwise: tuanthu.waivers.yaml in the working directory and next to each
 * descriptor, whichever exist, each read once.
 */
export async function waiverFiles(
  explicit: string[] | undefined,
  cwd: string,
  descriptors: string[],
): Promise<string[]> {
  if (explicit) return [...new Set(explicit.map((f) => resolve(cwd, f)))];
  const candidates = [...new Set([join(cwd, WAIVERS_FILE), ...descriptors.map((d) => join(dirname(d), WAIVERS_FILE))])];
  const present: string[] = [];
  for (const c of candidates) {
    try {
      await access(c);
      present.push(c);
    } catch {
      // absent: no waivers there
    }
  }
  return present.sort();
}

interface RawWaiver {
  rule: string;
  /** One of system and agency (schemas/waivers.schema.json). */
  system?: string;
  agency?: string;
  path?: string;
  resource?: string;
  justification: string;
  reference?: string;
  approved_by: { name: string; title: string };
  approved: string;
  expires: string;
}

/** Reads and validates one waivers file (schemas/waivers.schema.json); a file with any problem yields no waivers. */
export async function loadWaivers(
  file: string,
  display: string,
  limits: Limits = DEFAULT_LIMITS,
): Promise<{ waivers: Waiver[]; errors: InputProblem[]; sha256?: string }> {
  const loaded = await loadSource(file, display, limits);
  if (!loaded.ok) return { waivers: [], errors: loaded.errors };
  const source = loaded.source;
  const { sha256 } = source;
  const v = source.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    return {
      waivers: [],
      errors: [{ file: display, line: 1, column: 1, code: 'not-waivers', message: localized('input.not-waivers') }],
      sha256,
    };
  }
  const errors = validateAgainst('waivers.schema.json', source);
  if (errors.length > 0) return { waivers: [], errors, sha256 };
  const raw = (v as { waivers: RawWaiver[] }).waivers;
  const waivers = raw.map((w, i): Waiver => {
    const target = w.path ?? w.resource;
    return {
      rule: w.rule,
      // An agency is named as its report names it (src/engine/agencies.ts): "agency:" and the owner's key.
      system: w.system ?? `${AGENCY_ID_PREFIX}${comparableName(w.agency ?? '')}`,
      ...(target !== undefined ? { path: target } : {}),
      justification: w.justification,
      ...(w.reference !== undefined ? { reference: w.reference } : {}),
      approvedBy: { name: w.approved_by.name, title: w.approved_by.title },
      approved: w.approved,
      expires: w.expires,
      location: { file: display, ...locate(source, `/waivers/${i}`) },
    };
  });
  return { waivers, errors: [], sha256 };
}
