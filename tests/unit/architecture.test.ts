// The layout's promises, checked from the sources: data flows io → engine → format → cli, and no
// module imports itself back through others (a circle is how the temporal-dead-zone bug of the
// i18n tables came about). Every import counts, type-only ones too: they say what a layer knows.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/**
 * module (path under src/, .ts) → the modules of src/ it imports. With `workers`, also the worker
 * scripts it starts (`new URL('./worker.js', import.meta.url)`): they count for the layers, not for
 * circles, since a worker loads its modules in a thread of its own.
 */
function importGraph(workers: boolean): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const pattern = workers
    ? /(?:from\s+|import\(\s*|new URL\(\s*)'(\.[^']+\.js)'/g
    : /(?:from\s+|import\(\s*)'(\.[^']+\.js)'/g;
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(pattern)].map((m) => m[1]!);
    const targets = specs.map((s) => relative(SRC, join(dirname(file), s)).replace(/\.js$/, '.ts'));
    graph.set(relative(SRC, file), [...new Set(targets)]);
  }
  return graph;
}

/** The room a module lives in: its first folder under src/, or the file for src/api.ts and src/index.ts. */
const room = (m: string) => (m.includes('/') ? m.split('/')[0]! : m.replace(/\.ts$/, ''));

/** What each room may import (besides itself). */
const ALLOWED: Record<string, string[]> = {
  util: [],
  model: ['util'],
  i18n: ['model', 'util'],
  io: ['i18n', 'model', 'util'],
  engine: ['i18n', 'model', 'util'],
  format: ['engine', 'i18n', 'model', 'util'],
  api: ['engine', 'io', 'model'],
  run: ['api', 'engine', 'format', 'i18n', 'io', 'model', 'util'],
  cli: ['engine', 'format', 'i18n', 'io', 'model', 'run', 'util'],
  integrations: ['api', 'engine', 'io', 'model', 'run', 'util'],
  index: ['api', 'engine', 'format', 'model', 'run'],
};

describe('architecture', () => {
  const graph = importGraph(true);

  it('reads the imports of every module (the check cannot pass on an empty graph)', () => {
    expect(graph.size).toBeGreaterThan(60);
    expect(graph.get('run/lint-files.ts')).toContain('engine/report.ts');
  });

  it('has a room for every module and imports only from the rooms below it', () => {
    const wrong: string[] = [];
    for (const [m, targets] of graph) {
      const allowed = ALLOWED[room(m)];
      if (!allowed) {
        wrong.push(`${m}: not in a known room (${Object.keys(ALLOWED).join(', ')})`);
        continue;
      }
      for (const t of targets) if (room(t) !== room(m) && !allowed.includes(room(t))) wrong.push(`${m} → ${t}`);
    }
    expect(wrong).toEqual([]);
  });

  it('has no import circle', () => {
    const graph = importGraph(false);
    // Tarjan's strongly connected components: any component of two or more modules is a circle.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const circles: string[][] = [];
    let next = 0;
    const visit = (v: string) => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      onStack.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!graph.has(w)) continue;
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(component.sort());
      }
    };
    for (const v of graph.keys()) if (!index.has(v)) visit(v);
    expect(circles).toEqual([]);
  });
});
