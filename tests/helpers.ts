import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { evaluateWithIac } from '../src/engine/iac-input.js';
import type { IacStack } from '../src/model/iac.js';
import { PolicyEngine, type PolicyResult } from '../src/engine/policy-engine.js';
import { loadCatalogue } from '../src/engine/catalogue.js';
import { policyBase, type Descriptor } from '../src/engine/system-report.js';
import type { Stage } from '../src/model/types.js';

export const ROOT = join(import.meta.dirname, '..');
export const COMPLIANT = join(ROOT, 'examples/mof-public-services/system.yaml');
export const NONCOMPLIANT = join(ROOT, 'examples/province-land-portal/system.yaml');
export const AS_OF = '2026-11-23';

/** Runs fn with a new temporary folder, removed afterwards whatever happens. */
export async function inTempDir<T>(prefix: string, fn: (dir: string) => T | Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Makes a named pipe at path; false where there is no mkfifo (the test then has nothing to try). */
export function makeFifo(path: string): boolean {
  try {
    execFileSync('mkfifo', [path]);
    return true;
  } catch {
    return false;
  }
}

/** The rules' folders, policies/tuanthu/rules/<family>/<key>/ (directory = package tuanthu.rules.<family>.<key>). */
export const RULES_DIR = join(ROOT, 'policies/tuanthu/rules');
export function ruleDirs(): Array<{ family: string; key: string; dir: string }> {
  const subdirs = (dir: string) =>
    readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  return subdirs(RULES_DIR).flatMap((family) =>
    subdirs(join(RULES_DIR, family)).map((key) => ({ family, key, dir: join(RULES_DIR, family, key) })),
  );
}

export function readYaml<T = unknown>(file: string): T {
  return parse(readFileSync(file, 'utf8')) as T;
}

/** Deep merge for fixtures: objects merge, arrays and scalars replace, null deletes. */
export function mergePatch(base: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    base && typeof base === 'object' && !Array.isArray(base) ? { ...(base as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

let engine: PolicyEngine | undefined;

/** Evaluates a descriptor (and IaC stacks) with the compiled Wasm, with the policy input lint() builds (policyBase). */
export function evaluate(
  descriptor: unknown,
  asOf = AS_OF,
  stage?: string,
  stacks: IacStack[] = [],
  batchSize?: number,
): PolicyResult {
  engine ??= PolicyEngine.load();
  const options = { asOf, failOn: 'high' as const, lang: 'en' as const, ...(stage ? { stage: stage as Stage } : {}) };
  const { base } = policyBase(descriptor as Descriptor | null, loadCatalogue(), options);
  return evaluateWithIac(engine, base, stacks, batchSize);
}

/**
 * Problems of a JUnit XML document against tests/schemas/junit.xsd (the subset the CI systems read), by
 * libxml2's validator compiled to WebAssembly (xmllint-wasm); empty when it is valid.
 */
export async function junitSchemaErrors(xml: string): Promise<string[]> {
  const { validateXML } = await import('xmllint-wasm');
  const schema = readFileSync(join(ROOT, 'tests/schemas/junit.xsd'), 'utf8');
  const r = await validateXML({
    xml: [{ fileName: 'report.xml', contents: xml }],
    schema: [{ fileName: 'junit.xsd', contents: schema }],
  });
  return r.valid ? [] : r.errors.map((e) => e.rawMessage);
}
