import { readFileSync } from 'node:fs';
import { assetPath } from '../util/assets.js';
import type { Lang, Localized, Severity, Stage } from '../model/types.js';
import { localizeParamValues } from '../i18n/param-values.js';
import { memoized } from '../util/memoized.js';

/** One rule as described by its METADATA block (extracted by scripts/build-policy.mjs). */
export interface RuleMeta {
  id: string;
  /** Rego package, e.g. tuanthu.rules.lvl.lvl_02. */
  package: string;
  key: string;
  file: string;
  severity: Severity;
  stages: Stage[];
  due?: string;
  clauses: string[];
  /** Conditions beyond the stages (sector, level, data held), in words; absent when the rule applies to every system. */
  applies?: Localized;
  /** Other ids that name this rule (e.g. PL4-02 is MON-03: the 4-layer model's layer 2). */
  aliases?: string[];
  /** Bullets of a cited clause the rule derives from, by clause id (e.g. {"KH04:V.1.m": ["10(2)"]}). */
  clause_items?: Record<string, string[]>;
  /** Directive rules an IaC rule provides evidence for (e.g. AWS-S3-01 → CRY-02). */
  supports?: string[];
  title: Localized;
  description: Localized;
  messages: Record<string, Localized>;
  remediation: Localized;
  snippet?: string;
}

export interface Catalogue {
  rules: RuleMeta[];
  byId: Map<string, RuleMeta>;
  manifest: { opaVersion: string; regoDigest: string; wasmDigest: string; rules: number };
}

let cached: Catalogue | undefined;

export function loadCatalogue(): Catalogue {
  if (cached) return cached;
  const rules = JSON.parse(readFileSync(assetPath('build', 'policy', 'catalogue.json'), 'utf8')) as RuleMeta[];
  const manifest = JSON.parse(readFileSync(assetPath('build', 'policy', 'manifest.json'), 'utf8')) as Catalogue['manifest'];
  cached = { rules, byId: new Map(rules.map((r) => [r.id, r])), manifest };
  return cached;
}

/** Fills {name} placeholders; unknown placeholders stay visible rather than vanish. */
export function renderTemplate(template: string, params: Record<string, unknown>, lang: Lang): string {
  // Split once per template (a few hundred of them), not scanned by a regex per finding.
  let parts = templateParts.get(template);
  if (!parts) templateParts.set(template, (parts = template.split(/\{([a-z_][a-z0-9_]*)\}/i)));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in params ? formatParam(params[name], lang) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

/** Literal text at even indices, placeholder names at odd ones. */
const templateParts = new Map<string, string[]>();

// Number.prototype.toLocaleString builds an Intl.NumberFormat on every call (the top self-time
// entry when profiling a 1,000-descriptor portfolio); one formatter per language is enough.
const numberFormats = new Map<Lang, Intl.NumberFormat>();
// The same numbers (thresholds, levels, day counts) recur in every system of a portfolio, and
// format() is a call into ICU each time.
const formatted: Record<Lang, (v: number) => string> = {
  en: memoized((v: number) => numberFormat('en').format(v), 50_000),
  vi: memoized((v: number) => numberFormat('vi').format(v), 50_000),
};

function numberFormat(lang: Lang): Intl.NumberFormat {
  let nf = numberFormats.get(lang);
  if (!nf) numberFormats.set(lang, (nf = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 2 })));
  return nf;
}

export function formatParam(v: unknown, lang: Lang): string {
  if (typeof v === 'number') {
    // A Map takes -0 for 0; ICU does not ("-0").
    return Object.is(v, -0) ? numberFormat(lang).format(v) : formatted[lang](v);
  }
  if (Array.isArray(v)) return v.map((x) => formatParam(x, lang)).join(', ');
  if (v === null || v === undefined) return '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function messageFor(meta: RuleMeta, msg: string, params: Record<string, unknown>, lang: Lang): string {
  const t = meta.messages[msg]?.[lang];
  return t === undefined ? `${meta.title[lang]} (${msg})` : renderTemplate(t, localizeParamValues(params, lang), lang);
}
