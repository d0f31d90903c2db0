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

export const FINDING_STATUSES = ['violation', 'due', 'unknown'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** What the policies return for one problem, before TypeScript adds location and text. */
export interface RawFinding {
  rule: string;
  /** JSON pointer into the descriptor ("/classification/approval") or an IaC resource address. */
  path: string;
  /**
   * violation: counts against the threshold; due: the rule's deadline has not passed yet; unknown: a
   * value the rule needs is only known after apply (params.expression says which), so the rule can
   * judge neither way. Neither due nor unknown findings fail a run; both are reported (severity info).
   */
  status: FindingStatus;
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
  /**
   * The clauses of `clauses` cited only as context, not as what requires the finding: those
   * seeds/coverage.yaml decides are context for the rule (often a national body's duty), or every
   * clause of a recommendation. Absent when every clause requires it.
   */
  contextClauses?: string[];
  /** For an IaC rule: the directive rules it gives evidence for (e.g. AWS-S3-01 → CRY-02). */
  supports?: string[];
  /**
   * The finding goes beyond the directives' text: a recommendation at a lower severity, never the
   * directive's requirement. Its title carries the label in every format.
   */
  recommendation?: true;
  /** Stable identity across runs (rule, system id, path, message key, key params; no line numbers). */
  fingerprint: string;
  /** Present when an active waiver accepts this finding as compliance debt: it then never fails a run. */
  waiver?: AppliedWaiver;
  /** With --baseline: "existing" violations were in the baseline and do not fail the run. */
  baseline?: 'new' | 'existing';
  /** Set when the run's rule settings changed this rule's severity (the catalogue's, and why). */
  severityOverride?: { from: Severity; reason: string };
}

/**
 * Which rules a run evaluates and at what severity, when not the catalogue's (--rule, --skip-rule,
 * .tuanthu.yaml). Every change carries its reason and is shown in every report; a critical rule
 * can be neither skipped nor lowered (src/engine/rule-settings.ts).
 */
export interface RuleSettings {
  /** Only these rules are evaluated: a partial run, which the go-live gate refuses. */
  only?: string[];
  /** Rules left out of this run, each with why. */
  skip?: Array<{ rule: string; reason: string }>;
  /** Severities other than the catalogue's, each with why. */
  severity?: Array<{
    rule: string;
    severity: Severity;
    reason: string /** The catalogue's, in a report. */;
    from?: Severity;
  }>;
}

/** The waiver that accepted a finding, as every report shows it. */
export interface AppliedWaiver {
  justification: string;
  reference?: string;
  approvedBy: { name: string; title: string };
  approved: string;
  expires: string;
  /** Days from as-of to the expiry date; 0 on the last valid day. */
  daysLeft: number;
  location: Location;
}

/**
 * What became of one waiver in a run. active/expiring: applied (expiring = within 30 days of its end);
 * expired: past its expiry date, no longer applied; stale: matches no finding; invalid: breaks the
 * approval policy (approver, horizon, unknown rule), never applied; gate-ignored: a critical rule at the go-live gate.
 */
export type WaiverStatus = 'active' | 'expiring' | 'expired' | 'stale' | 'invalid' | 'gate-ignored';

export interface WaiverRecord extends AppliedWaiver {
  rule: string;
  system: string;
  path?: string;
  status: WaiverStatus;
  /** Why the waiver is expired, stale, invalid or ignored, with a rendered explanation. */
  reason?: { code: string; params: Record<string, unknown>; text: string };
  /** Findings of this run the waiver names (whether or not it applied). */
  matched: number;
}

/** With --baseline: how this run compares with the baseline. */
export interface BaselineSummary {
  file: string;
  created: string;
  new: number;
  existing: number;
  /** Baseline entries of the systems checked in this run that no longer occur. */
  fixed: Array<{ fingerprint: string; rule: string; system: string; path: string; msg?: string; severity?: Severity }>;
}

/** fail outranks unknown, which outranks due: a rule with any violation failed, whatever else it could not judge. */
export type RuleOutcome = 'pass' | 'fail' | 'unknown' | 'due' | 'not_applicable';

export interface RuleResult {
  rule: string;
  outcome: RuleOutcome;
  /** Why a rule did not apply (stage, sector, level…), with a rendered explanation. */
  reason?: RuleReason;
}

export interface RuleReason {
  code: string;
  params: Record<string, unknown>;
  text: string;
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

/** An input error as the loaders report it, before the run's language is chosen: its message in both. */
export type InputProblem = Omit<InputError, 'message'> & { message: Localized };

export interface InputFile {
  file: string;
  sha256: string;
  role: 'descriptor' | 'iac';
}

export interface SystemReport {
  /** The descriptor, or for infrastructure code checked without a descriptor, the IaC input. */
  file: string;
  id: string;
  name: string;
  owner?: string;
  /** The head of agency named in the descriptor; the only valid approver of waivers of critical rules. */
  accountableHead?: { name: string; title?: string };
  level?: number;
  stage?: Stage;
  sector?: string;
  /**
   * fail: a blocking finding. incomplete: no blocking finding, but part of the infrastructure code was
   * not seen (no resource the rules could judge, or a module not read): never a pass, and it fails a
   * run as a finding does (a gate must not go green on evidence it did not see). pass: neither.
   */
  result: SystemResult;
  /** One entry per IaC input of the system: where its evidence came from and what was not evaluated. */
  iac?: IacEvidence[];
  metrics: Record<string, unknown>;
  findings: Finding[];
  rules: RuleResult[];
  inputs: InputFile[];
}

/**
 * incomplete: a system whose infrastructure code was not (all) evaluated. unknown: only an agency
 * (Report.agencies) none of whose rules could be decided, so that nothing judged never reads PASS.
 */
export type SystemResult = 'pass' | 'fail' | 'incomplete' | 'unknown';

/**
 * An owning agency (system.owner) judged over its systems in the run by the rules whose text is about
 * the agency, not one system (catalogue `agency`: BUD-04, the agency's average security spending).
 * Shaped as a system so that waivers (`agency:` in a waiver file), the baseline and every format take
 * it as they take a system: `id` is "agency:" and the owner as declared, `file` the first descriptor
 * of the agency in file order (where its findings are located, at /system/owner), `inputs` empty
 * (it has no file of its own), `name` the owner and how many systems the verdict covers.
 */
/** Prefix of an agency's id in reports, waivers and baselines (a system id cannot contain ':'). */
export const AGENCY_ID_PREFIX = 'agency:';

export interface AgencyReport extends SystemReport {
  /** The systems of this agency in this run: the only ones the verdict covers. */
  systems: number;
}

/**
 * The order of trust of IaC evidence, most exact first: a plan (`terraform show -json`: values as
 * Terraform will apply them), configuration evaluated as Terraform does (variables, modules,
 * count/for_each expanded), configuration read as written (expressions left unknown).
 */
export const IAC_TRUST = ['plan', 'evaluated', 'raw'] as const;
export type IacTrust = (typeof IAC_TRUST)[number];

/** What one IaC input gave as evidence (the report's provenance of its infrastructure verdicts). */
export interface IacEvidence {
  file: string;
  /** Which of IAC_TRUST this evidence is. */
  trust: IacTrust;
  /** Resources read from it. */
  resources: number;
  /** Resources with at least one value known before apply: those the rules could judge. */
  judged: number;
  /** Module calls and resources that were not (fully) evaluated, and why. */
  unevaluated: Array<{ address: string; reason: string; detail?: string; location?: Location }>;
  /** Why this input leaves its system incomplete; absent when it does not. */
  incomplete?: 'nothing-judged' | 'module-not-evaluated';
}

export interface Report {
  reportVersion: '1';
  tool: { name: 'tuanthu'; version: string; policyDigest: string; regoDigest: string };
  asOf: string;
  failOn: Severity;
  lang: Lang;
  /** Set when every system was evaluated at this lifecycle stage (--stage; the go-live gate). */
  stage?: Stage;
  /** Set when waivers were held to another longest length than the default (--max-waiver-days). */
  maxWaiverDays?: number;
  /** Set when rules were selected, skipped or given another severity than the catalogue's. */
  ruleSettings?: RuleSettings;
  summary: {
    systems: number;
    passed: number;
    failed: number;
    /** Systems with no blocking finding whose infrastructure code was not (all) evaluated. */
    incomplete: number;
    inputErrors: number;
    findings: Record<Severity, number>;
    due: number;
    /** Findings whose value is unknown until apply (status unknown; not counted in findings). */
    unknown: number;
    /** Findings accepted by an active waiver (not counted in findings). */
    waived: number;
  };
  systems: SystemReport[];
  errors: InputError[];
  /** The owning agencies of this run's systems, judged over them (AgencyReport); absent when no rule does. */
  agencies?: AgencyReport[];
  /** Every waiver that concerns a system of this run, with its status. */
  waivers?: WaiverRecord[];
  baseline?: BaselineSummary;
  /** The waiver files and the baseline this run read, with their digests: they change its result. */
  debtInputs?: DebtInputFile[];
  /** Earlier runs' totals (--previous), oldest first: the trend the portfolio reports show. */
  trend?: TrendPoint[];
}

/** An earlier run's totals, from its JSON report (--previous): the portfolio's trend. */
export interface TrendPoint {
  file: string;
  asOf: string;
  systems: number;
  passed: number;
  failed: number;
  findings: Record<Severity, number>;
}

export interface DebtInputFile {
  file: string;
  sha256: string;
  role: 'waivers' | 'baseline';
}

/** What decides a verdict: all that the pure library function lint() (src/api.ts) takes. */
export interface EvaluationOptions {
  /** Evaluation date, YYYY-MM-DD. */
  asOf: string;
  failOn: Severity;
  lang: Lang;
  /** Overrides every descriptor's lifecycle stage (e.g. the go-live gate). */
  stage?: Stage;
  /** Longest allowed waiver, approval to expiry, in days (default 180). */
  maxWaiverDays?: number;
  /** Also report waivers naming systems that were not checked in this run (as stale). */
  allWaivers?: boolean;
  /** Rules selected, skipped or given another severity; validate with ruleSettingsProblems(). */
  rules?: RuleSettings;
}

/** A run over files (src/run/lint-files.ts): the evaluation options and how to find, read and share the inputs. */
/**
 * Values for the input variables of every Terraform root of a run, from outside its files
 * (`--var`, `--var-file`, TF_VAR_* in the environment); precedence in src/io/iac/eval/variables.ts.
 */
export interface IacVariables {
  /** `name=value` pairs from --var, in the order given. */
  vars?: string[];
  /** --var-file paths, in the order given. */
  varFiles?: string[];
  /** The environment's TF_VAR_<name> values. */
  env?: Record<string, string>;
}

export interface LintOptions extends EvaluationOptions {
  /** Working directory that file names in the report are relative to. */
  cwd?: string;
  /** Called after each descriptor is checked (portfolio runs show progress with it). */
  onProgress?: (progress: { done: number; total: number; file: string }) => void;
  /**
   * Waiver files. Undefined: tuanthu.waivers.yaml in the working directory and next to each
   * descriptor, when present. Given: exactly these files (missing ones are input errors).
   */
  waivers?: string[];
  /** A baseline file (or an earlier JSON report): only violations not in it fail the run. */
  baseline?: string;
  /** Earlier JSON reports whose totals the portfolio reports show as a trend (they change no verdict). */
  previous?: string[];
  /** Guards against hostile input; unset fields keep their defaults (see src/io/limits.ts). */
  limits?: Partial<Limits>;
  /** Threads checking descriptors (default: 2 for 1,000+ descriptors on a machine with 2+ cores, else 1). */
  jobs?: number;
  /** Values for the input variables of Terraform roots (--var, --var-file, TF_VAR_*). */
  iacVariables?: IacVariables;
  /**
   * An organisation's own policies (--policy): bundles built with `opa build -t wasm`, evaluated
   * beside the built-in policy, their rules added to the run's catalogue (docs/custom-policies.md).
   */
  policies?: string[];
  /**
   * The caller will write the JSON report: when several threads check, each also serialises the
   * systems it checks, and runLint() returns those bytes (LintRun.prerendered) for the JSON
   * formatter to write as they are, so the report is not serialised by one thread at the end.
   */
  renderJson?: boolean;
}

/** What a single input file may cost. Files beyond a limit are refused with an input error (exit 2). */
export interface Limits {
  /** Bytes; larger descriptors (and waiver, baseline files) are refused from their size on disk, before they are read. */
  maxFileBytes: number;
  /** Bytes; the same for infrastructure code (Terraform JSON, plans, .tf files), which runs much larger. */
  maxIacFileBytes: number;
  /** Nesting depth of mappings and lists. */
  maxDepth: number;
  /** YAML alias expansions; guards against "billion laughs". */
  maxAliasCount: number;
  /** Resources in the infrastructure code of one system, summed over its files: what one evaluation may take. */
  maxIacResources: number;
  /** Milliseconds `terraform show -json` may take to convert one binary plan (0: no limit). */
  terraformTimeoutMs: number;
}
