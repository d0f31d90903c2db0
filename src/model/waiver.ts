import type { Location } from './types.js';

/** One waiver as written in a waivers file, with where it was written. */
export interface Waiver {
  rule: string;
  system: string;
  /** The exact finding: a JSON pointer (`path`) or an IaC resource address (`resource`); absent = every finding of the rule. */
  path?: string;
  justification: string;
  reference?: string;
  approvedBy: { name: string; title: string };
  approved: string;
  expires: string;
  location: Location;
}

/** Default longest waiver, approval to expiry. Half a year: one budget and planning cycle. */
export const DEFAULT_MAX_WAIVER_DAYS = 180;
/** A waiver this close to its end is listed as "expiring" so that it is renewed or the gap closed in time. */
export const EXPIRING_WITHIN_DAYS = 30;
/** The file looked up in the working directory and next to every descriptor. */
export const WAIVERS_FILE = 'tuanthu.waivers.yaml';
