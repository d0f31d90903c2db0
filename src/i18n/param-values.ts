import type { Lang, Localized } from '../types.js';

/**
 * Enumerated values that policies pass as message parameters, in the user's language. Only the rendered
 * message changes; the finding's params keep the raw values that tools match on.
 */
const SEVERITY: Record<string, Localized> = {
  critical: { en: 'critical', vi: 'nghiêm trọng' },
  high: { en: 'high', vi: 'cao' },
  medium: { en: 'medium', vi: 'trung bình' },
  low: { en: 'low', vi: 'thấp' },
  info: { en: 'info', vi: 'thông tin' },
};

const SECRET_GRADE: Record<string, Localized> = {
  none: { en: 'none', vi: 'không' },
  mat: { en: 'confidential (mật)', vi: 'mật' },
  toi_mat: { en: 'secret (tối mật)', vi: 'tối mật' },
  tuyet_mat: { en: 'top secret (tuyệt mật)', vi: 'tuyệt mật' },
};

const SECTOR: Record<string, Localized> = {
  civil: { en: 'civil', vi: 'dân sự' },
  military: { en: 'military', vi: 'quân sự' },
  defence: { en: 'defence', vi: 'quốc phòng' },
  cipher: { en: 'cipher', vi: 'cơ yếu' },
};

const BY_PARAM: Record<string, Record<string, Localized>> = {
  severity: SEVERITY,
  grade: SECRET_GRADE,
  state_secret: SECRET_GRADE,
  sector: SECTOR,
};

export function localizeParamValues(params: Record<string, unknown>, lang: Lang): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const [key, table] of Object.entries(BY_PARAM)) {
    const v = params[key];
    if (typeof v !== 'string') continue;
    const label = table[v]?.[lang];
    if (label === undefined) continue;
    out ??= { ...params };
    out[key] = label;
  }
  return out ?? params;
}
