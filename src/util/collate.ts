// One collation for every order tuanthu shows (findings, systems, files, waivers, rules): a fixed
// locale, so that a report lists things in the same order on every machine whatever LANG says
// (String#localeCompare without arguments follows the process's locale). One collator, built on
// first use (building it costs ~15 ms, a run that sorts nothing should not pay it); localeCompare
// also built one per call (docs/benchmarks.md, Run 5).
let collator: Intl.Collator | undefined;

export function compareText(a: string, b: string): number {
  return (collator ??= new Intl.Collator('en')).compare(a, b);
}
