#!/usr/bin/env node
// Validates the clause catalogue in seeds/ against schemas/seeds.schema.json,
// checks that clause ids are unique and agree with `section` and the document key,
// that item ordinals are unique within a clause, and prints counts per document.
// Usage: node scripts/check-seeds.mjs   (exit 0 = ok, 1 = problems)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const KEYS = ['TB06', 'CT57', 'KH04', 'TTg'];
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'seeds.schema.json'), 'utf8'));
// strictRequired is off: it misreports `required` inside if/then (the reason-when-not-checkable rule).
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
const validate = ajv.compile(schema);

const problems = [];
const seen = new Map();
const rows = [];

for (const key of KEYS) {
  const rel = join('seeds', `${key}.yaml`);
  let doc;
  try {
    doc = parse(readFileSync(join(root, rel), 'utf8'));
  } catch (err) {
    problems.push(`${rel}: cannot read or parse: ${err.message}`);
    continue;
  }
  if (!validate(doc)) {
    for (const e of validate.errors) problems.push(`${rel}: ${e.instancePath || '/'} ${e.message}`);
    continue;
  }
  if (doc.document.key !== key) problems.push(`${rel}: document.key is ${doc.document.key}, expected ${key}`);
  let checkable = 0;
  let items = 0;
  for (const [i, c] of doc.clauses.entries()) {
    const where = `${rel}: clauses[${i}] (${c.id})`;
    if (c.id !== `${key}:${c.section}`) problems.push(`${where}: id does not equal "${key}:" + section "${c.section}"`);
    if (seen.has(c.id)) problems.push(`${where}: duplicate id (also in ${seen.get(c.id)})`);
    else seen.set(c.id, rel);
    if (c.checkable) checkable++;
    if (c.items) {
      const ords = new Set();
      for (const it of c.items) {
        if (ords.has(it.item)) problems.push(`${where}: duplicate item "${it.item}"`);
        ords.add(it.item);
        items++;
      }
      if (c.items.some((it) => it.checkable) && !c.checkable) {
        problems.push(`${where}: an item is checkable but the clause is not`);
      }
    }
  }
  rows.push({ key, total: doc.clauses.length, checkable, notCheckable: doc.clauses.length - checkable, items });
}

const pad = (s, n) => String(s).padStart(n);
console.log('document  clauses  checkable  not-checkable  bullet-items');
for (const r of rows) {
  console.log(
    `${r.key.padEnd(8)}  ${pad(r.total, 7)}  ${pad(r.checkable, 9)}  ${pad(r.notCheckable, 13)}  ${pad(r.items, 12)}`,
  );
}
const sum = (k) => rows.reduce((a, r) => a + r[k], 0);
console.log(
  `${'total'.padEnd(8)}  ${pad(sum('total'), 7)}  ${pad(sum('checkable'), 9)}  ${pad(sum('notCheckable'), 13)}  ${pad(sum('items'), 12)}`,
);

if (problems.length) {
  console.error(`\n${problems.length} problem(s):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log('\nseeds: ok');
