package tuanthu.rules.sup.sup_04_test

import data.tuanthu.rules.sup.sup_04

test_clauses_pass if {
	count(sup_04.deny) == 0 with input.descriptor as {"supply_chain": {"vendor_contracts_security_clauses": true}}
}

test_false_fails if {
	some f in sup_04.deny with input.descriptor as {"supply_chain": {"vendor_contracts_security_clauses": false}}
	f.msg == "missing"
}

test_missing_fails if {
	some f in sup_04.deny with input.descriptor as {}
	f.msg == "missing"
}
