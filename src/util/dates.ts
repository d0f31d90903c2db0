import { memoized } from './memoized.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(s: string): boolean {
  return dayNumber(s) !== undefined;
}

/** Days since 1970-01-01 for a YYYY-MM-DD date, or undefined if it is not a real date. */
// Remembered: each costs a regex and two Date objects, and a portfolio repeats the same few thousand.
export const dayNumber = memoized(computeDayNumber, 100_000);

function computeDayNumber(s: string): number | undefined {
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return t / 86_400_000;
}

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Every distinct YYYY-MM-DD string found anywhere in a value, mapped to its day number. */
export function collectDayNumbers(value: unknown, out: Record<string, number> = {}): Record<string, number> {
  if (typeof value === 'string') {
    // Most strings are not dates: a length and a dash rule them out before the regex.
    if (value.length === 10 && value.charCodeAt(4) === 45 && !(value in out)) {
      const n = dayNumber(value);
      if (n !== undefined) out[value] = n;
    }
  } else if (Array.isArray(value)) {
    for (const v of value) collectDayNumbers(v, out);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) collectDayNumbers(v, out);
  }
  return out;
}
