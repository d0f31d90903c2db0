package tuanthu.rules.cry.cry_01_test

import data.tuanthu.rules.cry.cry_01

thresholds := {"tls_min_version": [{"value": "1.2", "effective_from": "2021-03-23"}]}

msgs(d) := {f.msg | some f in found} if {
	found := cry_01.deny with input.descriptor as d
		with input.context.as_of as "2026-11-23"
		with data.tuanthu.thresholds as thresholds
}

tls(v) := {"crypto": {"in_transit": {"tls_min": v}}}

test_tls_12_and_13_pass if {
	count(msgs(tls("1.2"))) == 0
	count(msgs(tls("1.3"))) == 0
}

test_tls_11_fails if {
	msgs(tls("1.1")) == {"weak"}
}

test_missing_fails if {
	msgs({}) == {"missing"}
}
