import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { assetPath } from './assets.js';
import type { Lang, Localized } from './types.js';

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

let cached: Seeds | undefined;

/** The clause catalogue shipped in seeds/ (one YAML file per source document). */
export function loadSeeds(): Seeds {
  if (cached) return cached;
  const dir = assetPath('seeds');
  const documents = new Map<string, SeedDocument>();
  const clauses: Seeds['clauses'] = new Map();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    const file = parse(readFileSync(`${dir}/${f}`, 'utf8')) as { document: SeedDocument; clauses: SeedClause[] };
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
