import { dayNumber } from '../../util/dates.js';
import { EXPIRING_WITHIN_DAYS } from '../../model/waiver.js';

/** Whole days from one YYYY-MM-DD date to another (negative when `to` is earlier). Both must be valid dates. */
export function daysBetween(from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (a === undefined || b === undefined) throw new RangeError(`not a date: ${a === undefined ? from : to}`);
  return b - a;
}

/** Days a waiver still has on `asOf`: 0 on its expiry date (its last valid day), negative once expired. */
export function daysLeft(expires: string, asOf: string): number {
  return daysBetween(asOf, expires);
}

/** A waiver is valid through its expiry date inclusive: it expires the day after. */
export function isExpired(expires: string, asOf: string): boolean {
  return daysLeft(expires, asOf) < 0;
}

export type ExpiryStatus = 'active' | 'expiring' | 'expired';

export function expiryStatus(expires: string, asOf: string, warnDays: number = EXPIRING_WITHIN_DAYS): ExpiryStatus {
  const left = daysLeft(expires, asOf);
  if (left < 0) return 'expired';
  return left <= warnDays ? 'expiring' : 'active';
}
