package tuanthu.rules.iac.iac_loc_01_test

import data.tuanthu.rules.iac.iac_loc_01

res(region, zone) := {"address": "aws_instance.app", "type": "aws_instance", "provider": "aws", "region": region, "zone": zone, "tags": {}, "values": {}, "unknown": [], "refs": []}

locs := {"no_data_tag": "tuanthu:data", "no_data_value": "none", "providers": {
	"aws": {"data_resource_types": ["aws_instance"], "zones": {"ap-southeast-1-han-1a": {"country": "VN", "name": "Hanoi"}}, "regions": {"ap-southeast-1": {"country": "SG", "name": "Singapore"}}},
	"vngcloud": {"default_country": "VN"},
}}

test_hanoi_zone_passes if {
	count(iac_loc_01.deny) == 0 with input.iac as {"resources": [res("ap-southeast-1", "ap-southeast-1-han-1a")]}
		with data.tuanthu.locations as locs
}

test_singapore_fails if {
	some f in iac_loc_01.deny with input.iac as {"resources": [res("ap-southeast-1", null)]}
		with data.tuanthu.locations as locs
	f.params.country == "SG"
}

test_vietnamese_cloud_passes if {
	r := {"address": "vngcloud_vserver_server.app", "type": "vngcloud_vserver_server", "provider": "vngcloud", "region": null, "zone": null, "tags": {}, "values": {}, "unknown": [], "refs": []}
	count(iac_loc_01.deny) == 0 with input.iac as {"resources": [r]}
		with data.tuanthu.locations as locs
}

test_unknown_region_is_unknown if {
	some f in iac_loc_01.deny with input.iac as {"resources": [res(null, null)]}
		with data.tuanthu.locations as locs
	f.msg == "unknown"
}

# A provider whose block names its region otherwise: the unknown finding points at that attribute.
test_unknown_region_names_the_providers_region_attribute if {
	r := object.union(res(null, null), {"address": "cmccloudv2_volume.d", "type": "cmccloudv2_volume", "provider": "cmccloudv2"})
	some f in iac_loc_01.deny with input.iac as {"resources": [r]}
		with data.tuanthu.locations as object.union(locs, {"providers": {"cmccloudv2": {"region_attribute": "region_id"}}})
	f.msg == "unknown"
	f.params.expression == "provider.cmccloudv2.region_id"
}
