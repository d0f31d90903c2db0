#!/usr/bin/env node
// Writes docs/providers.md from the policy data (build/policy/data.json): which provider-neutral
// rule judges which resource type of which cloud, through which attribute (or which descriptor
// field declares it), with the provider source each mapping was read from, and where each
// provider's regions are. Edit policies/tuanthu/clouds/data.yaml or locations/data.yaml, run
// `npm run policy:build`, then `npm run docs:providers`. tests/e2e/docs.test.ts fails when stale.
//
//   node scripts/gen-providers-doc.mjs [--out <file>]     (default: docs/providers.md)
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const out = outIdx >= 0 ? args[outIdx + 1] : join(ROOT, 'docs', 'providers.md');
if (!out) {
  process.stderr.write('usage: gen-providers-doc.mjs [--out <file>]\n');
  process.exit(2);
}

const data = JSON.parse(readFileSync(join(ROOT, 'build/policy/data.json'), 'utf8')).tuanthu;
const clouds = data.clouds;
const locations = data.locations.providers;

const concepts = [
  ['volume_encryption', 'CLD-ENC-01', 'volumes encrypted at rest'],
  ['public_exposure', 'CLD-PUB-01', 'databases and object storage not public'],
  ['admin_exposure', 'CLD-NET-01', 'no administration or database port open to the Internet'],
  ['backups', 'CLD-BAK-01', 'databases and volumes backed up automatically, object storage versioned'],
  ['listener_tls', 'CLD-TLS-01', 'load-balancer listeners use TLS 1.2 or later; plain HTTP redirects'],
  ['logging', 'CLD-LOG-01', 'load balancers and databases logged for monitoring'],
];

const code = (s) => `\`${s}\``;
const cell = (s) => String(s).replaceAll('|', '\\|');

function test(t) {
  if (!t) return '';
  if ('equals' in t) return `= ${JSON.stringify(t.equals)}`;
  if ('one_of' in t) return `one of ${t.one_of.map((v) => code(v)).join(', ')}`;
  if ('matches' in t) return `matches ${code(t.matches)}`;
  if (t.non_empty) return 'set, not empty';
  if (t.absent) return 'left out';
  if (t.grants_anyone) return 'a policy allowing every principal (`*`) with no condition';
  return JSON.stringify(t);
}

function shows(concept, m) {
  if (concept === 'listener_tls') return listener(m);
  if (m.declare) return `no attribute: declare ${code(m.declare)} in the descriptor`;
  if (concept === 'backups') {
    const by = m.attached ? `a ${code(m.attached.type)} whose ${code(m.attached.by)} names it` : '';
    const on = !m.attribute
      ? by
      : `${code(m.attribute)} ${test(m.enabled)}${m.attached ? `, or ${by} with ${code(m.attached.attribute)} ${test(m.enabled)}` : ''}`;
    const days = m.retention_days
      ? `; retention in days ${code(m.retention_days)} (fewer than recommended: a recommendation)`
      : '';
    return `${on} is ${m.kind === 'bucket' ? 'versioned' : 'backed up'}${days}`;
  }
  if (concept === 'logging') return `${code(m.attribute)} ${test(m.enabled)} records logs`;
  if (concept === 'volume_encryption') return `${code(m.attribute)} ${test(m.encrypted)} is encrypted`;
  if (concept === 'public_exposure')
    return `${[m, ...(m.also ?? [])].map((a) => `${code(a.attribute)} ${test(a.public)}`).join(' or ')} is public`;
  const ports = m.port_range ? code(m.port_range) : `${code(m.port_min)}–${code(m.port_max)}`;
  const where = m.block ? `each ${code(m.block)} block: ` : '';
  const dir = m.direction ? `${code(m.direction.attribute)} = ${code(m.direction.inbound)}, ` : '';
  const words = (w) => (w ?? []).map(code).join(', ');
  const anywhere = m.anywhere ? ` (${words(m.anywhere)}: every address)` : '';
  const sourceType = m.source_type
    ? `; source type ${code(m.source_type.attribute)} ${words(m.source_type.anywhere)} (the default when left out: ${code(m.source_type.default)}) admits every address`
    : '';
  const anyPort = m.any_port ? ` (${words(m.any_port)}: every port)` : '';
  const allow = m.allow
    ? `, allowing when ${code(m.allow.attribute)} = ${code(m.allow.value)}${m.allow.default ? ` (the default)` : ''}`
    : '';
  const named = m.named
    ? `; a rule that leaves them out takes its ${code(m.named.attribute)}'s (${Object.entries(m.named.types)
        .map(([k, v]) => `${code(k)}${v.port ? ` ${v.port}` : ''}${v.protocol ? `/${v.protocol}` : ''}`)
        .join(', ')})`
    : '';
  return `${where}${dir}source ${code(m.cidr)}${anywhere}, ports ${ports}${anyPort}, protocol ${code(m.protocol)}${allow}${named}${sourceType}`;
}

