package tuanthu.main_test

import data.tuanthu.main

catalogue := {
	"lvl_02": {"id": "LVL-02", "family": "lvl", "severity": "critical", "stages": ["production"]},
	"mon_01": {"id": "MON-01", "family": "mon", "severity": "critical", "stages": ["production"], "due": "2026-06-30"},
}

ctx(stage, as_of) := {"stage": stage, "as_of": as_of, "days": {}}

no_approval := {"system": {"sector": "civil"}, "classification": {"level": 3}, "lifecycle": {"go_live": "2026-01-01"}}

test_stage_filters_rules if {
	r := main.result with input as {"descriptor": no_approval, "context": ctx("design", "2026-11-23")}
		with data.tuanthu.catalogue as catalogue
	count(r.findings) == 0
	r.not_applicable.lvl_02 == "stage"
}

test_due_before_deadline_violation_after if {
	before := main.result with input as {"descriptor": no_approval, "context": ctx("production", "2026-06-30")}
		with data.tuanthu.catalogue as catalogue
	after := main.result with input as {"descriptor": no_approval, "context": ctx("production", "2026-07-01")}
		with data.tuanthu.catalogue as catalogue
	some b in before.findings
	b.rule == "MON-01"
	b.status == "due"
	some a in after.findings
	a.rule == "MON-01"
	a.status == "violation"
}

test_rule_without_deadline_is_violation if {
	new_system := object.union(no_approval, {"lifecycle": {"go_live": "2026-03-01"}})
	r := main.result with input as {"descriptor": new_system, "context": ctx("production", "2026-03-02")}
		with data.tuanthu.catalogue as catalogue
	some f in r.findings
	f.rule == "LVL-02"
	f.status == "violation"
}

# One reason per rule, the first that holds: the input it needs, then the stage.
test_input_reason_comes_before_stage if {
	cat := object.union(catalogue, {"aws_s3_01": {"id": "AWS-S3-01", "family": "aws", "severity": "high", "stages": ["production"], "iac": true}})
	r := main.result with input as {"descriptor": no_approval, "context": ctx("design", "2026-11-23")}
		with data.tuanthu.catalogue as cat
	r.not_applicable.aws_s3_01 == "no_iac"
	r.not_applicable.lvl_02 == "stage"
}

# A finding's own deadline (LVL-02's for systems in use before 04-KH/BCĐTW) decides its status.
test_finding_deadline_overrides if {
	before := main.result with input as {"descriptor": no_approval, "context": ctx("production", "2026-04-30")}
		with data.tuanthu.catalogue as catalogue
	after := main.result with input as {"descriptor": no_approval, "context": ctx("production", "2026-05-01")}
		with data.tuanthu.catalogue as catalogue
	some b in before.findings
	b.rule == "LVL-02"
	b.status == "due"
	b.due == "2026-04-30"
	some a in after.findings
	a.rule == "LVL-02"
	a.status == "violation"
}

# A value only apply knows is reported as unknown, before a rule's deadline and after it.
test_unknown_stays_unknown_past_deadline if {
	cat := {"aws_s3_01": {"id": "AWS-S3-01", "family": "aws", "severity": "high", "stages": ["production"], "iac": true, "due": "2026-06-30"}}
	bucket := {"address": "aws_s3_bucket.b", "type": "aws_s3_bucket", "values": {}, "unknown": ["server_side_encryption_configuration"], "refs": []}
	iac := {"stacks": ["main.tf"], "resources": [bucket]}
	every when in ["2026-06-01", "2026-11-23"] {
		r := main.result with input as {"descriptor": no_approval, "iac": iac, "context": ctx("production", when)}
			with data.tuanthu.catalogue as cat
		[f.status | some f in r.findings; f.rule == "AWS-S3-01"] == ["unknown"]
	}
}
