# METADATA
# scope: package
# custom:
#   id: CRY-02
#   severity: high
#   stages: [design, build, pre-production, production]
#   clauses: ["KH04:II.2.a", "TB06:III.3.b", "TB06:III.3.c", "KH04:IV.3.b(iv)"]
#   clause_items: {"KH04:II.2.a": ["6"]}
#   recommendation:
#     en: >-
#       The text asks for modern encryption of important data, secret data and state transactions
#       (04-KH/BCĐTW II.2.a item 6) and full protection of national databases (06-TB III.3.c). For a
#       system that holds only personal data, encryption at rest is our recommendation (medium), not
#       the directives' requirement.
#     vi: >-
#       Văn bản yêu cầu mã hoá hiện đại cho dữ liệu quan trọng, dữ liệu bí mật và giao dịch nhà nước
#       (Kế hoạch 04-KH/BCĐTW mục II.2.a gạch 6) và bảo vệ toàn diện cơ sở dữ liệu quốc gia (Thông báo
#       06-TB mục III.3.c). Với hệ thống chỉ lưu dữ liệu cá nhân, mã hoá khi lưu trữ là khuyến nghị của
#       chúng tôi (mức trung bình), không phải yêu cầu của văn bản.
#   title:
#     en: Protected data is encrypted at rest
#     vi: Dữ liệu cần bảo vệ được mã hoá khi lưu trữ
#   description:
#     en: >-
#       A system declared as holding state secrets or a national database encrypts its data at rest
#       (the directives' requirement). A system that holds only personal or sensitive personal data
#       gets the same as a labelled recommendation at medium severity. A system that does not declare
#       data.state_secret, and holds no national database, is reported as unknown: declare it.
#     vi: >-
#       Hệ thống đã khai báo có bí mật nhà nước hoặc cơ sở dữ liệu quốc gia phải mã hoá dữ liệu khi lưu
#       trữ (yêu cầu của văn bản). Hệ thống chỉ lưu dữ liệu cá nhân hoặc dữ liệu cá nhân nhạy cảm nhận
#       khuyến nghị tương tự, mức trung bình, có ghi rõ là khuyến nghị. Hệ thống chưa khai báo
#       data.state_secret và không có cơ sở dữ liệu quốc gia được báo là chưa xác định: cần khai báo.
#   messages:
#     not_encrypted:
#       en: "The system holds state-secret or national-database data but crypto.at_rest.encrypted is not true: databases, files and backups must be encrypted at rest."
#       vi: "Hệ thống lưu bí mật nhà nước hoặc dữ liệu cơ sở dữ liệu quốc gia nhưng crypto.at_rest.encrypted chưa là true: cơ sở dữ liệu, tệp và bản sao lưu phải được mã hoá khi lưu trữ."
#     personal_not_encrypted:
#       en: "The system holds personal data and crypto.at_rest.encrypted is not true: encrypting databases, files and backups at rest is recommended."
#       vi: "Hệ thống lưu dữ liệu cá nhân và crypto.at_rest.encrypted chưa là true: nên mã hoá cơ sở dữ liệu, tệp và bản sao lưu khi lưu trữ."
#     undeclared:
#       en: "Unknown: data.state_secret is not declared and crypto.at_rest.encrypted is not true, so whether encryption at rest is required cannot be decided. Declare data.state_secret."
#       vi: "Chưa xác định: chưa khai báo data.state_secret và crypto.at_rest.encrypted chưa là true nên không xác định được có bắt buộc mã hoá khi lưu trữ hay không. Hãy khai báo data.state_secret."
#   remediation:
#     en: >-
#       Declare data.state_secret and data.national_databases. Turn on storage encryption for
#       databases, object storage, volumes and backups with keys held in a key-management service the
#       agency controls, then set crypto.at_rest.encrypted: true and name the key management.
#     vi: >-
#       Khai báo data.state_secret và data.national_databases. Bật mã hoá lưu trữ cho cơ sở dữ liệu, kho
#       đối tượng, ổ đĩa và bản sao lưu, khoá do hệ thống quản lý khoá của cơ quan nắm giữ; đặt
#       crypto.at_rest.encrypted: true và ghi rõ cách quản lý khoá.
#   snippet: |
#     crypto:
#       at_rest: {encrypted: true, key_management: KMS nội bộ}
package tuanthu.rules.cry.cry_02

import data.tuanthu.lib

not_applicable contains {"code": "no_protected_data", "params": {}} if not lib.holds_protected_data

encrypted if lib.d.crypto.at_rest.encrypted == true

# The data the text names (KH04 II.2.a item 6: secret and important data; TB06 III.3.c: national databases).
required if lib.declared_state_secret

required if lib.holds_national_database

personal if object.get(lib.declared_data, "personal_subjects", 0) > 0

personal if lib.declared_data.sensitive_personal == true

deny contains lib.finding("/crypto/at_rest", "not_encrypted", {}) if {
	required
	not encrypted
}

deny contains lib.unknown_finding("/crypto/at_rest", "undeclared", {}) if {
	not required
	not lib.declares_state_secret
	not encrypted
}

deny contains lib.recommendation("/crypto/at_rest", "personal_not_encrypted", {}, "medium") if {
	not required
	lib.declares_state_secret
	personal
	not encrypted
}
