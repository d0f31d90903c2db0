package tuanthu.rules.hst.hst_02_test

import data.tuanthu.rules.hst.hst_02

personal(dcs) := {"data": {"state_secret": "none", "personal_subjects": 10}, "hosting": {"data_centres": dcs}}

test_in_vietnam_passes if {
	count(hst_02.deny) == 0 with input.descriptor as personal([{"name": "A", "country": "VN"}])
}

test_abroad_fails if {
	some f in hst_02.deny with input.descriptor as personal([{"name": "A", "country": "VN"}, {"name": "Cloud SG", "country": "SG"}])
	f.msg == "abroad"
	f.path == "/hosting/data_centres/1/country"
	f.params.country == "SG"
}

test_no_data_centre_fails if {
	some f in hst_02.deny with input.descriptor as personal([])
	f.msg == "no_data_centre"
}

test_no_protected_data_not_applicable if {
	some r in hst_02.not_applicable with input.descriptor as {"data": {"state_secret": "none"}}
	r.code == "no_protected_data"
}
