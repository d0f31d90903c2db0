package custom_test

import data.custom

good := {
	"system": {"id": "s", "operator": "Cục Tin học", "security_unit": {"contact": "attt@mof.gov.vn"}},
	"classification": {"level": 3},
}

test_official_contact_passes if {
	count(custom.findings) == 0 with input as {"descriptor": good}
}

test_private_mailbox_fails if {
	d := json.patch(good, [{"op": "replace", "path": "/system/security_unit/contact", "value": "a@gmail.com"}])
	some f in custom.findings with input as {"descriptor": d}
	f.rule == "X-BTC-01"
	f.msg == "not_official"
	f.params.contact == "a@gmail.com"
}

test_missing_contact_fails if {
	d := json.patch(good, [{"op": "remove", "path": "/system/security_unit"}])
	some f in custom.findings with input as {"descriptor": d}
	f.msg == "missing"
}

test_level_3_without_operator_fails if {
	d := json.patch(good, [{"op": "remove", "path": "/system/operator"}])
	some f in custom.findings with input as {"descriptor": d}
	f.rule == "X-BTC-02"
	f.params.level == 3
}

test_level_2_without_operator_passes if {
	d := json.patch(good, [
		{"op": "remove", "path": "/system/operator"},
		{"op": "replace", "path": "/classification/level", "value": 2},
	])
	count(custom.findings) == 0 with input as {"descriptor": d}
}

test_every_finding_names_a_defined_rule if {
	d := json.patch(good, [{"op": "remove", "path": "/system/operator"}, {"op": "remove", "path": "/system/security_unit"}])
	fs := custom.findings with input as {"descriptor": d}
	count(fs) == 2
	every f in fs {
		custom.rules[f.rule]
	}
}
