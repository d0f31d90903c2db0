import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { assetPath } from '../util/assets.js';
import type { Lang, Localized } from '../model/types.js';

/** One unnumbered bullet inside a clause ("10(2)"), as recorded in seeds/*.yaml. */
export interface SeedItem {
  item: string;
  paraphrase: Localized;
  deadline?: string;
  recurring?: boolean;
  checkable: boolean;
}

/** One clause of a source document (schemas/seeds.schema.json). */
export interface SeedClause {
  id: string;
  section: string;
  heading_vi?: string;
  paraphrase: Localized;
  obligation: string;
  deadline?: string;
  recurring?: boolean;
  checkable: boolean;
  items?: SeedItem[];
}

export interface SeedDocument {
  key: string;
  number: string | null;
  title_vi: string;
  title_en: string;
  date: string | null;
}

export interface Seeds {
  documents: Map<string, SeedDocument>;
  clauses: Map<string, SeedClause & { document: SeedDocument }>;
}

/** seeds/coverage.yaml decides the documents' items (engine/coverage.ts); it is not a document. */
export const COVERAGE_FILE = 'coverage.yaml';

let cached: Seeds | undefined;

/** The clause catalogue shipped in seeds/ (one YAML file per source document). */
export function loadSeeds(): Seeds {
  if (cached) return cached;
  const dir = assetPath('seeds');
  const documents = new Map<string, SeedDocument>();
  const clauses: Seeds['clauses'] = new Map();
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.yaml') && n !== COVERAGE_FILE)
    .sort()) {
    const file = parseYaml(readFileSync(`${dir}/${f}`, 'utf8')) as { document: SeedDocument; clauses: SeedClause[] };
    documents.set(file.document.key, file.document);
    for (const c of file.clauses) clauses.set(c.id, { ...c, document: file.document });
  }
  cached = { documents, clauses };
  return cached;
}

/** The document's title in the user's language, e.g. "Plan for cybersecurity, …". */
export function documentTitle(doc: SeedDocument, lang: Lang): string {
  return lang === 'vi' ? doc.title_vi : doc.title_en;
}

// `yaml` is loaded only when the seeds are: `tuanthu check` never needs it, and loading it is a
// sizeable part of a cold start (docs/benchmarks.md).
function parseYaml(text: string): unknown {
  return (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text);
}
