package tuanthu.rules.cld.cld_pub_01_test

import data.tuanthu.rules.cld.cld_pub_01

res(type, values, unknown) := {"address": concat(".", [type, "x"]), "type": type, "values": values, "unknown": unknown, "refs": []}

test_private_database_passes if {
	count(cld_pub_01.deny) == 0 with input.iac as {"resources": [res("vngcloud_vdb_relational_database", {"public_access": false}, [])]}
}

test_default_private_database_passes if {
	count(cld_pub_01.deny) == 0 with input.iac as {"resources": [res("bizflycloud_cloud_database_instance", {}, [])]}
}

test_public_database_fails if {
	some f in cld_pub_01.deny with input.iac as {"resources": [res("bizflycloud_cloud_database_instance", {"public_access": true}, [])]}
	f.msg == "public_database"
	f.params.value == "true"
}

test_public_read_bucket_fails if {
	some f in cld_pub_01.deny with input.iac as {"resources": [res("bizflycloud_simple_storage_bucket_acl", {"acl": "public-read"}, [])]}
	f.msg == "public_bucket"
}

test_swift_referrer_grant_fails if {
	some f in cld_pub_01.deny with input.iac as {"resources": [res("openstack_objectstorage_container_v1", {"container_read": "proj:user, .r:*"}, [])]}
	f.msg == "public_bucket"
}

test_swift_referrer_denial_passes if {
	count(cld_pub_01.deny) == 0 with input.iac as {"resources": [res("openstack_objectstorage_container_v1", {"container_read": ".r:-evil.example"}, [])]}
}

test_public_access_from_expression_is_unknown if {
	r := res("vngcloud_vdb_relational_database", {"public_access": "${var.p}"}, ["public_access"])
	some f in cld_pub_01.deny with input.iac as {"resources": [r]}
	f.status == "unknown"
	f.params.expression == "${var.p}"
}

test_not_applicable_without_a_mapped_provider if {
	some r in cld_pub_01.not_applicable with input.iac as {"providers": ["aws"], "resources": []}

	# Every provider the mapping names, sorted: cmccloudv2 before fptcloud before vngcloud.
	regex.match(`^bizflycloud, cmccloudv2, fptcloud, .*vngcloud`, r.params.provider)
}

test_applies_with_a_mapped_provider if {
	count(cld_pub_01.not_applicable) == 0 with input.iac as {"providers": ["openstack"], "resources": []}
}

test_fpt_database_yes_is_public if {
	r := res("fptcloud_database", {"is_public": "Yes"}, [])
	some f in cld_pub_01.deny with input.iac as {"resources": [r]}
	f.msg == "public_database"
}

test_fpt_database_no_is_private if {
	count(cld_pub_01.deny) == 0 with input.iac as {"resources": [res("fptcloud_database", {"is_public": "no"}, [])]}
}

test_fpt_bucket_default_acl_is_private if {
	count(cld_pub_01.deny) == 0 with input.iac as {"resources": [res("fptcloud_object_storage_bucket", {"name": "docs"}, [])]}
}

test_cmc_database_public_fails if {
	r := res("cmccloudv2_database_instance", {"is_public": true}, [])
	some f in cld_pub_01.deny with input.iac as {"resources": [r]}
	f.params.attribute == "is_public"
}

# CMC Cloud: either of is_public and enable_public_ip exposes the database (`also`).
test_cmc_public_ip_alone_is_public if {
	fs := cld_pub_01.deny with input.iac as {"resources": [res("cmccloudv2_database_instance", {"is_public": false, "enable_public_ip": true}, [])]}
	[f] := [x | some x in fs]
	f.msg == "public_database"
	f.params.attribute == "enable_public_ip"
}

test_cmc_database_with_neither_flag_passes if {
	r := res("cmccloudv2_database_instance", {"is_public": false, "enable_public_ip": false}, [])
	count(cld_pub_01.deny) == 0 with input.iac as {"resources": [r]}
}

# FPT Cloud bucket policies (S3 syntax): every principal allowed with no condition is public.
fpt_policy(doc) := res("fptcloud_object_storage_bucket_policy", {"policy": json.marshal(doc)}, [])

test_fpt_policy_allowing_everyone_is_public if {
	doc := {"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": "s3:GetObject"}]}
	some f in cld_pub_01.deny with input.iac as {"resources": [fpt_policy(doc)]}
	f.msg == "public_bucket"
}

test_fpt_policy_denying_everyone_passes if {
	doc := {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*"}]}
	count(cld_pub_01.deny) == 0 with input.iac as {"resources": [fpt_policy(doc)]}
}

test_fpt_policy_that_is_not_json_is_not_public if {
	r := res("fptcloud_object_storage_bucket_policy", {"policy": "not json"}, [])
	count(cld_pub_01.deny) == 0 with input.iac as {"resources": [r]}
}
