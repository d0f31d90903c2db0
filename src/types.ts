/** Public data model of a tuanthu run. The JSON report (schemas/report.schema.json) mirrors it. */

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STAGES = ['design', 'build', 'pre-production', 'production'] as const;
export type Stage = (typeof STAGES)[number];

export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export type Localized = Record<Lang, string>;

/** A place in a file the user edits. Lines and columns are 1-based. */
export interface Location {
  file: string;
  line: number;
  column: number;
}

/** What the policies return for one problem, before TypeScript adds location and text. */
export interface RawFinding {
  rule: string;
  /** JSON pointer into the descriptor ("/classification/approval") or an IaC resource address. */
  path: string;
  /** violation: counts against the threshold; due: the rule's deadline has not passed yet. */
  status: 'violation' | 'due';
  params: Record<string, unknown>;
}

export interface Finding extends RawFinding {
  severity: Severity;
  /** Severity the rule carries once it is past due; equals severity for violations. */
  ruleSeverity: Severity;
  location: Location;
  message: string;
  title: string;
  remediation: string;
  clauses: string[];
}

export type RuleOutcome = 'pass' | 'fail' | 'due' | 'not_applicable';

export interface RuleResult {
  rule: string;
  outcome: RuleOutcome;
  /** Why a rule did not apply (stage, sector, level…), with a rendered explanation. */
  reason?: { code: string; params: Record<string, unknown>; text: string };
}

/** A problem with an input file: unreadable, malformed, or not matching its schema. */
export interface InputError {
  file: string;
  line?: number;
  column?: number;
  /** Stable code such as "yaml-syntax", "schema-required". */
  code: string;
  message: string;
  /** JSON pointer of the offending value when there is one. */
  path?: string;
}

export interface InputFile {
  file: string;
  sha256: string;
  role: 'descriptor' | 'iac';
}

export interface SystemReport {
  file: string;
  id: string;
  name: string;
  owner?: string;
  level?: number;
  stage?: Stage;
  sector?: string;
  result: 'pass' | 'fail';
  metrics: Record<string, unknown>;
  findings: Finding[];
  rules: RuleResult[];
  inputs: InputFile[];
}

export interface Report {
  reportVersion: '1';
  tool: { name: 'tuanthu'; version: string; policyDigest: string; regoDigest: string };
  asOf: string;
  failOn: Severity;
  lang: Lang;
  summary: {
    systems: number;
    passed: number;
    failed: number;
    inputErrors: number;
    findings: Record<Severity, number>;
    due: number;
  };
  systems: SystemReport[];
  errors: InputError[];
}

export interface LintOptions {
  /** Evaluation date, YYYY-MM-DD. */
  asOf: string;
  failOn: Severity;
  lang: Lang;
  /** Overrides every descriptor's lifecycle stage (e.g. the go-live gate). */
  stage?: Stage;
  /** Working directory that file names in the report are relative to. */
  cwd?: string;
  /** Called after each descriptor is checked (portfolio runs show progress with it). */
  onProgress?: (progress: { done: number; total: number; file: string }) => void;
}
