package tuanthu.rules.prt.prt_01_test

import data.tuanthu.rules.prt.prt_01

d(kind) := {"supply_chain": {"security_products": [{"name": "x", "kind": kind}]}}

test_product_of_the_group_passes if {
	some k in prt_01.kinds
	count(prt_01.deny) == 0 with input.descriptor as d(k)
}

test_firewall_alone_fails if {
	some f in prt_01.deny with input.descriptor as d("firewall")
	f.msg == "missing"
}

test_no_products_fails if {
	some f in prt_01.deny with input.descriptor as {}
	f.msg == "missing"
}
