import type { Catalogue } from '../engine/catalogue.js';
import type { Lang, Report, SystemReport } from '../model/types.js';

export interface FormatContext {
  catalogue: Catalogue;
  lang: Lang;
  /** ANSI colours; the CLI sets it for a TTY without NO_COLOR. */
  color: boolean;
  /**
   * Systems already serialised as the JSON report shows them (by worker threads, src/run/), by
   * identity; the json format writes those bytes as they are. Other formats ignore it.
   */
  prerendered?: ReadonlyMap<SystemReport, Uint8Array>;
  /**
   * A streamed run (src/run/lint-files.ts, LintRun.streamed): report.systems is empty and these are
   * its systems, already serialised as the JSON report shows them, in the report's order. Only the
   * json format can be written from it.
   */
  streamed?: { systems(): Iterable<Uint8Array> };
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
