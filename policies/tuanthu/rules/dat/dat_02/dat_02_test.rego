package tuanthu.rules.dat.dat_02_test

import data.tuanthu.rules.dat.dat_02

d(s) := {"data": {"national_databases": ["land"], "national_sharing": s}}

ok := {"connected": true, "since": "2026-04-01", "reference": "KN-1"}

test_connected_passes if {
	count(dat_02.deny) == 0 with input.descriptor as d(ok) with input.context.as_of as "2026-11-23"
}

test_not_declared_fails if {
	some f in dat_02.deny with input.descriptor as {"data": {"national_databases": ["land"]}}
		with input.context.as_of as "2026-11-23"
	f.msg == "not_connected"
	f.params.databases == ["land"]
}

test_no_reference_fails if {
	some f in dat_02.deny with input.descriptor as d({"connected": true, "since": "2026-04-01"})
		with input.context.as_of as "2026-11-23"
	f.msg == "no_reference"
}

# A connection dated after as_of is not made on that day (EVD-01 alone reports the date).
test_future_connection_is_not_connected if {
	fs := dat_02.deny with input.descriptor as d(object.union(ok, {"since": "2027-01-01"}))
		with input.context.as_of as "2026-11-23"
	[f.msg | some f in fs] == ["not_connected"]
}

test_no_national_database_not_applicable if {
	some r in dat_02.not_applicable with input.descriptor as {"data": {"national_databases": []}}
	r.code == "no_national_database"
}
