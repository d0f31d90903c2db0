# METADATA
# scope: package
# custom:
#   id: CRY-05
#   severity: low
#   stages: [design, build, pre-production, production]
#   clauses: ["TTg:3.b"]
#   clause_items: {"TTg:3.b": ["2"]}
#   outside_seeds:
#     en: >-
#       The duty to sign official electronic documents with specialised digital signatures comes
#       from the rules on document work and specialised signatures (e.g. Decree 30/2020/NĐ-CP),
#       which are not among the seeds; the dispatch 3.b cited gives the Cipher Committee the
#       standards for such signatures and is context.
#     vi: >-
#       Nghĩa vụ ký số chuyên dùng văn bản điện tử đến từ quy định về công tác văn thư và chữ ký số
#       chuyên dùng (ví dụ Nghị định 30/2020/NĐ-CP), không thuộc các văn bản nguồn; Công điện mục
#       3.b được dẫn giao Ban Cơ yếu ban hành tiêu chuẩn chữ ký số chuyên dùng, là bối cảnh.
#   title:
#     en: Official documents signed with specialised digital signatures
#     vi: Văn bản điện tử được ký số chuyên dùng
#   description:
#     en: >-
#       A system that handles official electronic documents signs them with specialised digital
#       signatures (chữ ký số chuyên dùng) under the Government Cipher Committee's standards. A system
#       that does not say whether it handles official documents is treated as handling them.
#     vi: >-
#       Hệ thống xử lý văn bản điện tử chính thức ký số bằng chữ ký số chuyên dùng theo tiêu chuẩn của
#       Ban Cơ yếu Chính phủ. Hệ thống không khai báo có xử lý văn bản hay không được coi là có.
#   messages:
#     no_signatures:
#       en: "The system handles official documents but does not declare specialised digital signatures (crypto.specialised_signatures)."
#       vi: "Hệ thống xử lý văn bản chính thức nhưng chưa khai báo dùng chữ ký số chuyên dùng (crypto.specialised_signatures)."
#   remediation:
#     en: >-
#       Integrate signing with specialised digital-signature certificates issued by the Government
#       Cipher Committee for documents the system issues or forwards, then set
#       crypto.specialised_signatures: true. If it handles no official documents, declare
#       system.handles_official_documents: false.
#     vi: >-
#       Tích hợp ký số bằng chứng thư số chuyên dùng do Ban Cơ yếu Chính phủ cấp cho văn bản hệ thống
#       phát hành hoặc chuyển tiếp, đặt crypto.specialised_signatures: true. Nếu không xử lý văn bản
#       chính thức, khai báo system.handles_official_documents: false.
#   snippet: |
#     system: {handles_official_documents: true}
#     crypto: {specialised_signatures: true}
package tuanthu.rules.cry.cry_05

import data.tuanthu.lib

not_applicable contains {"code": "no_official_documents", "params": {}} if {
	lib.d.system.handles_official_documents == false
}

deny contains lib.finding("/crypto/specialised_signatures", "no_signatures", {}) if {
	not lib.d.crypto.specialised_signatures == true
}
