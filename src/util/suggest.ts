// "Did you mean": the candidates nearest to what the user typed, by edit distance.

/**
 * Edit distance with adjacent transpositions (optimal string alignment): an insertion, a deletion,
 * a substitution or a swap of two neighbours each costs 1, so "nmae" is one edit from "name".
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      cur.push(d);
    }
    before = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The candidates within `maxDistance` edits of `word` (default: a third of its length, at least 1,
 * at most 3 — close enough to be a typo, not a different word), nearest first, at most `limit`.
 */
export function closest(
  word: string,
  candidates: Iterable<string>,
  o: { maxDistance?: number; limit?: number; fold?: (s: string) => string } = {},
): string[] {
  const fold = o.fold ?? ((s: string) => s.toLowerCase());
  const max = o.maxDistance ?? Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  const w = fold(word);
  return [...new Set(candidates)]
    .map((c) => ({ c, d: editDistance(w, fold(c)) }))
    .filter((x) => x.d <= max && x.c !== word)
    .sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : a.c > b.c ? 1 : 0))
    .slice(0, o.limit ?? 3)
    .map((x) => x.c);
}
