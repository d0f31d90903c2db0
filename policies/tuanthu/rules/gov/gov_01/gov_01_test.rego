package tuanthu.rules.gov.gov_01_test

import data.tuanthu.rules.gov.gov_01

msgs(head) := {f.msg | some f in gov_01.deny with input.descriptor as {"system": {"accountable_head": head}}}

test_named_head_passes if {
	count(msgs({"name": "Nguyễn Văn An", "title": "Thứ trưởng"})) == 0
}

test_missing_head_fails if {
	{f.msg | some f in gov_01.deny with input.descriptor as {"system": {}}} == {"missing"}
}

test_head_without_title_fails if {
	msgs({"name": "Nguyễn Văn An"}) == {"no_title"}
}
