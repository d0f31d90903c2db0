/** A descriptor as the engine sees it: read and parsed by src/io/, which also knows where each value sits. */
export interface LoadedSource {
  /** The file name as reports show it. */
  file: string;
  text: string;
  sha256: string;
  value: unknown;
  /**
   * Line and column (1-based) of the value at a JSON pointer; for an absent value, of its deepest
   * existing ancestor. Policies report pointers; this turns them into places the user edits.
   */
  locate(pointer: string): { line: number; column: number };
}
