import type { InputError, InputProblem, Lang, Localized } from '../model/types.js';
import { interpolate } from './interpolate.js';
import { en, type MessageKey } from './messages/en.js';
import { vi } from './messages/vi.js';

export type { MessageKey } from './messages/en.js';
export { formatParam } from './interpolate.js';

/** Parameters of a message: `{name}` in its template is filled from `params.name`. */
export type MessageParams = Readonly<Record<string, unknown>>;

const TABLES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, vi };

/**
 * The text of a message in a language: the one way tuanthu looks up what it shows (rule messages
 * apart, which come from the rules' METADATA). Keys are type-checked against messages/en.ts.
 *
 *   t('report.summary', lang)
 *   t('debt.gate_go', { as_of: '2026-11-23' }, lang)
 *
 * Numbers are shown in the language's notation, lists joined with commas; a placeholder without a
 * parameter stays visible. Without parameters the template is returned as it is, with no work.
 */
export function t(key: MessageKey, lang: Lang): string;
export function t(key: MessageKey, params: MessageParams, lang: Lang): string;
export function t(key: MessageKey, paramsOrLang: MessageParams | Lang, lang?: Lang): string {
  if (typeof paramsOrLang === 'string') return TABLES[paramsOrLang][key];
  return interpolate(TABLES[lang!][key], paramsOrLang, lang!);
}

/**
 * The key of a code that comes from outside the type system (a policy's reason code, a waiver
 * check's code) in a family of messages, e.g. messageKey('reason', 'stage') → 'reason.stage';
 * undefined when there is no such message.
 */
export function messageKey(family: string, code: string): MessageKey | undefined {
  const key = `${family}.${code}`;
  return Object.hasOwn(en, key) ? (key as MessageKey) : undefined;
}

/** A parameter of a message in both languages: text shown as it is, a number, or text in each language. */
export type LocalizedParam = string | number | Localized;

/**
 * A message in both languages, for text made before the report's language is chosen (input
 * errors: src/io/). Unlike t(), numbers are shown plainly (209715200, not 209,715,200), as the
 * flags that the messages name take them.
 */
export function localized(key: MessageKey, params?: Readonly<Record<string, LocalizedParam>>): Localized {
  if (!params) return { en: en[key], vi: vi[key] };
  return { en: interpolate(en[key], plain(params, 'en'), 'en'), vi: interpolate(vi[key], plain(params, 'vi'), 'vi') };
}

function plain(params: Readonly<Record<string, LocalizedParam>>, lang: Lang): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) shown[k] = typeof v === 'object' ? v[lang] : String(v);
  return shown;
}

/** The problems of a run as the report's input errors, in its language. */
export function inLanguage(problems: readonly InputProblem[], lang: Lang): InputError[] {
  return problems.map((p) => ({ ...p, message: p.message[lang] }));
}
