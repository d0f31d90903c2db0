export { lint, TOOL_VERSION, type LintDeps } from './lint.js';
export { exitCode, EXIT_FINDINGS, EXIT_PASS, EXIT_USAGE } from './exit-code.js';
export { loadCatalogue, type Catalogue, type RuleMeta } from './policy/catalogue.js';
export { PolicyEngine } from './policy/engine.js';
export { FORMATTERS, type Formatter, type FormatContext, type FormatName } from './format/index.js';
export * from './types.js';
export { isBlocking } from './exit-code.js';
export { gateVerdict, type GateVerdict, type SystemVerdict } from './gate/verdict.js';
export { fingerprint } from './baseline/fingerprint.js';
