# METADATA
# scope: package
# custom:
#   id: CRY-03
#   severity: critical
#   stages: [design, build, pre-production, production]
#   clauses: ["TTg:3.b", "CT57:2.b", "KH04:II.2.a(4)"]
#   clause_items: {"TTg:3.b": ["1"], "CT57:2.b": ["2"]}
#   outside_seeds:
#     en: >-
#       The owner's duty to protect state secrets with Government Cipher Committee products comes
#       from the Law on Protection of State Secrets (2018) and the Law on Cryptography, which are
#       not among the seeds; the seed clauses cited (the Prime Minister's dispatch 3.b, 57-CT/TW
#       2.b) give the Cipher Committee and Defence the network and the standards, and are context.
#     vi: >-
#       Nghĩa vụ của chủ quản bảo vệ bí mật nhà nước bằng sản phẩm mật mã của Ban Cơ yếu Chính phủ
#       đến từ Luật Bảo vệ bí mật nhà nước (2018) và Luật Cơ yếu, không thuộc các văn bản nguồn; các
#       điều được dẫn (Công điện mục 3.b, Chỉ thị 57-CT/TW mục 2.b) giao mạng và tiêu chuẩn cho Ban
#       Cơ yếu, Bộ Quốc phòng, là bối cảnh.
#   title:
#     en: State secrets protected with Government Cipher Committee products over the specialised network
#     vi: Bí mật nhà nước được bảo vệ bằng sản phẩm mật mã của Ban Cơ yếu Chính phủ, trao đổi qua mạng chuyên dùng
#   description:
#     en: >-
#       A system holding state-secret data (mật, tối mật, tuyệt mật) protects it with cryptographic
#       products of the Government Cipher Committee (Ban Cơ yếu Chính phủ) and exchanges it only over
#       the Party and State specialised data network. A system that does not declare
#       data.state_secret is treated as holding state secrets until it declares "none".
#     vi: >-
#       Hệ thống lưu dữ liệu bí mật nhà nước (mật, tối mật, tuyệt mật) phải bảo vệ bằng sản phẩm mật mã
#       của Ban Cơ yếu Chính phủ và chỉ trao đổi qua Mạng truyền số liệu chuyên dùng của cơ quan Đảng,
#       Nhà nước. Hệ thống chưa khai báo data.state_secret được coi là có bí mật nhà nước cho đến khi
#       khai báo "none".
#   messages:
#     no_cipher_products:
#       en: "State-secret data (grade: {grade}) is not declared as protected with Government Cipher Committee products (crypto.state_secret_protection.cipher_products)."
#       vi: "Dữ liệu bí mật nhà nước (độ mật: {grade}) chưa được khai báo bảo vệ bằng sản phẩm mật mã của Ban Cơ yếu Chính phủ (crypto.state_secret_protection.cipher_products)."
#     no_specialised_network:
#       en: "State-secret data (grade: {grade}) is not declared as exchanged over the specialised data network (crypto.state_secret_protection.specialised_network)."
#       vi: "Dữ liệu bí mật nhà nước (độ mật: {grade}) chưa được khai báo trao đổi qua Mạng truyền số liệu chuyên dùng (crypto.state_secret_protection.specialised_network)."
#   remediation:
#     en: >-
#       Encrypt state-secret data with cryptographic products supplied by the Government Cipher
#       Committee, move its exchange onto the specialised data network, and record both under
#       crypto.state_secret_protection. If the system holds no state secrets, declare data.state_secret: none.
#     vi: >-
#       Mã hoá dữ liệu bí mật nhà nước bằng sản phẩm mật mã do Ban Cơ yếu Chính phủ cung cấp, chuyển việc
#       trao đổi sang Mạng truyền số liệu chuyên dùng và ghi vào crypto.state_secret_protection. Nếu hệ
#       thống không có bí mật nhà nước, khai báo data.state_secret: none.
#   snippet: |
#     data: {state_secret: mat}
#     crypto:
#       state_secret_protection: {cipher_products: true, specialised_network: true}
package tuanthu.rules.cry.cry_03

import data.tuanthu.lib

grade := object.get(lib.declared_data, "state_secret", "undeclared")

protection := object.get(lib.d, ["crypto", "state_secret_protection"], {})

not_applicable contains {"code": "no_state_secret", "params": {}} if not lib.holds_state_secret

deny contains lib.finding("/crypto/state_secret_protection", "no_cipher_products", {"grade": grade}) if {
	not protection.cipher_products == true
}

deny contains lib.finding("/crypto/state_secret_protection", "no_specialised_network", {"grade": grade}) if {
	not protection.specialised_network == true
}
