package tuanthu.rules.pl4.pl4_01_test

import data.tuanthu.rules.pl4.pl4_01

msgs(team) := {f.msg | some f in pl4_01.deny with input.descriptor as {"protection_layers": {"on_site_team": team}}}

test_team_passes if {
	count(msgs({"lead": "Trần Thị Bình", "members": 4})) == 0
}

test_no_team_fails if {
	{f.msg | some f in pl4_01.deny with input.descriptor as {}} == {"no_team"}
}

test_team_without_lead_or_members_fails if {
	msgs({"members": 0}) == {"no_lead", "no_members"}
}
