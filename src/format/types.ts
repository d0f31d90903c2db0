import type { Catalogue } from '../engine/catalogue.js';
import type { Lang, Report } from '../model/types.js';

export interface FormatContext {
  catalogue: Catalogue;
  lang: Lang;
  /** ANSI colours; the CLI sets it for a TTY without NO_COLOR. */
  color: boolean;
}

/** One output format. Formatters present a report; they never compute findings. */
export interface Formatter {
  description: string;
  /** File extension used when the format is written to a file without a name. */
  extension: string;
  render(report: Report, ctx: FormatContext): string;
  /**
   * The same output as render, in pieces, for reports too large to hold as one string. A piece
   * may already be UTF-8 bytes (parts serialised while checking, src/format/json.ts).
   */
  chunks?(report: Report, ctx: FormatContext): Iterable<string | Uint8Array>;
}
