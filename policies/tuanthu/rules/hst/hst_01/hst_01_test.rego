package tuanthu.rules.hst.hst_01_test

import data.tuanthu.rules.hst.hst_01

hosted(dcs) := {"hosting": {"data_centres": dcs}}

test_certified_passes if {
	count(hst_01.deny) == 0 with input.descriptor as hosted([{"name": "A", "country": "VN", "certified": true}])
}

test_uncertified_fails_with_its_index if {
	some f in hst_01.deny with input.descriptor as hosted([{"name": "A", "certified": true}, {"name": "B"}])
	f.msg == "uncertified"
	f.path == "/hosting/data_centres/1"
	f.params.name == "B"
}

test_no_data_centre_fails if {
	some f in hst_01.deny with input.descriptor as {}
	f.msg == "no_data_centre"
}
