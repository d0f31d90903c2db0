package tuanthu.rules.cld.cld_bak_01_test

import data.tuanthu.rules.cld.cld_bak_01

res(type, name, values, unknown, refs) := {"address": concat(".", [type, name]), "type": type, "values": values, "unknown": unknown, "refs": refs}

vng_db(values) := res("vngcloud_vdb_relational_database", "main", values, [], [])

test_vng_backups_on_with_a_week_passes if {
	count(cld_bak_01.deny) == 0 with input.iac as {"resources": [vng_db({"backup_auto": true, "backup_duration": 7})]}
		with input.context.as_of as "2026-12-07"
}

test_vng_backups_off_is_a_violation if {
	some f in cld_bak_01.deny with input.iac as {"resources": [vng_db({"backup_auto": false})]}
		with input.context.as_of as "2026-12-07"
	f.msg == "disabled"
	not f.recommendation
}

test_short_retention_is_a_labelled_recommendation if {
	some f in cld_bak_01.deny with input.iac as {"resources": [vng_db({"backup_auto": true, "backup_duration": 3})]}
		with input.context.as_of as "2026-12-07"
	f.msg == "retention_recommended"
	f.recommendation == true
	f.severity == "low"
}

test_short_retention_with_backups_off_reports_only_the_duty if {
	fs := cld_bak_01.deny with input.iac as {"resources": [vng_db({"backup_auto": false, "backup_duration": 3})]}
		with input.context.as_of as "2026-12-07"
	{f.msg | some f in fs} == {"disabled"}
}

test_bizfly_volume_with_a_schedule_passes if {
	v := object.union(res("bizflycloud_volume", "data", {}, [], []), {"referenced_by": {"bizflycloud_scheduled_volume_backup": [1]}})
	s := res("bizflycloud_scheduled_volume_backup", "data", {"volume_id": "${bizflycloud_volume.data.id}"}, ["volume_id"], ["bizflycloud_volume.data"])
	count(cld_bak_01.deny) == 0 with input.iac as {"resources": [v, s]}
}

test_bizfly_schedule_by_literal_id_is_unknown if {
	v := res("bizflycloud_volume", "data", {}, [], [])
	s := res("bizflycloud_scheduled_volume_backup", "x", {"volume_id": "11a2e71b-8701-47a0-b247-41843db17e54"}, [], [])
	some f in cld_bak_01.deny with input.iac as {"resources": [v, s]}
	f.msg == "schedule_unknown"
	f.status == "unknown"
}

test_openstack_undeclared_cannot_be_shown if {
	some f in cld_bak_01.deny with input.iac as {"resources": [res("openstack_db_instance_v1", "main", {}, [], [])]}
		with input.descriptor as {}
	f.msg == "cannot_show"
	f.params.field == "incident_response.recovery.backups"
}

test_openstack_declared_false_is_a_violation_on_the_declaration if {
	fs := cld_bak_01.deny with input.iac as {"resources": [res("openstack_db_instance_v1", "main", {}, [], [])]}
		with input.descriptor as {"incident_response": {"recovery": {"backups": false}}}
	[f] := [x | some x in fs]
	f.msg == "declared_against"
	not f.status
	f.params.field == "incident_response.recovery.backups"
}

test_aws_database_is_left_to_aws_rds_02 if {
	count(cld_bak_01.deny) == 0 with input.iac as {"resources": [res("aws_db_instance", "main", {}, [], [])]}
}

# FPT Cloud: a bucket's own versioning is Suspended, a versioning resource naming it sets Enabled.
test_fpt_bucket_versioned_by_a_separate_resource_passes if {
	b := object.union(res("fptcloud_object_storage_bucket", "b", {"versioning": "Suspended"}, [], []), {"referenced_by": {"fptcloud_object_storage_bucket_versioning": [1]}})
	values := {"bucket_name": "${fptcloud_object_storage_bucket.b.name}", "versioning_status": "Enabled"}
	v := res("fptcloud_object_storage_bucket_versioning", "b", values, ["bucket_name"], ["fptcloud_object_storage_bucket.b"])
	count(cld_bak_01.deny) == 0 with input.iac as {"resources": [b, v]}
}

test_fpt_bucket_without_versions_is_disabled_bucket if {
	fs := cld_bak_01.deny with input.iac as {"resources": [res("fptcloud_object_storage_bucket", "b", {}, [], [])]}
	[f] := [x | some x in fs]
	f.msg == "disabled_bucket"
	f.params.value == "null"
}

test_fpt_versioning_status_from_expression_is_unknown if {
	b := object.union(res("fptcloud_object_storage_bucket", "b", {}, [], []), {"referenced_by": {"fptcloud_object_storage_bucket_versioning": [1]}})
	v := res("fptcloud_object_storage_bucket_versioning", "b", {"versioning_status": "${var.v}"}, ["versioning_status"], ["fptcloud_object_storage_bucket.b"])
	fs := cld_bak_01.deny with input.iac as {"resources": [b, v]}
	[f] := [x | some x in fs]
	f.status == "unknown"
	f.params.attribute == "versioning_status"
}

test_viettel_volume_in_a_backup_plan_passes if {
	vol := object.union(res("viettelidc_ovpc_volume", "data", {}, [], []), {"referenced_by": {"viettelidc_ovpc_backup_plan": [1]}})
	plan := res("viettelidc_ovpc_backup_plan", "daily", {"volume_ids": ["${viettelidc_ovpc_volume.data.id}"]}, ["volume_ids"], ["viettelidc_ovpc_volume.data"])
	count(cld_bak_01.deny) == 0 with input.iac as {"resources": [vol, plan]}
}
