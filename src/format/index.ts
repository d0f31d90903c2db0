import { csv } from './csv.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { htmlReport } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { oscal } from './oscal.js';
import { sarif } from './sarif.js';
import { sonarqube } from './sonarqube.js';
import { text } from './text.js';
import type { Formatter } from './types.js';

export type { Formatter, FormatContext } from './types.js';

/** Every output format, by the name used with --format. */
export const FORMATTERS = {
  text,
  json,
  sarif,
  junit,
  github,
  gitlab,
  sonarqube,
  markdown,
  html: htmlReport,
  oscal,
  csv,
} satisfies Record<string, Formatter>;
export type FormatName = keyof typeof FORMATTERS;

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATTERS, name);
}
