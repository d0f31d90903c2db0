package tuanthu.rules.cld.cld_enc_01_test

import data.tuanthu.rules.cld.cld_enc_01

res(type, values, unknown) := {"address": concat(".", [type, "x"]), "type": type, "values": values, "unknown": unknown, "refs": []}

declared := {"crypto": {"at_rest": {"encrypted": true}}}

test_vng_volume_with_encryption_type_passes if {
	count(cld_enc_01.deny) == 0 with input.iac as {"resources": [res("vngcloud_vserver_volume", {"encryption_type": "aes-xts-plain64_256"}, [])]}
}

test_vng_volume_without_encryption_type_fails if {
	some f in cld_enc_01.deny with input.iac as {"resources": [res("vngcloud_vserver_volume", {}, [])]}
	f.msg == "missing"
	not f.status
}

test_vng_encryption_from_expression_is_unknown if {
	r := res("vngcloud_vserver_volume", {"encryption_type": "${var.e}"}, ["encryption_type"])
	some f in cld_enc_01.deny with input.iac as {"resources": [r]}
	f.status == "unknown"
	f.params.expression == "${var.e}"
}

test_bizfly_volume_declared_passes if {
	count(cld_enc_01.deny) == 0 with input.iac as {"resources": [res("bizflycloud_volume", {}, [])]}
		with input.descriptor as declared
}

test_openstack_volume_undeclared_cannot_be_shown if {
	some f in cld_enc_01.deny with input.iac as {"resources": [res("openstack_blockstorage_volume_v3", {"volume_type": "luks"}, [])]}
		with input.descriptor as {}
	f.msg == "cannot_show"
	f.status == "unknown"
	f.params.field == "crypto.at_rest.encrypted"
}

test_openstack_volume_declared_false_is_a_violation_on_the_declaration if {
	fs := cld_enc_01.deny with input.iac as {"resources": [res("openstack_blockstorage_volume_v3", {}, [])]}
		with input.descriptor as {"crypto": {"at_rest": {"encrypted": false}}}
	[f] := [x | some x in fs]
	f.msg == "declared_against"
	not f.status
	f.params.declared == "false"
}

# A mapped attribute decides on its own: no declaration is asked for or read.
test_vng_volume_with_encryption_type_ignores_a_false_declaration if {
	r := res("vngcloud_vserver_volume", {"encryption_type": "aes-xts-plain64_256"}, [])
	count(cld_enc_01.deny) == 0 with input.iac as {"resources": [r]}
		with input.descriptor as {"crypto": {"at_rest": {"encrypted": false}}}
}

test_aws_volume_is_left_to_aws_ebs_01 if {
	count(cld_enc_01.deny) == 0 with input.iac as {"resources": [res("aws_ebs_volume", {}, [])]}
}

test_cmc_volume_with_secret_passes if {
	r := res("cmccloudv2_volume", {"type": "highio-encryption", "secret_id": "6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"}, [])
	count(cld_enc_01.deny) == 0 with input.iac as {"resources": [r]}
}

test_cmc_volume_without_secret_fails if {
	some f in cld_enc_01.deny with input.iac as {"resources": [res("cmccloudv2_volume", {"type": "highio"}, [])]}
	f.msg == "missing"
	f.params.attribute == "secret_id"
}

test_fpt_storage_undeclared_cannot_be_shown if {
	some f in cld_enc_01.deny with input.iac as {"resources": [res("fptcloud_storage", {"size_gb": 100}, [])]}
		with input.descriptor as {}
	f.msg == "cannot_show"
	f.params.provider == "fptcloud"
}

test_fpt_instance_declared_passes if {
	count(cld_enc_01.deny) == 0 with input.iac as {"resources": [res("fptcloud_instance", {}, [])]}
		with input.descriptor as declared
}
