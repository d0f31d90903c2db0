import type { PosNode } from './fast-yaml.js';
import type { Node as JsonNode } from 'jsonc-parser';
import { jsoncParser } from '../jsonc.js';
import { valueDepthExceeded } from '../limits.js';

// Characters js-yaml refuses anywhere in a stream (its PATTERN_NON_PRINTABLE); JSON.parse takes
// them inside strings. A JSON file holding one goes the YAML way, so that it is refused the same.
const NON_PRINTABLE =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/**
 * The fast path for JSON descriptors: JSON.parse for the value (30× faster than js-yaml on the
 * same text, docs/benchmarks.md) and one jsonc-parser pass for the start of every value and key,
 * the same offsets src/io/descriptor/fast-yaml.ts takes from js-yaml's listener. It declines — returns
 * undefined — for anything the YAML paths must judge: text that is not a JSON object, a
 * duplicate key (an error there), `__proto__` keys, characters YAML refuses, or nesting deeper than
 * the limit.
 */
export function fastParseJson(text: string, maxDepth: number): { value: unknown; root: PosNode } | undefined {
  if (!startsObject(text) || text.includes('__proto__') || NON_PRINTABLE.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  // Deeper than the limit: the careful path reports where (and parseTree, which recurses, is spared).
  if (valueDepthExceeded(value, maxDepth)) return undefined;
  const root = positions(text);
  return root ? { value, root } : undefined;
}

function startsObject(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b) return true;
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return false;
  }
  return false;
}

/** The position tree of text that JSON.parse accepted; undefined on a duplicate key. */
function positions(text: string): PosNode | undefined {
  // parseTree and one walk over it: visit() with callbacks costs twice as much (path tracking).
  const tree = jsoncParser().parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
  return tree ? convert(tree) : undefined;
}

function convert(node: JsonNode): PosNode | undefined {
  if (node.type === 'object') {
    const out: PosNode = { kind: 'map', start: node.offset, keys: [], keyStarts: [], values: [] };
    const props = node.children ?? [];
    // A Set only for wide objects: descriptors' mappings have a handful of keys.
    const seen = props.length > 32 ? new Set<string>() : undefined;
    for (const p of props) {
      const [k, v] = p.children ?? [];
      if (!k || !v) return undefined;
      const name = k.value as string;
      if (seen ? seen.has(name) : out.keys.includes(name)) return undefined;
      seen?.add(name);
      const value = convert(v);
      if (!value) return undefined;
      out.keys.push(name);
      out.keyStarts.push(k.offset);
      out.values.push(value);
    }
    return out;
  }
  if (node.type === 'array') {
    const out: PosNode = { kind: 'seq', start: node.offset, items: [] };
    for (const c of node.children ?? []) {
      const item = convert(c);
      if (!item) return undefined;
      out.items.push(item);
    }
    return out;
  }
  return { kind: 'scalar', start: node.offset };
}
