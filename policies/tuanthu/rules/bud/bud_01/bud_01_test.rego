package tuanthu.rules.bud.bud_01_test

import data.tuanthu.rules.bud.bud_01

line(cat) := {"item": "x", "amount": 10, "category": cat}

test_security_line_passes if {
	count(bud_01.deny) == 0 with input.descriptor as {"budget": {"lines": [line("development"), line("security")]}}
}

test_no_security_line_fails if {
	some f in bud_01.deny with input.descriptor as {"budget": {"lines": [line("development")]}}
	f.msg == "no_security_line"
}

test_missing_budget_fails if {
	some f in bud_01.deny with input.descriptor as {}
	f.msg == "no_budget"
}

# A security line of amount 0 (or no amount) funds nothing: it is not a security component.
test_zero_amount_security_line_fails if {
	zero := {"item": "x", "amount": 0, "category": "security"}
	some f in bud_01.deny with input.descriptor as {"budget": {"lines": [line("development"), zero]}}
	f.msg == "no_security_line"
}

test_security_line_without_amount_fails if {
	some f in bud_01.deny with input.descriptor as {"budget": {"lines": [line("development"), {"item": "x", "category": "security"}]}}
	f.msg == "no_security_line"
}
