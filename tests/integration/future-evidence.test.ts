// Evidence dated after --as-of has one owner, EVD-01 (issue 18): one future date gives exactly one
// finding that names it, EVD-01's, in the whole report; every other rule reads the descriptor as if
// what that date records had not been recorded (lib.d, policies/tuanthu/lib/evidence.rego).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, COMPLIANT, evaluate, mergePatch, readYaml, ROOT } from '../helpers.js';

interface Entry {
  path: string[];
  each?: string[];
  drop?: string[];
  stages?: string[];
  keep?: string;
}
interface EvidenceData {
  evidence: Entry[];
  plans: Array<{ path: string[]; why: { en: string; vi: string } }>;
}

const data = readYaml<EvidenceData>(join(ROOT, 'policies/tuanthu/evidence/data.yaml'));
const base = readYaml(COMPLIANT);
const FUTURE = '2026-12-15'; // after AS_OF, and a date no other field of the base holds

/** The base with `value` at `path` (objects merged, the item of an array replaced). */
function setAt(doc: unknown, path: Array<string | number>, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(doc)) {
    const copy = [...doc];
    copy[Number(head)] = setAt(copy[Number(head)], rest, value);
    return copy;
  }
  const obj = doc && typeof doc === 'object' ? (doc as Record<string, unknown>) : {};
  return { ...obj, [head]: setAt(obj[head], rest, value) };
}

function removeAt(doc: unknown, path: Array<string | number>): unknown {
  const [head, ...rest] = path;
  if (head === undefined || !doc || typeof doc !== 'object') return doc;
  if (Array.isArray(doc)) {
    const copy = [...doc];
    copy[Number(head)] = removeAt(copy[Number(head)], rest);
    return copy;
  }
  const obj = { ...(doc as Record<string, unknown>) };
  if (rest.length === 0) delete obj[head];
  else obj[head] = removeAt(obj[head], rest);
  return obj;
}

/** What makes each rule that reads the date apply to the compliant base. */
const SCENARIO: Record<string, unknown> = {
  'monitoring.defence_connection.since': {
    system: { sector: 'defence' },
    monitoring: { defence_connection: { centre: 'Bộ Tư lệnh 86', connected: true, since: '2026-01-10' } },
  },
  'monitoring.central_soc.since': {
    hosting: { own_data_centre: true },
    monitoring: {
      central_soc: { name: 'Trung tâm giám sát tập trung', since: '2026-05-15', shares_with_national: true },
    },
  },
};

const name = (e: Entry) => [...(e.each ? [...e.each, '[]'] : []), ...e.path].join('.');

/** Every string anywhere in a finding's params. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

describe('evidence dated after --as-of', () => {
  it('lists every date field of the descriptor schema as evidence or as a plan', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/system.schema.json'), 'utf8'));
    const dates: string[] = [];
    const walk = (node: Record<string, unknown>, path: string[]): void => {
      if (node.$ref === '#/$defs/date' || node.format === 'date') dates.push(path.join('.'));
      for (const [k, v] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>))
        walk(v, [...path, k]);
      if (node.items) walk(node.items as Record<string, unknown>, [...path, '[]']);
    };
    walk(schema, []);
    expect(dates.length).toBeGreaterThan(20);
    const known = [...data.evidence.map(name), ...data.plans.map((p) => p.path.join('.'))];
    expect(dates.filter((d) => !known.includes(d))).toEqual([]);
    expect(known.filter((k) => !dates.includes(k))).toEqual([]);
  });

  for (const e of data.evidence) {
    const field = name(e);
    // The date's path in the base (the first item of an array), and what a future date takes away.
    const at = [...(e.each ? [...e.each, '0'] : []), ...e.path];
    const dropped = e.drop ?? at;
    const scenario = mergePatch(base, SCENARIO[field] ?? {});

    it(`${field}: one future date, one finding that names it, EVD-01's`, () => {
      const r = evaluate(setAt(scenario, at, FUTURE), AS_OF);
      const naming = r.findings.filter((f) => strings(f.params).includes(FUTURE));
      expect(naming.map((f) => `${f.rule} ${f.msg} ${f.path}`)).toEqual([`EVD-01 future /${at.join('/')}`]);
    });

    if (e.keep) continue;
    it(`${field}: every other rule reads it as not yet done`, () => {
      const future = evaluate(setAt(scenario, at, FUTURE), AS_OF);
      const absent = evaluate(removeAt(scenario, dropped), AS_OF);
      const others = (fs: typeof future.findings) =>
        fs
          .filter((f) => f.rule !== 'EVD-01')
          .map((f) => `${f.rule} ${f.msg} ${f.path} ${f.status}`)
          .sort();
      expect(others(future.findings)).toEqual(others(absent.findings));
      expect(future.not_applicable).toEqual(absent.not_applicable);
    });
  }

  it('the same date on the evaluation day is evidence (no EVD-01 finding)', () => {
    const r = evaluate(setAt(base, ['incident_response', 'last_drill'], AS_OF), AS_OF);
    expect(r.findings.filter((f) => f.rule === 'EVD-01')).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'IRP-04')).toEqual([]);
  });
});
