package tuanthu.rules.mon.mon_03_test

import data.tuanthu.rules.mon.mon_03

msgs(soc) := {f.msg | some f in mon_03.deny with input.descriptor as {"monitoring": {"soc_24x7": soc}}}

test_soc_passes if {
	count(msgs({"provider": "SOC", "since": "2026-02-20"})) == 0
}

test_missing_monitoring_fails if {
	{f.msg | some f in mon_03.deny with input.descriptor as {}} == {"missing"}
}

test_incomplete_soc_fails if {
	msgs({"provider": " "}) == {"no_provider", "no_since"}
}
