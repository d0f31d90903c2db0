package tuanthu.rules.sup.sup_03_test

import data.tuanthu.rules.sup.sup_03

sc(n) := {"supply_chain": {"foreign_os_endpoints": n}}

test_zero_passes if {
	count(sup_03.deny) == 0 with input.descriptor as sc(0)
}

test_some_flagged if {
	some f in sup_03.deny with input.descriptor as sc(12)
	f.msg == "foreign_os"
	f.params.count == 12
}

test_undeclared_flagged if {
	some f in sup_03.deny with input.descriptor as {}
	f.msg == "undeclared"
}
