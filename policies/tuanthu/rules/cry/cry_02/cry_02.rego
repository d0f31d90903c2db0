# METADATA
# scope: package
# custom:
#   id: CRY-02
#   severity: high
#   stages: [design, build, pre-production, production]
#   clauses: ["KH04:II.2.a", "TB06:III.3.b", "TB06:III.3.c", "KH04:IV.3.b(iv)"]
#   clause_items: {"KH04:II.2.a": ["6"]}
#   title:
#     en: Protected data is encrypted at rest
#     vi: Dữ liệu cần bảo vệ được mã hoá khi lưu trữ
#   description:
#     en: >-
#       A system holding personal, sensitive, state-secret or national-database data encrypts it at
#       rest. A system that does not declare what data it holds is treated as holding such data.
#     vi: >-
#       Hệ thống lưu dữ liệu cá nhân, dữ liệu nhạy cảm, bí mật nhà nước hoặc cơ sở dữ liệu quốc gia phải
#       mã hoá dữ liệu khi lưu trữ. Hệ thống không khai báo loại dữ liệu được coi là có lưu các dữ liệu này.
#   messages:
#     not_encrypted:
#       en: "The system holds protected data but crypto.at_rest.encrypted is not true: databases, files and backups must be encrypted at rest."
#       vi: "Hệ thống lưu dữ liệu cần bảo vệ nhưng crypto.at_rest.encrypted chưa là true: cơ sở dữ liệu, tệp và bản sao lưu phải được mã hoá khi lưu trữ."
#   remediation:
#     en: >-
#       Turn on storage encryption for databases, object storage, volumes and backups with keys held
#       in a key-management service the agency controls, then set crypto.at_rest.encrypted: true and
#       name the key management.
#     vi: >-
#       Bật mã hoá lưu trữ cho cơ sở dữ liệu, kho đối tượng, ổ đĩa và bản sao lưu, khoá do hệ thống quản
#       lý khoá của cơ quan nắm giữ; đặt crypto.at_rest.encrypted: true và ghi rõ cách quản lý khoá.
#   snippet: |
#     crypto:
#       at_rest: {encrypted: true, key_management: KMS nội bộ}
package tuanthu.rules.cry.cry_02

import data.tuanthu.lib

not_applicable contains {"code": "no_protected_data", "params": {}} if not lib.holds_protected_data

deny contains lib.finding("/crypto/at_rest", "not_encrypted", {}) if not encrypted

encrypted if lib.d.crypto.at_rest.encrypted == true
