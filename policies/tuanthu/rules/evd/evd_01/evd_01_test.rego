package tuanthu.rules.evd.evd_01_test

import data.tuanthu.rules.evd.evd_01

ctx(stage) := {"as_of": "2026-11-23", "stage": stage, "days": {}}

found(d, stage) := {f.path | some f in evd_01.deny with input.descriptor as d with input.context as ctx(stage)}

test_past_and_same_day_evidence_passes if {
	d := {"classification": {"approval": {"date": "2026-11-23"}}, "incident_response": {"last_drill": "2026-06-01"}}
	count(found(d, "production")) == 0
}

test_future_approval_and_drill_are_findings if {
	d := {"classification": {"approval": {"date": "2026-11-24"}}, "incident_response": {"last_drill": "2027-01-01"}}
	found(d, "production") == {"/classification/approval/date", "/incident_response/last_drill"}
}

test_future_review_in_a_list_is_a_finding if {
	d := {"design": {"standard_reviews": [{"date": "2026-01-01"}, {"date": "2026-12-01"}]}}
	found(d, "production") == {"/design/standard_reviews/1/date"}
}

test_message_params if {
	some f in evd_01.deny with input.descriptor as {"vulnerabilities": {"last_assessment": "2027-02-01"}}
		with input.context as ctx("production")
	f.msg == "future"
	f.params == {"field": "vulnerabilities.last_assessment", "date": "2027-02-01", "as_of": "2026-11-23"}
}

# A planned go-live of a system still in design is not evidence; in production it is.
test_lifecycle_dates_by_stage if {
	d := {"lifecycle": {"go_live": "2027-03-01", "build_start": "2027-01-01"}}
	count(found(d, "design")) == 0
	found(d, "build") == {"/lifecycle/build_start"}
	found(d, "production") == {"/lifecycle/go_live", "/lifecycle/build_start"}
}

test_plan_target_is_not_evidence if {
	count(found({"hosting": {"national_data_centre_plan": {"target": "2030-01-01"}}}, "production")) == 0
}

test_continuity_test_and_data_sharing_are_evidence if {
	d := {"incident_response": {"continuity": {"tested": "2026-12-30"}}, "data": {"national_sharing": {"since": "2027-01-05"}}}
	found(d, "production") == {"/incident_response/continuity/tested", "/data/national_sharing/since"}
}

# A vulnerability found "in the future" is reported, and kept for VUL-01 (lib.d still holds it).
test_kept_date_is_reported if {
	found({"vulnerabilities": {"open": [{"id": "x", "found": "2027-01-01"}]}}, "production") == {"/vulnerabilities/open/0/found"}
}
