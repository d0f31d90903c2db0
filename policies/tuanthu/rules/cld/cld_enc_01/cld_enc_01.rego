# METADATA
# scope: package
# custom:
#   id: CLD-ENC-01
#   severity: high
#   stages: [design, build, pre-production, production]
#   supports: [CRY-02]
#   clauses: ["KH04:II.2.a", "TB06:III.3.b", "TB06:III.3.c"]
#   clause_items: {"KH04:II.2.a": ["6"]}
#   title:
#     en: "Volumes encrypted at rest (domestic clouds and OpenStack)"
#     vi: "Ổ đĩa được mã hoá khi lưu trữ (đám mây trong nước và OpenStack)"
#   description:
#     en: >-
#       Block volumes and server disks on VNG Cloud, Bizfly Cloud, CMC Cloud, FPT Cloud, Viettel IDC and OpenStack are encrypted at rest,
#       judged from the attribute each provider offers (policies/tuanthu/clouds/data.yaml); where a
#       provider offers none, the descriptor declares it. AWS volumes are judged by AWS-EBS-01.
#     vi: >-
#       Ổ đĩa khối và ổ đĩa máy chủ trên VNG Cloud, Bizfly Cloud, CMC Cloud, FPT Cloud, Viettel IDC và OpenStack được mã hoá khi lưu trữ,
#       xét theo thuộc tính mỗi nhà cung cấp có (policies/tuanthu/clouds/data.yaml); nhà cung cấp không
#       có thuộc tính thì hồ sơ khai báo. Ổ đĩa AWS do AWS-EBS-01 xét.
#   messages:
#     missing:
#       en: "Volume {address} is not encrypted at rest ({attribute} = {value})."
#       vi: "Ổ đĩa {address} chưa được mã hoá khi lưu trữ ({attribute} = {value})."
#     unknown:
#       en: "Whether volume {address} is encrypted is unknown until apply ({attribute}: {expression})."
#       vi: "Việc mã hoá ổ đĩa {address} chỉ biết sau khi apply ({attribute}: {expression})."
#     declared_against:
#       en: >-
#         Whether volume {address} is encrypted cannot be shown from the {provider} provider's
#         configuration, and the descriptor declares {field}: {declared}: this verdict rests on the
#         declaration.
#       vi: >-
#         Cấu hình của nhà cung cấp {provider} không cho thấy ổ đĩa {address} có được mã hoá hay không, và
#         hồ sơ khai báo {field}: {declared}: kết luận này dựa trên khai báo.
#     cannot_show:
#       en: >-
#         Whether volume {address} is encrypted cannot be shown from the {provider} provider's
#         configuration (it has no encryption setting): declare it in the descriptor as {field}: true.
#       vi: >-
#         Không thể chứng minh ổ đĩa {address} được mã hoá từ cấu hình của nhà cung cấp {provider}
#         (không có thiết lập mã hoá): khai báo trong hồ sơ {field}: true.
#   remediation:
#     en: >-
#       VNG Cloud: set encryption_type on vngcloud_vserver_volume and encryption_volume = true on
#       vngcloud_vserver_server. CMC Cloud: give cmccloudv2_volume an encryption volume type and the
#       secret_id of a key-management secret. Bizfly Cloud, FPT Cloud, Viettel IDC, CMC Cloud server disks and
#       OpenStack: use an encrypted volume type or storage policy (for OpenStack, one with a Cinder
#       encryption specification), then declare crypto.at_rest.encrypted: true.
#     vi: >-
#       VNG Cloud: đặt encryption_type cho vngcloud_vserver_volume và encryption_volume = true cho
#       vngcloud_vserver_server. CMC Cloud: cho cmccloudv2_volume loại ổ đĩa có mã hoá và secret_id của
#       một khoá trong dịch vụ quản lý khoá. Bizfly Cloud, FPT Cloud, Viettel IDC, ổ đĩa máy chủ CMC Cloud và
#       OpenStack: dùng loại ổ đĩa hoặc chính sách lưu trữ có mã hoá (OpenStack: loại có đặc tả mã hoá
#       Cinder), rồi khai báo crypto.at_rest.encrypted: true.
#   snippet: |
#     resource "vngcloud_vserver_volume" "data" {
#       encryption_type = "aes-xts-plain64_256"
#     }
package tuanthu.rules.cld.cld_enc_01

import data.tuanthu.concepts
import data.tuanthu.iac
import data.tuanthu.lib

deny contains lib.finding(r.address, "missing", {"address": r.address, "attribute": m.attribute, "value": concepts.text(v)}) if {
	some e in concepts.mapped("volume_encryption")
	r := e.resource
	m := e.map
	not iac.unknown(r, m.attribute)
	v := concepts.value(r, m)
	not concepts.passes(m.encrypted, v)
}

deny contains lib.unknown_finding(r.address, "unknown", params) if {
	some e in concepts.mapped("volume_encryption")
	r := e.resource
	iac.unknown(r, e.map.attribute)
	params := {"address": r.address, "attribute": e.map.attribute, "expression": iac.unknown_expression(r, e.map.attribute)}
}

deny contains lib.unknown_finding(r.address, "cannot_show", {"address": r.address, "provider": m.provider, "field": m.declare}) if {
	some e in concepts.mapped("volume_encryption")
	r := e.resource
	m := e.map
	concepts.undeclared(m)
}

# The provider cannot show it and the descriptor declares it false: a violation on the declaration.
deny contains lib.finding(r.address, "declared_against", params) if {
	some e in concepts.mapped("volume_encryption")
	r := e.resource
	m := e.map
	m.declare
	concepts.declares_against(m)
	params := {"address": r.address, "provider": m.provider, "field": m.declare, "declared": concepts.declared_text(m)}
}

not_applicable contains {"code": "no_provider", "params": {"provider": concepts.providers_text("volume_encryption")}} if not concepts.uses_provider_of("volume_encryption")
