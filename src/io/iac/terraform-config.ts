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

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
