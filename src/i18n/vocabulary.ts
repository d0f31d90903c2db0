import type { Lang } from '../model/types.js';
import { en, type MessageKey } from './messages/en.js';
import { t } from './index.js';

/**
 * Enumerated values that policies pass as message parameters (a severity, a sector, a secret
 * grade, a stage), in the user's language. Only the rendered message changes; the finding's params
 * keep the raw values that tools match on. The words are the messages severity.*, sector.*, grade.*
 * and stage.* of the tables, looked up here through maps made once, since rule messages are
 * rendered once per finding.
 */
type Vocabulary = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** parameter name → family of messages its values are named by. */
function vocabulary(byParam: Record<string, string>, lang: Lang): Vocabulary {
  const keys = Object.keys(en) as MessageKey[];
  return new Map(
    Object.entries(byParam).map(([param, family]) => {
      const words = new Map<string, string>();
      for (const k of keys) if (k.startsWith(`${family}.`)) words.set(k.slice(family.length + 1), t(k, lang));
      return [param, words];
    }),
  );
}

const MESSAGE_PARAMS = { severity: 'severity', grade: 'grade', state_secret: 'grade', sector: 'sector' };
const messageWords: Record<Lang, Vocabulary> = {
  en: vocabulary(MESSAGE_PARAMS, 'en'),
  vi: vocabulary(MESSAGE_PARAMS, 'vi'),
};

/** A rule message's parameters with their enumerated values named; `params` itself when none is. */
export function localizeParamValues(params: Record<string, unknown>, lang: Lang): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const [key, words] of messageWords[lang]) {
    const v = params[key];
    if (typeof v !== 'string') continue;
    const label = words.get(v);
    if (label === undefined) continue;
    out ??= { ...params };
    out[key] = label;
  }
  return out ?? params;
}

const REASON_PARAMS = { stage: 'stage', sector: 'sector' };
const reasonWords: Record<Lang, Vocabulary> = {
  en: vocabulary(REASON_PARAMS, 'en'),
  vi: vocabulary(REASON_PARAMS, 'vi'),
};

/** A not-applicable reason's parameters with the stage(s) and the sector named (reason.* messages). */
export function localizeReasonParams(params: Record<string, unknown>, lang: Lang): Record<string, unknown> {
  const out: Record<string, unknown> = { ...params };
  const stages = reasonWords[lang].get('stage')!;
  const stageName = (s: unknown) => (typeof s === 'string' ? stages.get(s) : undefined) ?? s;
  if ('stage' in out) out.stage = stageName(out.stage);
  if (Array.isArray(out.stages)) out.stages = out.stages.map(stageName);
  if (typeof out.sector === 'string') out.sector = reasonWords[lang].get('sector')!.get(out.sector) ?? out.sector;
  return out;
}
