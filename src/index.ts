export { lint, TOOL_VERSION, type LintDeps } from './run/lint-files.js';
export { exitCode, EXIT_FINDINGS, EXIT_PASS, EXIT_USAGE } from './engine/exit-code.js';
export { loadCatalogue, type Catalogue, type RuleMeta } from './engine/catalogue.js';
export { PolicyEngine } from './engine/policy-engine.js';
export { FORMATTERS, type Formatter, type FormatContext, type FormatName } from './format/index.js';
export * from './model/types.js';
export { isBlocking } from './engine/exit-code.js';
export { gateVerdict, type GateVerdict, type SystemVerdict } from './engine/gate.js';
export { fingerprint } from './engine/baseline/fingerprint.js';
