package tuanthu.rules.lvl.lvl_04_test

import data.tuanthu.rules.lvl.lvl_04

base := {
	"system": {"operator": "Cục Tin học"},
	"classification": {
		"level": 3,
		"appraisal": {"by": "Cục An ninh mạng", "date": "2026-01-20", "independent_of_operator": true},
		"approval": {"decision": "1/QĐ", "date": "2026-02-10"},
	},
}

with_appraisal(a) := object.union(object.remove(base, ["classification"]), {"classification": object.union(object.remove(base.classification, ["appraisal"]), {"appraisal": a})})

msgs(d) := {f.msg | some f in lvl_04.deny with input.descriptor as d}

test_independent_appraisal_first_passes if {
	count(msgs(base)) == 0
}

test_missing_appraisal_fails if {
	msgs({"system": base.system, "classification": object.remove(base.classification, ["appraisal"])}) == {"not_appraised"}
}

test_appraisal_after_approval_fails if {
	msgs(with_appraisal({"by": "Cục An ninh mạng", "date": "2026-03-01", "independent_of_operator": true})) == {"after_approval"}
}

test_operator_appraising_itself_fails if {
	some f in lvl_04.deny with input.descriptor as with_appraisal({"by": "cục tin học ", "date": "2026-01-20", "independent_of_operator": true})
	f.msg == "not_independent"
	f.params.operator == "Cục Tin học"
}

test_undeclared_independence_fails if {
	msgs(with_appraisal({"by": "Sở KH&CN", "date": "2026-01-20"})) == {"not_independent"}
}

test_level_2_not_applicable if {
	some r in lvl_04.not_applicable with input.descriptor as {"classification": {"level": 2}}
	r.code == "level"
}
