# METADATA
# scope: package
# custom:
#   id: CLD-BAK-01
#   severity: medium
#   stages: [design, build, pre-production, production]
#   supports: [IRP-03]
#   clauses: ["TTg:1.g", "KH04:IV.3.b(iv)"]
#   recommendation:
#     en: >-
#       The Prime Minister's dispatch 1.g asks for a data recovery plan and 04-KH/BCĐTW IV.3.b(iv)
#       for data protection including backups; neither names how long backups are kept. Where a
#       provider sets a retention in days, CLD-BAK-01 recommends 7 (policies/tuanthu/thresholds/data.yaml)
#       and reports fewer as a low-severity recommendation.
#     vi: >-
#       Công điện của Thủ tướng mục 1.g yêu cầu có phương án khôi phục dữ liệu, Kế hoạch 04-KH/BCĐTW mục
#       IV.3.b(iv) yêu cầu bảo vệ dữ liệu, trong đó có sao lưu; văn bản không nêu thời gian giữ bản sao
#       lưu. Với nhà cung cấp đặt số ngày giữ, CLD-BAK-01 khuyến nghị 7 ngày
#       (policies/tuanthu/thresholds/data.yaml) và báo số ngày ít hơn là khuyến nghị mức thấp.
#   title:
#     en: "Databases and volumes backed up automatically, object storage versioned (domestic clouds and OpenStack)"
#     vi: "Cơ sở dữ liệu và ổ đĩa được sao lưu tự động, kho đối tượng lưu phiên bản (đám mây trong nước và OpenStack)"
#   description:
#     en: >-
#       Managed databases, and volumes where the provider schedules their backups, on VNG Cloud, Bizfly
#       Cloud, CMC Cloud, FPT Cloud, Viettel IDC and OpenStack are backed up automatically, and FPT
#       Cloud buckets keep object versions (as AWS-S3-03 asks of S3), judged from the attribute or the
#       backup schedule each provider offers (policies/tuanthu/clouds/data.yaml); where a provider
#       offers none, the descriptor declares it. Fewer retention days than recommended is a
#       recommendation. AWS databases are judged by AWS-RDS-02.
#     vi: >-
#       Cơ sở dữ liệu được quản lý, và ổ đĩa ở nhà cung cấp có lịch sao lưu, trên VNG Cloud, Bizfly Cloud,
#       CMC Cloud, FPT Cloud, Viettel IDC và OpenStack được sao lưu tự động, bucket FPT Cloud lưu phiên bản
#       đối tượng (như AWS-S3-03 yêu cầu với S3), xét theo thuộc tính hoặc lịch sao lưu mỗi nhà cung cấp
#       có (policies/tuanthu/clouds/data.yaml); nhà cung cấp không có thì hồ sơ khai báo. Số ngày giữ ít
#       hơn mức khuyến nghị là khuyến nghị. Cơ sở dữ liệu AWS do AWS-RDS-02 xét.
#   messages:
#     disabled:
#       en: "{address} has no automatic backups ({attribute} = {value})."
#       vi: "{address} chưa bật sao lưu tự động ({attribute} = {value})."
#     disabled_bucket:
#       en: >-
#         Object storage {address} keeps no object versions ({attribute} = {value}): deleted or
#         overwritten objects cannot be recovered.
#       vi: >-
#         Kho đối tượng {address} không lưu phiên bản đối tượng ({attribute} = {value}): đối tượng bị xoá
#         hoặc ghi đè không khôi phục được.
#     unknown:
#       en: "Whether {address} is backed up automatically is unknown until apply ({attribute}: {expression})."
#       vi: "Việc sao lưu tự động {address} chỉ biết sau khi apply ({attribute}: {expression})."
#     no_schedule:
#       en: "{address} has no backup schedule (no {schedule} names it)."
#       vi: "{address} chưa có lịch sao lưu (không có {schedule} nào chỉ tới)."
#     schedule_unknown:
#       en: >-
#         Whether {address} has a backup schedule is unknown: {schedule_address} names what it backs
#         up by an id or an expression that names no resource here ({by}: {expression}).
#       vi: >-
#         Chưa biết {address} có lịch sao lưu hay không: {schedule_address} chỉ tới đối tượng sao lưu
#         bằng mã định danh hoặc biểu thức không trỏ tới tài nguyên nào ở đây ({by}: {expression}).
#     declared_against:
#       en: >-
#         Whether {address} is backed up cannot be shown from the {provider} provider's configuration,
#         and the descriptor declares {field}: {declared}: this verdict rests on the declaration.
#       vi: >-
#         Cấu hình của nhà cung cấp {provider} không cho thấy {address} có được sao lưu hay không, và hồ sơ
#         khai báo {field}: {declared}: kết luận này dựa trên khai báo.
#     cannot_show:
#       en: >-
#         Whether {address} is backed up cannot be shown from the {provider} provider's configuration
#         (it has no backup setting): declare it in the descriptor as {field}: true.
#       vi: >-
#         Không thể chứng minh {address} được sao lưu từ cấu hình của nhà cung cấp {provider} (không có
#         thiết lập sao lưu): khai báo trong hồ sơ {field}: true.
#     retention_recommended:
#       en: "{address} keeps backups for {days} day(s) ({attribute}); keeping at least {min} is recommended."
#       vi: "{address} giữ bản sao lưu {days} ngày ({attribute}); khuyến nghị giữ tối thiểu {min} ngày."
#   remediation:
#     en: >-
#       VNG Cloud: set backup_auto = true with backup_duration (7 or more) and backup_time. Bizfly
#       Cloud: add a bizflycloud_cloud_database_backup_schedule for the database's node and a
#       bizflycloud_scheduled_volume_backup for each volume. CMC Cloud: add a
#       cmccloudv2_database_autobackup or cmccloudv2_volume_autobackup naming each database and volume,
#       and set enable_backup = true with backup_retention on an RDS cluster. Viettel IDC: put each
#       volume in a viettelidc_ovpc_backup_plan and give each database a
#       viettelidc_vdbs_backup_scheduler. FPT Cloud: set versioning = "Enabled" on buckets. FPT Cloud
#       databases and OpenStack: schedule backups outside Terraform, then declare
#       incident_response.recovery.backups: true.
#     vi: >-
#       VNG Cloud: đặt backup_auto = true, backup_duration (từ 7) và backup_time. Bizfly Cloud: thêm
#       bizflycloud_cloud_database_backup_schedule cho nút của cơ sở dữ liệu và
#       bizflycloud_scheduled_volume_backup cho từng ổ đĩa. CMC Cloud: thêm
#       cmccloudv2_database_autobackup hoặc cmccloudv2_volume_autobackup chỉ tới từng cơ sở dữ liệu và ổ
#       đĩa, đặt enable_backup = true và backup_retention cho cụm RDS. Viettel IDC: đưa từng ổ đĩa vào
#       viettelidc_ovpc_backup_plan và thêm viettelidc_vdbs_backup_scheduler cho từng cơ sở dữ liệu. FPT
#       Cloud: đặt versioning = "Enabled" cho bucket. Cơ sở dữ liệu FPT Cloud và OpenStack: lập lịch sao
#       lưu ngoài Terraform, rồi khai báo incident_response.recovery.backups: true.
#   snippet: |
#     resource "vngcloud_vdb_relational_database" "main" {
#       backup_auto     = true
#       backup_duration = 7
#       backup_time     = "01:00"
#     }
package tuanthu.rules.cld.cld_bak_01