// CLD-TLS-01: the protocols, the TLS versions attribute (or the field that declares the minimum),
// the L7 policy that redirects plain HTTP and the load balancer attribute that means internal.
function listener(m) {
  const list = (xs) => xs.map(code).join(', ');
  const versions = m.tls_versions
    ? `${code(m.tls_versions)} lists the versions (below 1.2: a violation); left out, declare ${code(m.declare)}`
    : `no TLS version attribute: declare ${code(m.declare)}`;
  const declared = m.declared ? ` ${test(m.declared)}` : '';
  const redirect = m.redirect
    ? `; plain HTTP (${list(m.http)}) redirects through a ${code(m.redirect.type)} with ${list(m.redirect.url)} to https://`
    : '';
  const internal = m.load_balancer
    ? `; not judged on a ${code(m.load_balancer.type)} whose ${code(m.load_balancer.internal.attribute)} ${test(m.load_balancer.internal.test)}`
    : m.internal
      ? `; not judged when ${code(m.internal.attribute)} is ${test(m.internal.test)} (internal)`
      : '';
  const where = [
    m.protocol ? `${code(m.protocol)}${m.protocol_default ? ` (left out: ${code(m.protocol_default)})` : ''}` : '',
    ...Object.entries(m.blocks ?? {}).map(([b, a]) => `each ${code(b)} block's ${code(a)}`),
  ]
    .filter(Boolean)
    .join(' and ');
  const noRedirect = m.redirect || !m.http?.length ? '' : '; plain HTTP cannot redirect (no L7 policy)';
  return `${where} ${list(m.https)}: ${versions}${declared}${redirect}${noRedirect}${internal}`;
}

const lines = [
  '# Providers',
  '',
  '<!-- Generated by scripts/gen-providers-doc.mjs from policies/tuanthu/clouds/data.yaml and',
  '     policies/tuanthu/locations/data.yaml: do not edit; run npm run docs:providers. -->',
  '',
  'Rules by concept, providers by data: each provider-neutral rule reads the resource types and attributes below.',
  'Adding a provider is adding its rows to `policies/tuanthu/clouds/data.yaml` and fixtures to the rule; no code.',
  'AWS is judged by its own rules (AWS-EBS-01, AWS-RDS-03, AWS-S3-02, AWS-NET-01…). Where a provider has no',
  'attribute for a concept, the finding is *unknown* and names the descriptor field that must declare it; a',
  'descriptor that declares that field against the concept (`false`, a TLS minimum below 1.2) gets a violation',
  'whose message says the verdict rests on the declaration.',
  '',
];
for (const [key, id, title] of concepts) {
  const rows = Object.entries(clouds[key] ?? {}).sort(([a], [b]) => a.localeCompare(b));
  lines.push(`## ${id}: ${title}`, '', '| provider | resource type | shown by | source |', '|---|---|---|---|');
  for (const [type, m] of rows)
    lines.push(`| ${m.provider} | ${code(type)} | ${cell(shows(key, m))} | ${cell(m.source)} |`);
  lines.push('');
}
lines.push(
  '## Locations (IAC-LOC-01, IAC-X-01)',
  '',
  '| provider | default country | regions and zones listed |',
  '|---|---|---|',
);
for (const [name, p] of Object.entries(locations).sort(([a], [b]) => a.localeCompare(b))) {
  const places = [...Object.entries(p.zones ?? {}), ...Object.entries(p.regions ?? {})]
    .map(([id, g]) => `${code(id)} ${g.country}`)
    .join(', ');
  lines.push(`| ${name} | ${p.default_country ?? '— (by region)'} | ${cell(places || '—')} |`);
}
lines.push('');

const tmp = `${out}.tmp-${process.pid}`;
writeFileSync(tmp, lines.join('\n'));
renameSync(tmp, out);
process.stdout.write(`gen-providers-doc: ${out}\n`);
