/**
 * The one resource model every IaC input shape (Terraform JSON / cdk.tf.json, HCL, plan JSON)
 * is normalised into. The policies see `PolicyResource`; positions stay on the TypeScript side.
 */
import type { InputProblem } from './types.js';

/** What the Rego policies receive for one resource. */
export interface PolicyResource {
  /** Terraform address, e.g. aws_s3_bucket.uploads or module.db.aws_db_instance.main. */
  address: string;
  type: string;
  name: string;
  /** Provider local name, e.g. "aws", "vngcloud". */
  provider: string;
  /** Provider configuration key, e.g. "aws" or "aws.hanoi". */
  provider_config: string;
  /** Region from the resource, its provider block or a variable default; null when not known before apply. */
  region: string | null;
  /** Availability zone (incl. Local Zones) when the resource or its subnet names one. */
  zone: string | null;
  values: Record<string, unknown>;
  /**
   * Dotted paths of values that are unknown until apply (plan after_unknown, or whole-value
   * ${...} expressions in source). Unknown is not absent: rules say "unknown until apply".
   */
  unknown: string[];
  /** Addresses of the resources this one references (by expression or by S3 bucket name). */
  refs: string[];
  /**
   * Set only in a policy input batch (src/engine/iac-input.ts): for each type of resource that
   * references this one, the positions of those resources in the batch.
   */
  referenced_by?: Record<string, number[]>;
  /** CDKTF construct path from the "//" metadata, when there is one. */
  construct_path?: string;
  /** For a resource inside a module: where the root module calls it (`main.tf:12:1`), the line the user edits. */
  module_call?: string;
  /** Tags the resource carries (tags ∪ tags_all), for declarations such as tuanthu:data. */
  tags: Record<string, string>;
}

export type IacShape = 'terraform-json' | 'hcl' | 'plan';

export interface Location {
  file: string;
  line: number;
  column: number;
}

/**
 * Where resources are written, resolved lazily and in one pass for all that are asked for
 * (only resources with findings need a position; a 10,000-resource file is not indexed up front).
 */
export type Locator = (addresses: string[]) => Map<string, Location>;

/** One IaC input (a file, or a directory of .tf files) after loading. */
export interface IacStack {
  /** Display name of the input (file or directory). */
  file: string;
  shape: IacShape;
  resources: PolicyResource[];
  locate: Locator;
  /** Files read, with their digests, for SystemReport.inputs. */
  inputs: Array<{ file: string; sha256: string }>;
  /**
   * Set by the Terraform evaluator when variables, locals, modules and count/for_each were evaluated
   * (evidence of trust "evaluated"); a plan is "plan", anything else "raw" (SystemReport.iac).
   */
  evaluated?: boolean;
  /** What the code holds but could not be evaluated, and why: never skipped silently. */
  unevaluated?: IacUnevaluated[];
}

/** Why part of the code was not evaluated. */
export type IacUnevaluatedReason =
  /** A registry/git module whose source is not in .terraform/modules (terraform init has not run). */
  | 'module-not-installed'
  /** A local module source directory that does not exist or holds no .tf files. */
  | 'module-not-found'
  /** A module source kind tuanthu cannot read (e.g. an archive URL not installed locally). */
  | 'module-source-unsupported'
  /** count/for_each over a collection only known after apply: evaluated once, attributes unknown. */
  | 'collection-unknown';

/** A module call or resource that was not (fully) evaluated. Reports list these; gate cannot GO on them alone. */
export interface IacUnevaluated {
  /** Address of the module call or resource, e.g. module.vpc or aws_s3_bucket.logs. */
  address: string;
  reason: IacUnevaluatedReason;
  /** The module source or the expression that could not be known. */
  detail?: string;
  location?: Location;
}

/** An input problem of infrastructure code (never a JSON pointer: its positions are file:line:col). */
export type IacLoadError = Omit<InputProblem, 'path'>;

export type IacLoadResult = { ok: true; stack: IacStack } | { ok: false; errors: IacLoadError[] };
