package tuanthu.rules.mon.mon_02_test

import data.tuanthu.rules.mon.mon_02

test_connected_defence_system_passes if {
	count(mon_02.deny) == 0 with input.descriptor as {"system": {"sector": "defence"}, "monitoring": {"defence_connection": {"connected": true}}}
}

test_unconnected_cipher_system_fails if {
	some f in mon_02.deny with input.descriptor as {"system": {"sector": "cipher"}}
	f.msg == "not_connected"
	f.params.sector == "cipher"
}

test_civil_not_applicable if {
	some r in mon_02.not_applicable with input.descriptor as {"system": {"sector": "civil"}}
	r.code == "sector"
}
