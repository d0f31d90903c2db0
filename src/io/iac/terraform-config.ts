import { normalise, resolveValue, type ProviderRegions, type RawResource } from './normalise.js';
import type { PolicyResource } from '../../model/iac.js';

/** Top-level keys of Terraform's JSON configuration syntax (and CDKTF's "//" metadata). */
const CONFIG_KEYS = new Set([
  'resource',
  'data',
  'provider',
  'terraform',
  'variable',
  'output',
  'locals',
  'module',
  'moved',
  'import',
  'check',
  'removed',
  '//',
]);

/** Terraform JSON configuration (a .tf.json or cdktf's cdk.tf.json): an object of known blocks with resources or a terraform block. */
export function isTerraformConfig(v: unknown): v is Record<string, unknown> {
  if (!isObject(v)) return false;
  const keys = Object.keys(v);
  return (
    keys.length > 0 &&
    keys.every((k) => CONFIG_KEYS.has(k)) &&
    ('resource' in v || 'terraform' in v || '//' in v || 'provider' in v)
  );
}

export interface ConfigResource {
  type: string;
  name: string;
  body: Record<string, unknown>;
}

/**
 * Reads resources, provider regions and variable defaults from a Terraform configuration in
 * JSON form. Block bodies may be objects (Terraform JSON, cdk.tf.json) or one-element arrays
 * (hcl2json); both are accepted.
 */
export function readConfig(config: Record<string, unknown>): {
  resources: ConfigResource[];
  providers: ProviderRegions;
  variables: Record<string, unknown>;
} {
  const variables: Record<string, unknown> = {};
  for (const block of blocks(config.variable)) {
    for (const [name, body] of Object.entries(block)) {
      const b = first(body);
      if (b && 'default' in b) variables[name] = b.default;
    }
  }
  const providers: ProviderRegions = new Map();
  for (const block of blocks(config.provider)) {
    for (const [name, bodies] of Object.entries(block)) {
      for (const b of Array.isArray(bodies) ? bodies : [bodies]) {
        if (!isObject(b)) continue;
        const key = typeof b.alias === 'string' ? `${name}.${b.alias}` : name;
        providers.set(key, resolveValue(b.region, variables) ?? (b.region === undefined ? undefined : null));
      }
    }
  }
  const resources: ConfigResource[] = [];
  for (const block of blocks(config.resource)) {
    for (const [type, named] of Object.entries(block)) {
      if (!isObject(named)) continue;
      for (const [name, body] of Object.entries(named)) {
        const b = first(body);
        if (b) resources.push({ type, name, body: b });
      }
    }
  }
  return { resources, providers, variables };
}

/** Builds the policy model from a configuration; the CDKTF "//" metadata gives the construct path. */
export function configResources(config: Record<string, unknown>): PolicyResource[] {
  const { resources, providers, variables } = readConfig(config);
  const raws: RawResource[] = resources.map(({ type, name, body }) => {
    const { '//': meta, provider, ...values } = body;
    const path =
      isObject(meta) && isObject(meta.metadata) && typeof meta.metadata.path === 'string'
        ? meta.metadata.path
        : undefined;
    return {
      address: `${type}.${name}`,
      type,
      name,
      ...(typeof provider === 'string' ? { providerKey: provider.replace(/^\$\{(.*)\}$/, '$1') } : {}),
      values,
      ...(path ? { constructPath: path } : {}),
    };
  });
  return normalise(raws, providers, variables);
}

function blocks(v: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(v)) return v.filter(isObject);
  return isObject(v) ? [v] : [];
}

function first(v: unknown): Record<string, unknown> | undefined {
  if (Array.isArray(v)) return isObject(v[0]) ? v[0] : undefined;
  return isObject(v) ? v : undefined;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
