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
	not lib.has_text({"a": "\u200b"}, "a")
	not lib.has_text({"a": " \u200c\u200d\u2060\ufeff "}, "a")
	not lib.has_text({"a": "\u00ad\u202e\u3000\u00a0"}, "a")
	lib.has_text({"a": "\u200bx"}, "a")
	lib.has_text({"a": "\u0085"}, "a") # not white space to JavaScript's \s either
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

ctx := {"as_of": "2026-11-23", "stage": "production", "days": {}}

# The descriptor as it stood on as_of: a future date takes away what it records, and only that.
test_future_evidence_is_left_out if {
	given := {
		"classification": {"level": 3, "approval": {"decision": "1/QĐ", "date": "2026-12-01"}},
		"governance": {"staff_training": {"last": "2026-12-01"}, "last_compliance_report": "2026-11-20"},
		"design": {"standard_reviews": [{"date": "2026-01-01"}, {"date": "2026-12-01", "result": "pass"}]},
		"vulnerabilities": {"open": [{"id": "x", "found": "2027-01-01"}]},
	}
	lib.d == {
		"classification": {"level": 3},
		"governance": {"staff_training": {}, "last_compliance_report": "2026-11-20"},
		"design": {"standard_reviews": [{"date": "2026-01-01"}, {"result": "pass"}]},
		"vulnerabilities": {"open": [{"id": "x", "found": "2027-01-01"}]},
	} with input.descriptor as given with input.context as ctx
	lib.descriptor == given with input.descriptor as given with input.context as ctx
}

test_past_evidence_is_kept if {
	given := {"incident_response": {"last_drill": "2026-11-23"}, "hosting": {"national_data_centre_plan": {"target": "2030-01-01"}}}
	lib.d == given with input.descriptor as given with input.context as ctx
}

# Lifecycle dates are plans until the system reaches the stage.
test_planned_go_live_is_kept if {
	given := {"lifecycle": {"go_live": "2027-03-01"}}
	lib.d == given with input.descriptor as given with input.context as object.union(ctx, {"stage": "build"})
	lib.d == {"lifecycle": {}} with input.descriptor as given with input.context as ctx
}

test_same_name if {
	lib.same_name("Cục Tin học", "cục tin học")
	lib.same_name(" Cục\u200b Tin\u00a0 học\u2060 ", "Cục Tin học")
	not lib.same_name("Cục Tin học", "Cục Tin")
	not lib.same_name("\u200b", "\u200b")
	not lib.same_name("", "")
}
