import type { Lang, Localized } from '../model/types.js';
import { SEVERITY_NAMES } from './report-labels.js';
import { SECTOR_NAMES } from './text.js';

/**
 * Enumerated values that policies pass as message parameters, in the user's language. Only the rendered
 * message changes; the finding's params keep the raw values that tools match on.
 */
const SECRET_GRADE: Record<string, Localized> = {
  none: { en: 'none', vi: 'không' },
  mat: { en: 'confidential (mật)', vi: 'mật' },
  toi_mat: { en: 'secret (tối mật)', vi: 'tối mật' },
  tuyet_mat: { en: 'top secret (tuyệt mật)', vi: 'tuyệt mật' },
};

const BY_PARAM: Record<string, Record<string, Localized>> = {
  severity: SEVERITY_NAMES,
  grade: SECRET_GRADE,
  state_secret: SECRET_GRADE,
  sector: SECTOR_NAMES,
};

const PARAM_TABLES = Object.entries(BY_PARAM);

export function localizeParamValues(params: Record<string, unknown>, lang: Lang): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const [key, table] of PARAM_TABLES) {
    const v = params[key];
    if (typeof v !== 'string') continue;
    const label = table[v]?.[lang];
    if (label === undefined) continue;
    out ??= { ...params };
    out[key] = label;
  }
  return out ?? params;
}
