import { safeLines } from './safe-text.js';

/**
 * A tiny HTML template tag: every interpolated value is escaped unless it is already Safe (made by
 * this tag or by raw() for trusted constants). Descriptor strings can never become markup, and their
 * controls and bidi overrides are shown escaped (safe-text.ts): they cannot reorder a verdict either.
 */
export class Safe {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

type Value = Safe | string | number | boolean | null | undefined | readonly Value[];

function render(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Safe) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(safeLines(String(v)));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Safe {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Safe(out);
}

/** For constants written in this code base (the style sheet), never for data. */
export function raw(s: string): Safe {
  return new Safe(s);
}
