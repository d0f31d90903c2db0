package tuanthu.rules.sup.sup_02_test

import data.tuanthu.rules.sup.sup_02

public(ps) := {
	"system": {"funding": "public_investment"},
	"classification": {"level": 3},
	"supply_chain": {"security_products": ps},
}

fw := [{"name": "FW", "kind": "firewall", "origin": "foreign"}]

test_domestic_passes if {
	count(sup_02.deny) == 0 with input.descriptor as public([{"name": "FW", "kind": "firewall", "origin": "domestic"}])
}

test_foreign_firewall_flagged if {
	some f in sup_02.deny with input.descriptor as public(fw)
	f.msg == "foreign"
	f.params.kind == "firewall"
}

test_origin_missing_flagged if {
	count(sup_02.deny) == 1 with input.descriptor as public([{"name": "OS", "kind": "os"}])
}

test_other_kinds_not_flagged if {
	count(sup_02.deny) == 0 with input.descriptor as public([{"name": "SIEM", "kind": "siem", "origin": "foreign"}])
}

# 57-CT/TW 3.đ speaks of every public investment project, whatever the system's level.
test_level_2_in_scope if {
	count(sup_02.deny) == 1 with input.descriptor as object.union(public(fw), {"classification": {"level": 2}})
}

test_declared_outside_public_investment_not_applicable if {
	some r in sup_02.not_applicable with input.descriptor as object.union(public(fw), {"system": {"funding": "recurrent_budget"}})
	r.code == "not_public_investment"
	r.params.funding == "recurrent_budget"
}

# 04-KH/BCĐTW IV.4.c and 06-TB III.4: critical systems prefer domestic products, whatever pays for them.
test_critical_system_in_scope_whatever_the_funding if {
	d := object.union(public(fw), {"system": {"funding": "recurrent_budget"}, "classification": {"priority_protected": true}})
	count(sup_02.not_applicable) == 0 with input.descriptor as d
	[f.msg | some f in sup_02.deny] == ["foreign"] with input.descriptor as d
}

test_undeclared_funding_is_unknown if {
	fs := sup_02.deny with input.descriptor as {"supply_chain": {"security_products": fw}}
	[[f.msg, f.status] | some f in fs] == [["funding_undeclared", "unknown"]]
}
