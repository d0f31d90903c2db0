# METADATA
# description: |
#   Entry point compiled to Wasm. Runs every rule package under data.tuanthu.rules that the
#   catalogue (extracted from the rules' METADATA) knows, applying stages and deadlines.
package tuanthu.main

import data.tuanthu.lib

catalogue := data.tuanthu.catalogue

result := {
	"findings": findings,
	"not_applicable": not_applicable,
	"metrics": metrics,
}

# Why a rule does not apply: first the lifecycle stage, then the rule's own conditions.
not_applicable[name] := reasons if {
	some name, meta in catalogue
	own := [r | some r in data.tuanthu.rules[name].not_applicable]
	reasons := array.concat(array.concat(input_reasons(meta), stage_reasons(meta)), own)
	count(reasons) > 0
}

stage_reasons(meta) := [] if lib.stage in meta.stages

stage_reasons(meta) := [{"code": "stage", "params": {"stage": lib.stage, "stages": meta.stages}}] if {
	not lib.stage in meta.stages
}

findings contains f if {
	some name, meta in catalogue
	not not_applicable[name]
	some d in data.tuanthu.rules[name].deny
	f := object.union(d, {"rule": meta.id, "status": status(meta)})
}

# Descriptor rules need a descriptor; IaC rules need infrastructure code.
input_reasons(meta) := [] if {
	not meta.iac
	lib.has_descriptor
}

input_reasons(meta) := [{"code": "no_descriptor", "params": {}}] if {
	not meta.iac
	not lib.has_descriptor
}

input_reasons(meta) := [] if {
	meta.iac
	lib.has_iac
}

input_reasons(meta) := [{"code": "no_iac", "params": {}}] if {
	meta.iac
	not lib.has_iac
}

# Before its deadline a rule's violations are reported as "due"; from the day after, as violations.
status(meta) := "due" if is_due(meta)

status(meta) := "violation" if not is_due(meta)

is_due(meta) if lib.as_of <= meta.due

metrics[k] := v if {
	some name, _ in catalogue
	some k, v in data.tuanthu.rules[name].metrics
}
