package tuanthu.rules.cry.cry_05_test

import data.tuanthu.rules.cry.cry_05

test_signatures_pass if {
	count(cry_05.deny) == 0 with input.descriptor as {"system": {"handles_official_documents": true}, "crypto": {"specialised_signatures": true}}
}

test_no_signatures_fail if {
	some f in cry_05.deny with input.descriptor as {"system": {"handles_official_documents": true}}
	f.msg == "no_signatures"
}

test_no_documents_not_applicable if {
	some r in cry_05.not_applicable with input.descriptor as {"system": {"handles_official_documents": false}}
	r.code == "no_official_documents"
}

test_undeclared_is_in_scope if {
	count(cry_05.not_applicable) == 0 with input.descriptor as {"system": {}}
}
