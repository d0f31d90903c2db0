# METADATA
# scope: package
# custom:
#   id: CLD-PUB-01
#   severity: high
#   stages: [design, build, pre-production, production]
#   supports: [CRY-02, DAT-01]
#   clauses: ["KH04:II.2.a", "TB06:III.3.c"]
#   clause_items: {"KH04:II.2.a": ["6"]}
#   title:
#     en: "Databases and object storage not public (domestic clouds and OpenStack)"
#     vi: "Cơ sở dữ liệu và kho đối tượng không công khai (đám mây trong nước và OpenStack)"
#   description:
#     en: >-
#       Managed databases and object storage on VNG Cloud, Bizfly Cloud, CMC Cloud, FPT Cloud and OpenStack are not open to
#       the Internet, judged from the attribute each provider offers (policies/tuanthu/clouds/data.yaml).
#       AWS is judged by AWS-RDS-03 and AWS-S3-02.
#     vi: >-
#       Cơ sở dữ liệu và kho đối tượng trên VNG Cloud, Bizfly Cloud, CMC Cloud, FPT Cloud và OpenStack không mở ra Internet,
#       xét theo thuộc tính mỗi nhà cung cấp có (policies/tuanthu/clouds/data.yaml). AWS do AWS-RDS-03
#       và AWS-S3-02 xét.
#   messages:
#     public_database:
#       en: "Database {address} is reachable from the Internet ({attribute} = {value})."
#       vi: "Cơ sở dữ liệu {address} truy cập được từ Internet ({attribute} = {value})."
#     public_bucket:
#       en: "Object storage {address} can be read by anyone ({attribute} = {value})."
#       vi: "Kho đối tượng {address} ai cũng đọc được ({attribute} = {value})."
#     unknown:
#       en: "Whether {address} is public is unknown until apply ({attribute}: {expression})."
#       vi: "Việc {address} có công khai hay không chỉ biết sau khi apply ({attribute}: {expression})."
#   remediation:
#     en: >-
#       Keep databases private (public_access = false, is_public = false or "no"; reach them from the
#       application's private network) and buckets private (acl or canned_acl = "private"; no .r: referrer grant in an OpenStack
#       container_read). Publish files through the application or a CDN that authenticates.
#     vi: >-
#       Giữ cơ sở dữ liệu ở mạng riêng (public_access = false, is_public = false hoặc "no"; truy cập từ
#       mạng riêng của ứng dụng) và bucket riêng tư (acl hoặc canned_acl = "private"; không cấp quyền .r: trong container_read của OpenStack). Công bố
#       tệp qua ứng dụng hoặc CDN có xác thực.
#   snippet: |
#     resource "vngcloud_vdb_relational_database" "main" {
#       public_access = false
#     }
package tuanthu.rules.cld.cld_pub_01

import data.tuanthu.concepts
import data.tuanthu.iac
import data.tuanthu.lib

deny contains lib.finding(r.address, concat("_", ["public", m.kind]), params) if {
	some e in concepts.mapped("public_exposure")
	r := e.resource
	m := e.map
	some c in concepts.checks(m, "public")
	not iac.unknown(r, c.attribute)
	v := object.get(r.values, c.attribute, null)
	concepts.passes(c.test, v)
	params := {"address": r.address, "attribute": c.attribute, "value": concepts.text(v)}
}

deny contains lib.unknown_finding(r.address, "unknown", params) if {
	some e in concepts.mapped("public_exposure")
	r := e.resource
	some c in concepts.checks(e.map, "public")
	iac.unknown(r, c.attribute)
	params := {"address": r.address, "attribute": c.attribute, "expression": iac.unknown_expression(r, c.attribute)}
}

not_applicable contains {"code": "no_provider", "params": {"provider": concepts.providers_text("public_exposure")}} if not concepts.uses_provider_of("public_exposure")
