package tuanthu.lib_test

import data.tuanthu.lib

test_threshold_picks_version_in_force if {
	versions := {"x": [
		{"value": 1, "effective_from": "2025-01-01"},
		{"value": 2, "effective_from": "2026-07-01"},
	]}
	lib.threshold("x") == 1 with data.tuanthu.thresholds as versions with input.context.as_of as "2026-06-30"
	lib.threshold("x") == 2 with data.tuanthu.thresholds as versions with input.context.as_of as "2026-07-01"
}

test_threshold_undefined_before_first_version if {
	not lib.threshold("x") with data.tuanthu.thresholds as {"x": [{"value": 1, "effective_from": "2025-01-01"}]}
		with input.context.as_of as "2024-12-31"
}

test_has_text if {
	lib.has_text({"a": "x"}, "a")
	not lib.has_text({"a": "  "}, "a")
	not lib.has_text({}, "a")
	not lib.has_text({"a": 1}, "a")
}

test_days_since if {
	lib.days_since("2026-01-01") == 10 with input.context as {"as_of": "2026-01-11", "days": {"2026-01-01": 20454, "2026-01-11": 20464}}
}

test_percent if {
	lib.percent(149, 1000) == 14.9
	not lib.percent(1, 0)
}
