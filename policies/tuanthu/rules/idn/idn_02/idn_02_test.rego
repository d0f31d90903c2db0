package tuanthu.rules.idn.idn_02_test

import data.tuanthu.rules.idn.idn_02

test_mfa_passes if {
	count(idn_02.deny) == 0 with input.descriptor as {"identity": {"admin_mfa": true}}
}

test_no_mfa_fails if {
	count(idn_02.deny) == 1 with input.descriptor as {"identity": {"admin_mfa": false}}
}

test_missing_identity_fails if {
	count(idn_02.deny) == 1 with input.descriptor as {}
}
