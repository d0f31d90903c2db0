# METADATA
# description: |
#   Entry point compiled to Wasm. Runs every rule package under data.tuanthu.rules that the
#   catalogue (extracted from the rules' METADATA) knows, applying stages and deadlines. A rule's
#   package is data.tuanthu.rules[meta.family][name] (scripts/build-policy.mjs: the family is its
#   id's first segment in lower case, MON-01 → tuanthu.rules.mon.mon_01).
package tuanthu.main

import data.tuanthu.lib

catalogue := data.tuanthu.catalogue

# METADATA
# description: What tuanthu evaluates (src/policy/engine.ts) - findings, reasons a rule does not apply, metrics.
# entrypoint: true
result := {
	"findings": findings,
	"not_applicable": not_applicable,
	"metrics": metrics,
	"summaries": summaries,
}

# Why a rule does not apply: the first reason that holds, of the input it needs, the lifecycle
# stage, and the rule's own conditions. The first two are given by their code alone (their
# parameters are the system's stage and the rule's stages, which the report fills in from the
# catalogue): they are most of the reasons of every system, and the result's JSON is a large part
# of an evaluation's cost (docs/benchmarks.md, Run 6).
not_applicable[name] := reason if {
	some name, meta in catalogue
	reason := skip_reason(name, meta)
}

# Descriptor rules need a descriptor; IaC rules need infrastructure code.
skip_reason(name, meta) := "no_descriptor" if {
	not meta.iac
	not lib.has_descriptor
} else := "agency" if {
	meta.agency
} else := "no_iac" if {
	meta.iac
	not lib.has_iac
} else := "stage" if {
	not lib.stage in meta.stages
} else := own[0] if {
	meta.reasons
	own := [r | some r in data.tuanthu.rules[meta.family][name].not_applicable]
	count(own) > 0
}

# An array, not a set: a set would hash every finding object to insert it.
findings := [f |
	some name, meta in catalogue
	not not_applicable[name]
	some d in data.tuanthu.rules[meta.family][name].deny
	f := object.union(d, {"rule": meta.id, "status": status(d, meta)})
]

# A value only apply knows stays unknown, deadline or not. Before its deadline a rule's violations
# are reported as "due"; from the day after, as violations. The deadline is the finding's own when
# the rule gives one (a deadline for some systems only, e.g. LVL-02's for systems already in use),
# else the rule's.
status(d, meta) := "unknown" if d.status == "unknown"

else := "due" if lib.as_of <= deadline(meta, d)

else := "violation"

deadline(_, d) := d.due

deadline(meta, d) := meta.due if not d.due

# meta.reasons and meta.metrics: the package defines them (scripts/build-policy.mjs).
metrics[k] := v if {
	some name, meta in catalogue
	meta.metrics
	some k, v in data.tuanthu.rules[meta.family][name].metrics
}

# What each rule judged per owning agency (catalogue `agency`) needs of this system: a small record
# the run keeps while it streams, for the tuanthu/portfolio/result entrypoint at its end.
summaries[name] := s if {
	some name, meta in catalogue
	meta.agency
	s := data.tuanthu.rules[meta.family][name].summary
}
