# METADATA
# scope: package
# custom:
#   id: CLD-LOG-01
#   severity: medium
#   stages: [design, build, pre-production, production]
#   supports: [MON-03]
#   clauses: ["KH04:V.1.m", "KH04:III.2(ii)"]
#   clause_items: {"KH04:V.1.m": ["9"]}
#   title:
#     en: "Load balancers and databases logged for monitoring (domestic clouds and OpenStack)"
#     vi: "Bộ cân bằng tải và cơ sở dữ liệu được ghi nhật ký phục vụ giám sát (đám mây trong nước và OpenStack)"
#   description:
#     en: >-
#       Load balancers and managed databases on VNG Cloud, Bizfly Cloud, CMC Cloud, FPT Cloud, Viettel
#       IDC and OpenStack record logs that
#       the monitoring system collects, judged from the log setting a provider offers
#       (policies/tuanthu/clouds/data.yaml); where it offers none, the descriptor declares it
#       (monitoring.logs.collected). AWS is judged by AWS-LOG-01 and AWS-LOG-02.
#     vi: >-
#       Bộ cân bằng tải và cơ sở dữ liệu được quản lý trên VNG Cloud, Bizfly Cloud, CMC Cloud, FPT Cloud,
#       Viettel IDC và OpenStack ghi nhật
#       ký được hệ thống giám sát thu thập, xét theo thiết lập nhật ký nhà cung cấp có
#       (policies/tuanthu/clouds/data.yaml); nhà cung cấp không có thì hồ sơ khai báo
#       (monitoring.logs.collected). AWS do AWS-LOG-01 và AWS-LOG-02 xét.
#   messages:
#     disabled:
#       en: "{address} records no logs ({attribute} = {value})."
#       vi: "{address} chưa ghi nhật ký ({attribute} = {value})."
#     unknown:
#       en: "Whether {address} records logs is unknown until apply ({attribute}: {expression})."
#       vi: "Việc ghi nhật ký của {address} chỉ biết sau khi apply ({attribute}: {expression})."
#     declared_against:
#       en: >-
#         Whether the logs of {address} are collected cannot be shown from the {provider} provider's
#         configuration, and the descriptor declares {field}: {declared}: this verdict rests on the
#         declaration.
#       vi: >-
#         Cấu hình của nhà cung cấp {provider} không cho thấy nhật ký của {address} có được thu thập hay
#         không, và hồ sơ khai báo {field}: {declared}: kết luận này dựa trên khai báo.
#     cannot_show:
#       en: >-
#         Whether the logs of {address} are collected cannot be shown from the {provider} provider's
#         configuration (it has no log setting): declare it in the descriptor as {field}: true.
#       vi: >-
#         Không thể chứng minh nhật ký của {address} được thu thập từ cấu hình của nhà cung cấp
#         {provider} (không có thiết lập nhật ký): khai báo trong hồ sơ {field}: true.
#   remediation:
#     en: >-
#       Turn on the provider's log setting where it has one. VNG Cloud, Bizfly Cloud, CMC Cloud, FPT
#       Cloud, Viettel IDC and OpenStack load balancers and databases have none in Terraform: ship their logs (the provider's log
#       service, Octavia log offloading, the database's audit log) to the monitoring system, then
#       declare monitoring.logs.collected: true.
#     vi: >-
#       Bật thiết lập nhật ký của nhà cung cấp nếu có. Bộ cân bằng tải và cơ sở dữ liệu của VNG Cloud,
#       Bizfly Cloud, CMC Cloud, FPT Cloud, Viettel IDC và OpenStack không có thiết lập này trong Terraform: chuyển nhật ký (dịch vụ nhật
#       ký của nhà cung cấp, Octavia log offloading, nhật ký kiểm toán của cơ sở dữ liệu) về hệ thống
#       giám sát, rồi khai báo monitoring.logs.collected: true.
#   snippet: |
#     monitoring:
#       logs: {collected: true}
package tuanthu.rules.cld.cld_log_01

import data.tuanthu.concepts
import data.tuanthu.iac
import data.tuanthu.lib

deny contains lib.finding(r.address, "disabled", {"address": r.address, "attribute": m.attribute, "value": concepts.text(v)}) if {
	some e in concepts.mapped("logging")
	r := e.resource
	m := e.map
	not iac.unknown(r, m.attribute)
	v := concepts.value(r, m)
	not concepts.passes(m.enabled, v)
}

deny contains lib.unknown_finding(r.address, "unknown", params) if {
	some e in concepts.mapped("logging")
	r := e.resource
	iac.unknown(r, e.map.attribute)
	params := {"address": r.address, "attribute": e.map.attribute, "expression": iac.unknown_expression(r, e.map.attribute)}
}

deny contains lib.unknown_finding(r.address, "cannot_show", {"address": r.address, "provider": m.provider, "field": m.declare}) if {
	some e in concepts.mapped("logging")
	r := e.resource
	m := e.map
	concepts.undeclared(m)
}

# The provider cannot show it and the descriptor declares it false: a violation on the declaration.
deny contains lib.finding(r.address, "declared_against", params) if {
	some e in concepts.mapped("logging")
	r := e.resource
	m := e.map
	m.declare
	concepts.declares_against(m)
	params := {"address": r.address, "provider": m.provider, "field": m.declare, "declared": concepts.declared_text(m)}
}

not_applicable contains {"code": "no_provider", "params": {"provider": concepts.providers_text("logging")}} if not concepts.uses_provider_of("logging")
