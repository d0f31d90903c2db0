package tuanthu.rules.stf.stf_02_test

import data.tuanthu.rules.stf.stf_02

d(last) := {"governance": {"staff_training": {"last": last}}}

test_recorded_training_passes if {
	count(stf_02.deny) == 0 with input.descriptor as d("2026-09-15") with input.context.as_of as "2026-11-23"
}

test_no_training_fails if {
	some f in stf_02.deny with input.descriptor as {} with input.context.as_of as "2026-11-23"
	f.msg == "no_training"
}

# A training dated after as_of has not taken place on that day (EVD-01 alone reports the date).
test_training_in_the_future_is_no_training if {
	fs := stf_02.deny with input.descriptor as d("2026-12-01") with input.context.as_of as "2026-11-23"
	[f.msg | some f in fs] == ["no_training"]
}