import data.tuanthu.concepts
import data.tuanthu.iac
import data.tuanthu.lib

min_days := lib.threshold("backup_retention_recommended_days")

deny contains lib.finding(r.address, disabled_msg(m), {"address": r.address, "attribute": m.attribute, "value": concepts.text(v)}) if {
	some e in concepts.mapped("backups")
	r := e.resource
	m := e.map
	not iac.unknown(r, m.attribute)
	v := concepts.value(r, m)
	not concepts.passes(m.enabled, v)
	not attached_enables(r, m)
	count(attached_unknown(r, m)) == 0
}

deny contains lib.unknown_finding(r.address, "unknown", params) if {
	some e in concepts.mapped("backups")
	r := e.resource
	iac.unknown(r, e.map.attribute)
	not attached_enables(r, e.map)
	params := {"address": r.address, "attribute": e.map.attribute, "expression": iac.unknown_expression(r, e.map.attribute)}
}

# The row's own attribute does not enable it and an attached resource's setting is an expression.
deny contains lib.unknown_finding(r.address, "unknown", params) if {
	some e in concepts.mapped("backups")
	r := e.resource
	m := e.map
	not iac.unknown(r, m.attribute)
	not concepts.passes(m.enabled, concepts.value(r, m))
	not attached_enables(r, m)
	s := attached_unknown(r, m)[0]
	params := {"address": r.address, "attribute": m.attached.attribute, "expression": iac.unknown_expression(s, m.attached.attribute)}
}

