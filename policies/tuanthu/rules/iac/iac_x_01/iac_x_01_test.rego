package tuanthu.rules.iac.iac_x_01_test

import data.tuanthu.rules.iac.iac_x_01

locs := {
	"no_data_tag": "tuanthu:data",
	"no_data_value": "none",
	"providers": {"aws": {"data_resource_types": ["aws_db_instance"], "regions": {"ap-southeast-1": {"country": "SG", "name": "Singapore"}}}},
}

db := {
	"address": "aws_db_instance.main",
	"type": "aws_db_instance",
	"provider": "aws",
	"region": "ap-southeast-1",
	"zone": null,
	"tags": {},
	"values": {"storage_encrypted": true},
	"unknown": [],
	"refs": [],
}

vn := {"hosting": {"data_centres": [{"name": "x", "country": "VN"}]}}

test_hosting_contradiction if {
	some f in iac_x_01.deny with input.descriptor as vn
		with input.iac as {"stacks": ["x"], "resources": [db]}
		with data.tuanthu.locations as locs
	f.msg == "hosting"
	f.params.country == "SG"
}

test_no_claim_no_contradiction if {
	count(iac_x_01.deny) == 0 with input.descriptor as {}
		with input.iac as {"stacks": ["x"], "resources": [db]}
		with data.tuanthu.locations as locs
}

test_at_rest_contradiction if {
	plain := {"address": "aws_db_instance.main", "type": "aws_db_instance", "provider": "aws", "region": null, "zone": null, "tags": {}, "values": {}, "unknown": [], "refs": []}
	some f in iac_x_01.deny with input.descriptor as {"crypto": {"at_rest": {"encrypted": true}}}
		with input.iac as {"stacks": ["x"], "resources": [plain]}
		with data.tuanthu.locations as locs
	f.msg == "at_rest"
}
