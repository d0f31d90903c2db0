import { constructFromEvents, EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event } from 'js-yaml';

/** Where each value of a parsed file starts, as character offsets; enough to answer locate(). */
export type PosNode =
  | { kind: 'map'; start: number; keys: string[]; keyStarts: number[]; values: PosNode[] }
  | { kind: 'seq'; start: number; items: PosNode[] }
  | { kind: 'scalar'; start: number };

class NotFast extends Error {}

/**
 * The fast path of the loader: js-yaml's event parser (about 15× faster than `yaml`'s document
 * model on descriptors, see docs/benchmarks.md) gives the value and, from the events' offsets, the
 * start of every value and key. It declines — returns undefined — whenever the careful path must
 * decide: any syntax problem or duplicate key (so that errors keep `yaml`'s wording and positions),
 * any alias (js-yaml shares aliased nodes, so a "billion laughs" file would pass its alias limit and
 * expand later; `yaml` counts expansions), several documents, or a non-scalar key.
 */
export function fastParse(text: string, maxDepth: number): { value: unknown; root: PosNode } | undefined {
  try {
    const events = parseEvents(text, { maxDepth });
    const root = positions(text, events);
    const docs = constructFromEvents(events, { source: text, maxAliases: 0 });
    if (docs.length !== 1) return undefined;
    return { value: docs[0], root };
  } catch {
    return undefined;
  }
}

interface Frame {
  node: PosNode | undefined; // undefined: the document
  key?: string;
  keyStart?: number;
  expectKey: boolean;
}

function positions(text: string, events: Event[]): PosNode {
  const stack: Frame[] = [];
  let root: PosNode | undefined;
  let documents = 0;
  const add = (node: PosNode, keyText?: () => string) => {
    const top = stack[stack.length - 1];
    if (!top) throw new NotFast();
    const parent = top.node;
    if (parent === undefined) {
      if (root) throw new NotFast();
      root = node;
    } else if (parent.kind === 'seq') {
      parent.items.push(node);
    } else if (parent.kind === 'map') {
      if (top.expectKey) {
        if (node.kind !== 'scalar' || !keyText) throw new NotFast();
        top.key = keyText();
        top.keyStart = node.start;
        top.expectKey = false;
      } else {
        parent.keys.push(top.key!);
        parent.keyStarts.push(top.keyStart!);
        parent.values.push(node);
        top.expectKey = true;
      }
    }
  };
  for (const ev of events) {
    switch (ev.type) {
      case EVENT_ID.DOCUMENT:
        if (++documents > 1) throw new NotFast();
        stack.push({ node: undefined, expectKey: false });
        break;
      case EVENT_ID.MAPPING: {
        const node: PosNode = { kind: 'map', start: ev.start, keys: [], keyStarts: [], values: [] };
        add(node);
        stack.push({ node, expectKey: true });
        break;
      }
      case EVENT_ID.SEQUENCE: {
        const node: PosNode = { kind: 'seq', start: ev.start, items: [] };
        add(node);
        stack.push({ node, expectKey: false });
        break;
      }
      case EVENT_ID.SCALAR: {
        // Offsets of quoted scalars point inside the quotes; `yaml` (and editors) point at the quote.
        const quoted = ev.style === SCALAR_STYLE.SINGLE_QUOTED || ev.style === SCALAR_STYLE.DOUBLE_QUOTED;
        add({ kind: 'scalar', start: ev.valueStart - (quoted ? 1 : 0) }, () => getScalarValue(text, ev));
        break;
      }
      case EVENT_ID.POP:
        stack.pop();
        break;
      default:
        throw new NotFast(); // aliases
    }
  }
  if (!root) throw new NotFast();
  return root;
}

/** Start offsets of the lines of a text, for offset → line:column by binary search. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function linePos(starts: number[], offset: number): { line: number; col: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - starts[lo]! + 1 };
}