deny contains lib.finding(r.address, "no_schedule", {"address": r.address, "schedule": m.attached.type}) if {
	some e in concepts.mapped("backups")
	r := e.resource
	m := e.map
	m.attached
	not m.attribute
	count(iac.attached(r, m.attached.type)) == 0
	count(unmatched(m)) == 0
}

# No schedule names this resource, but one names what it backs up by an id or an expression that
# names no resource of the mapped type here: it may be this one's.
deny contains lib.unknown_finding(r.address, "schedule_unknown", params) if {
	some e in concepts.mapped("backups")
	r := e.resource
	m := e.map
	m.attached
	not m.attribute
	count(iac.attached(r, m.attached.type)) == 0
	s := unmatched(m)[0]
	params := {
		"address": r.address, "schedule_address": s.address, "by": m.attached.by,
		"expression": concepts.text(object.get(s.values, m.attached.by, null)),
	}
}

deny contains lib.unknown_finding(r.address, "cannot_show", {"address": r.address, "provider": m.provider, "field": m.declare}) if {
	some e in concepts.mapped("backups")
	r := e.resource
	m := e.map
	concepts.undeclared(m)
}

# The provider cannot show it and the descriptor declares it false: a violation on the declaration.
deny contains lib.finding(r.address, "declared_against", params) if {
	some e in concepts.mapped("backups")
	r := e.resource
	m := e.map
	m.declare
	concepts.declares_against(m)
	params := {"address": r.address, "provider": m.provider, "field": m.declare, "declared": concepts.declared_text(m)}
}

# No retention in the text: fewer days than recommended is a labelled recommendation (low).
deny contains lib.recommendation(r.address, "retention_recommended", params, "low") if {
	some e in concepts.mapped("backups")
	r := e.resource
	m := e.map
	m.retention_days
	concepts.passes(m.enabled, concepts.value(r, m))
	not iac.unknown(r, m.retention_days)
	days := object.get(r.values, m.retention_days, null)
	is_number(days)
	days < min_days
	params := {"address": r.address, "days": days, "min": min_days, "attribute": m.retention_days}
}

# A bucket keeps no versions; a database or volume has no automatic backups.
disabled_msg(m) := "disabled_bucket" if m.kind == "bucket"

else := "disabled"

# A row with an attribute and an `attached` resource that can set it too (FPT Cloud's bucket
# versioning resource): an attached resource whose attribute passes the row's test enables it.
attached_enables(r, m) if {
	a := m.attached.attribute
	some s in iac.attached(r, m.attached.type)
	not iac.unknown(s, a)
	concepts.passes(m.enabled, object.get(s.values, a, null))
}

attached_unknown(r, m) := [s |
	a := m.attached.attribute
	some s in iac.attached(r, m.attached.type)
	iac.unknown(s, a)
]

# Schedules of the mapped type that name no resource of the type they back up.
unmatched(m) := [s |
	some s in iac.of_type(m.attached.type)
	not names_mapped(s)
]

names_mapped(s) if {
	some a in s.refs
	some t, _ in concepts.mapping.backups
	startswith(a, concat("", [t, "."]))
}

not_applicable contains {"code": "no_provider", "params": {"provider": concepts.providers_text("backups")}} if not concepts.uses_provider_of("backups")
