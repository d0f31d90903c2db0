import type { ParseError } from 'jsonc-parser';
import { jsoncParser as J } from '../jsonc.js';
import { localized } from '../../i18n/index.js';
import { flowDepthExceeded, tooDeepMessage } from '../limits.js';
import type { Localized } from '../../model/types.js';
import { positionAt } from '../text-position.js';

/**
 * Parses JSON with JSON.parse (fast on large files); only when that fails is the text parsed
 * again with jsonc-parser, whose errors carry an offset for file:line:col.
 */
export function parseJson(
  text: string,
  maxDepth: number,
):
  | { ok: true; value: unknown }
  | { ok: false; code: 'too-deep' | 'syntax'; line: number; column: number; message: Localized } {
  // Before any parser: the code that reads a parsed stack (and jsonc-parser, on malformed text)
  // recurses per level, and 3,000 levels overflowed the stack, losing the whole run.
  const deep = flowDepthExceeded(text, maxDepth);
  if (deep !== undefined)
    return { ok: false, code: 'too-deep', ...positionAt(text, deep), message: tooDeepMessage(maxDepth) };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const errors: ParseError[] = [];
    J().parse(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    if (first)
      return {
        ok: false,
        code: 'syntax',
        ...positionAt(text, first.offset),
        message: localized('input.malformed-json', { detail: plainCode(J().printParseErrorCode(first.error)) }),
      };
    return {
      ok: false,
      code: 'syntax',
      line: 1,
      column: 1,
      message: localized('input.malformed-json', { detail: (e as Error).message }),
    };
  }
}

function plainCode(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * Positions of the values at the given JSON paths, found in one streaming pass over the text
 * (no tree is built). Used lazily: only resources with findings need a position.
 */
export function findPaths(
  text: string,
  paths: Array<Array<string | number>>,
): Map<string, { line: number; column: number }> {
  const wanted = new Set(paths.map(keyOf));
  // The last segment of a wanted path rules out nearly every property before its full path is
  // built (a 50,000-resource plan has millions of properties and wants a few thousand).
  const lastNames = new Set(paths.map((p) => p[p.length - 1]).filter((x): x is string => typeof x === 'string'));
  const wantsItems = paths.some((p) => typeof p[p.length - 1] === 'number');
  const found = new Map<string, { line: number; column: number }>();
  const record = (path: Array<string | number>, line: number, character: number) => {
    const k = keyOf(path);
    if (wanted.has(k) && !found.has(k)) found.set(k, { line: line + 1, column: character + 1 });
  };
  J().visit(text, {
    onObjectProperty: (property, _offset, _length, startLine, startCharacter, pathSupplier) => {
      if (lastNames.has(property)) record([...pathSupplier(), property], startLine, startCharacter);
    },
    onObjectBegin: (_offset, _length, startLine, startCharacter, pathSupplier) => {
      if (!wantsItems) return undefined;
      const p = pathSupplier();
      if (typeof p[p.length - 1] === 'number') record(p, startLine, startCharacter);
      return undefined;
    },
  });
  return found;
}

function keyOf(path: Array<string | number>): string {
  return path.join('\u0000');
}
