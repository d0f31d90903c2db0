package tuanthu.rules.bud.bud_04_test

import data.tuanthu.portfolio
import data.tuanthu.rules.bud.bud_04

thresholds := {"budget_security_share_min_pct": [{"value": 15, "effective_from": "2025-01-01"}]}

row(total, security, currency) := {"total": total, "security": security, "currency": currency}

agency_deny(rows) := result if {
	result := bud_04.agency_deny with input as {"agency": "Bộ X", "summaries": {"bud_04": rows}, "context": {"as_of": "2026-11-23"}}
		with data.tuanthu.thresholds as thresholds
}

# Shares of 10%, 16% and 20%: the system at 10% is below on its own (BUD-02), the agency's average
# over the three (budget-weighted: 46 of 300) is 15.3%.
test_average_passes_though_one_system_is_below if {
	count(agency_deny([row(100, 10, "VND"), row(100, 16, "VND"), row(100, 20, "VND")])) == 0
}

test_average_below_fails_with_agency_and_count if {
	some f in agency_deny([row(100, 10, "VND"), row(100, 16, "VND"), row(100, 16, "VND")])
	f.msg == "below"
	f.path == "/system/owner"
	f.params == {
		"agency": "Bộ X", "systems": 3, "share_pct": 14, "min_pct": 15,
		"security": 42, "total": 300, "currency": "VND",
	}
}

test_weighted_by_budget_not_by_system if {
	# Shares 30% (of 100) and 10% (of 900): 120 of 1000 = 12%, although the shares' plain mean is 20%.
	some f in agency_deny([row(100, 30, "VND"), row(900, 90, "VND")])
	f.msg == "below"
	f.params.share_pct == 12
}

test_single_system_is_the_agency_over_one_system if {
	some f in agency_deny([row(1000, 149, "VND")])
	f.msg == "below"
	f.params.systems == 1
}

test_mixed_currencies_are_unknown_not_a_violation if {
	found := agency_deny([row(100, 1, "VND"), row(100, 1, "USD")])
	[f.msg | some f in found] == ["mixed_currency"]
	some f in found
	f.status == "unknown"
	f.params.currencies == "USD, VND"
}

test_undeclared_currency_beside_a_declared_one_is_unknown if {
	some f in agency_deny([row(100, 20, "VND"), row(100, 20, "")])
	f.msg == "mixed_currency"
	f.params.currencies == "VND, —"
}

test_missing_budget_makes_the_average_unknown if {
	found := agency_deny([row(100, 1, "VND"), row(0, 0, "")])
	[f.msg | some f in found] == ["partial"]
	some f in found
	f.status == "unknown"
	f.params.missing == 1
	f.params.counted == 1
}

test_no_budget_at_all_is_unknown if {
	some f in agency_deny([row(0, 0, ""), row(0, 0, "")])
	f.msg == "no_budget"
	f.status == "unknown"
	f.params.systems == 2
}

test_summary_of_a_system if {
	d := {"system": {"owner": "Bộ Y"}, "budget": {"currency": "VND", "lines": [
		{"item": "dev", "amount": 80, "category": "development"},
		{"item": "sec", "amount": 20, "category": "security"},
	]}}
	bud_04.summary == {"total": 100, "security": 20, "currency": "VND"} with input.descriptor as d
}

test_portfolio_entrypoint_gives_the_rule_and_status if {
	r := portfolio.result with input as {"agency": "Bộ X", "summaries": {"bud_04": [row(100, 1, "VND")]}, "context": {"as_of": "2026-11-23"}}
		with data.tuanthu.thresholds as thresholds
	[[f.rule, f.status, f.msg] | some f in r.findings] == [["BUD-04", "violation", "below"]]
}
