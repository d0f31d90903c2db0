package tuanthu.rules.vul.vul_03_test

import data.tuanthu.rules.vul.vul_03

d(sector, sent) := {"system": {"sector": sector}, "vulnerabilities": {"assessment_sent_to": sent}}

test_civil_sent_to_both_passes if {
	count(vul_03.deny) == 0 with input.descriptor as d("civil", ["bo_cong_an", "ban_co_yeu"])
}

test_civil_missing_cipher_committee_fails if {
	some f in vul_03.deny with input.descriptor as d("civil", ["bo_cong_an"])
	f.params.missing == ["ban_co_yeu"]
}

test_defence_needs_cipher_committee_only if {
	count(vul_03.deny) == 0 with input.descriptor as d("defence", ["ban_co_yeu"])
}

test_nothing_sent_fails if {
	some f in vul_03.deny with input.descriptor as {"system": {"sector": "civil"}}
	f.params.missing == ["ban_co_yeu", "bo_cong_an"]
}
