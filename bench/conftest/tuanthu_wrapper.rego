# Thin Conftest wrapper for the benchmark (bench/run.mjs): Conftest evaluates `deny` in package
# main for every input file; tuanthu's aggregator is data.tuanthu.main.result. The inputs given to
# Conftest are the exact documents tuanthu evaluates ({descriptor, iac, context}), pre-computed by
# bench/run.mjs, so both tools run the same Rego over the same input.
package main

import data.tuanthu.main

deny contains msg if {
	some f in main.result.findings
	f.status == "violation"
	msg := sprintf("%s %s %s", [f.rule, f.path, f.msg])
}

warn contains msg if {
	some f in main.result.findings
	f.status == "due"
	msg := sprintf("%s %s %s", [f.rule, f.path, f.msg])
}
