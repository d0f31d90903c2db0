/**
 * A one-argument pure function whose answers are remembered, up to `max` of them; then all are
 * forgotten at once, which keeps a lookup one Map access. A portfolio repeats the same dates,
 * numbers and JSON pointers in every system (docs/benchmarks.md, Run 9).
 */
export function memoized<K, V>(compute: (key: K) => V, max: number): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    const v = known.get(key);
    // undefined is an answer too (dayNumber of a non-date).
    if (v !== undefined || known.has(key)) return v as V;
    if (known.size >= max) known.clear();
    const computed = compute(key);
    known.set(key, computed);
    return computed;
  };
}
