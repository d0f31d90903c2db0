// One collation for every order tuanthu shows (findings, systems, files, waivers, rules): a fixed
// locale, so that a report lists things in the same order on every machine whatever LANG says
// (String#localeCompare without arguments follows the process's locale). One collator, built once:
// localeCompare also builds one per call (docs/benchmarks.md, Run 5).
export const compareText: (a: string, b: string) => number = new Intl.Collator('en').compare;
