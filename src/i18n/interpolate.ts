import type { Lang } from '../model/types.js';
import { memoized } from '../util/memoized.js';

/**
 * The one template renderer: fills `{name}` placeholders (after ESLint's lib/linter/interpolate.js,
 * with single braces). A placeholder with no parameter stays visible rather than vanish, so a missing
 * parameter shows in the output instead of silently dropping words.
 */
export function interpolate(template: string, params: Readonly<Record<string, unknown>>, lang: Lang): string {
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
  if (!nf)
    numberFormats.set(
      lang,
      (nf = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 2 })),
    );
  return nf;
}

/** A parameter as shown: numbers in the language's notation, lists joined, nothing as a dash. */
export function formatParam(v: unknown, lang: Lang): string {
  if (typeof v === 'number') {
    // A Map takes -0 for 0; ICU does not ("-0").
    return Object.is(v, -0) ? numberFormat(lang).format(v) : formatted[lang](v);
  }
  if (Array.isArray(v)) return v.map((x) => formatParam(x, lang)).join(', ');
  if (v === null || v === undefined) return '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
