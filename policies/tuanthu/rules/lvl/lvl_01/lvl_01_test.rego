package tuanthu.rules.lvl.lvl_01_test

import data.tuanthu.rules.lvl.lvl_01

msgs(d) := {f.msg | some f in lvl_01.deny with input.descriptor as d}

test_level_with_rationale_passes if {
	count(msgs({"classification": {"level": 3, "rationale": "dịch vụ công"}})) == 0
}

test_missing_classification_fails_twice if {
	msgs({}) == {"no_level", "no_rationale"}
}

test_out_of_range_level_fails if {
	msgs({"classification": {"level": 7, "rationale": "x"}}) == {"no_level"}
}

test_blank_rationale_fails if {
	some f in lvl_01.deny with input.descriptor as {"classification": {"level": 2, "rationale": "  "}}
	f.msg == "no_rationale"
	f.params.level == 2
}
