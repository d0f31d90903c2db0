// The package's public API (package.json "exports"): the pure lint() over loaded inputs, the file
// runner the CLI uses, the model, formatters, and the pieces a pipeline needs (exit code, gate).
export { lint, loadDescriptorText, type LintInputs, type PolicyDeps } from './api.js';
export { lintFiles, runLint, type LintDeps, type LintRun } from './run/lint-files.js';
export { readInputs } from './run/read-inputs.js';
export { TOOL_VERSION } from './model/version.js';
export type { LoadedSource } from './model/source.js';
export type { DebtInputs } from './model/debt.js';
export { exitCode, EXIT_FINDINGS, EXIT_PASS, EXIT_USAGE } from './engine/exit-code.js';
export { loadCatalogue, type Catalogue, type RuleMeta } from './engine/catalogue.js';
export { PolicyEngine, PolicyError } from './engine/policy-engine.js';
export { CustomPolicy, loadCustomPolicies, withCustomRules } from './engine/custom-policy.js';
export { FORMATTERS, type Formatter, type FormatContext, type FormatName } from './format/index.js';
export * from './model/types.js';
export { isBlocking } from './engine/exit-code.js';
export { gateVerdict, type GateVerdict, type SystemVerdict } from './engine/gate.js';
export { fingerprint } from './engine/baseline/fingerprint.js';
export { ruleSettingsProblems } from './engine/rule-settings.js';
