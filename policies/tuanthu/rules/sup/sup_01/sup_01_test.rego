package tuanthu.rules.sup.sup_01_test

import data.tuanthu.rules.sup.sup_01

inv(ps) := {"supply_chain": {"security_products": ps}}

test_certified_passes if {
	count(sup_01.deny) == 0 with input.descriptor as inv([{"name": "FW", "kind": "firewall", "certified": true}])
}

test_uncertified_fails if {
	some f in sup_01.deny with input.descriptor as inv([{"name": "FW", "kind": "firewall", "certified": true}, {"name": "AV", "kind": "anti_malware"}])
	f.msg == "uncertified"
	f.path == "/supply_chain/security_products/1"
	f.params.name == "AV"
}

test_uncertified_budget_product_fails if {
	d := object.union(inv([]), {"budget": {"lines": [{"item": "x", "amount": 1, "category": "security", "product": {"name": "WAF", "certified": false}}]}})
	some f in sup_01.deny with input.descriptor as d
	f.path == "/budget/lines/0/product"
}

test_no_inventory_fails if {
	some f in sup_01.deny with input.descriptor as {}
	f.msg == "no_inventory"
}
