package tuanthu.rules.mon.mon_04_test

import data.tuanthu.rules.mon.mon_04

msgs(ch) := {f.msg | some f in mon_04.deny with input.descriptor as {"system": {"sector": "civil"}, "monitoring": {"exchange_channel": ch}}}

test_channel_passes if {
	count(msgs({"established": true, "with": "A05", "since": "2026-03-15"})) == 0
}

test_missing_channel_fails if {
	{f.msg | some f in mon_04.deny with input.descriptor as {"system": {"sector": "civil"}}} == {"not_established"}
}

test_undocumented_channel_fails if {
	msgs({"established": true}) == {"incomplete"}
}

test_defence_exempt if {
	some r in mon_04.not_applicable with input.descriptor as {"system": {"sector": "defence"}}
	r.code == "sector"
}
