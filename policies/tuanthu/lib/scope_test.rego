package tuanthu.lib_test

import data.tuanthu.lib

none := {"data": {"state_secret": "none", "personal_subjects": 0, "sensitive_personal": false, "national_databases": []}}

test_nothing_protected if {
	not lib.holds_protected_data with input.descriptor as none
	not lib.holds_state_secret with input.descriptor as none
	not lib.holds_national_database with input.descriptor as none
}

test_missing_data_section_is_in_scope if {
	lib.holds_protected_data with input.descriptor as {}
	lib.holds_state_secret with input.descriptor as {}
	not lib.holds_national_database with input.descriptor as {}
}

test_each_kind_of_data_counts if {
	lib.holds_protected_data with input.descriptor as {"data": {"state_secret": "mat"}}
	lib.holds_protected_data with input.descriptor as {"data": {"state_secret": "none", "personal_subjects": 1}}
	lib.holds_protected_data with input.descriptor as {"data": {"state_secret": "none", "sensitive_personal": true}}
	lib.holds_protected_data with input.descriptor as {"data": {"state_secret": "none", "national_databases": ["land"]}}
}
