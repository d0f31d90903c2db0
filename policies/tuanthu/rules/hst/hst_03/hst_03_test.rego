package tuanthu.rules.hst.hst_03_test

import data.tuanthu.rules.hst.hst_03

civil(dcs) := {"system": {"sector": "civil"}, "hosting": {"data_centres": dcs}}

test_domestic_cloud_passes if {
	count(hst_03.deny) == 0 with input.descriptor as civil([{"name": "A"}, {"name": "B", "domestic_cloud": true}])
}

test_no_domestic_cloud_informs if {
	some f in hst_03.deny with input.descriptor as civil([{"name": "A", "domestic_cloud": false}])
	f.msg == "no_domestic_cloud"
}

test_missing_hosting_informs if {
	some f in hst_03.deny with input.descriptor as {"system": {"sector": "civil"}}
	f.msg == "no_domestic_cloud"
}

test_defence_out_of_scope if {
	some r in hst_03.not_applicable with input.descriptor as {"system": {"sector": "defence"}}
	r.code == "sector"
}
