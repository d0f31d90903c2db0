package tuanthu.rules.sup.sup_02_test

import data.tuanthu.rules.sup.sup_02

l3(ps) := {"classification": {"level": 3}, "supply_chain": {"security_products": ps}}

test_domestic_passes if {
	count(sup_02.deny) == 0 with input.descriptor as l3([{"name": "FW", "kind": "firewall", "origin": "domestic"}])
}

test_foreign_firewall_flagged if {
	some f in sup_02.deny with input.descriptor as l3([{"name": "FW", "kind": "firewall", "origin": "foreign"}])
	f.msg == "foreign"
	f.params.kind == "firewall"
}

test_origin_missing_flagged if {
	count(sup_02.deny) == 1 with input.descriptor as l3([{"name": "OS", "kind": "os"}])
}

test_other_kinds_not_flagged if {
	count(sup_02.deny) == 0 with input.descriptor as l3([{"name": "SIEM", "kind": "siem", "origin": "foreign"}])
}

# 57-CT/TW 3.đ speaks of every public investment project, whatever the system's level.
test_level_2_in_scope if {
	count(sup_02.deny) == 1 with input.descriptor as {"classification": {"level": 2}, "supply_chain": {"security_products": [{"name": "FW", "kind": "firewall", "origin": "foreign"}]}}
}
