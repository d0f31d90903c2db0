import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The package root, where schemas/, build/policy/ and seeds/ live (dist/ sits beside them). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function assetPath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}

/** What TypeScript reads of the policy's data (policies/tuanthu/iac/data.yaml). */
export interface PolicyData {
  tuanthu: {
    iac: {
      /** Resource types that every evaluation batch sees (rules that look across the whole stack). */
      stack_wide_types: string[];
      /** A resource of another type whose attribute `by` equals the `name` of a resource of `type` references it. */
      name_references: Array<{ type: string; name: string; by: string }>;
    };
    /** policies/tuanthu/locations/data.yaml: per provider, the provider-block attribute naming its region. */
    locations: { providers: Record<string, { region_attribute?: string }> };
  };
}

let policyDataCache: PolicyData | undefined;

/** The compiled policy's data document (build/policy/data.json), read once: the engine's data and the IaC loaders' provider knowledge. */
export function policyData(): PolicyData {
  return (policyDataCache ??= JSON.parse(
    readFileSync(assetPath('build', 'policy', 'data.json'), 'utf8'),
  ) as PolicyData);
}

/**
 * The attribute of a provider's configuration block that names its region: `region` unless the
 * location data says otherwise (CMC Cloud's cmccloudv2 calls it `region_id`).
 */
export function regionAttribute(provider: string): string {
  return policyData().tuanthu.locations?.providers?.[provider]?.region_attribute ?? 'region';
}
