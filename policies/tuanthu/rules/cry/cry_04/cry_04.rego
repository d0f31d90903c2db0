# METADATA
# scope: package
# custom:
#   id: CRY-04
#   severity: medium
#   stages: [design, build, pre-production, production]
#   clauses: ["TB06:III.3.b", "CT57:3.a", "KH04:IV.3.c"]
#   title:
#     en: Quantum-resistant migration plan for state-secret systems
#     vi: Kế hoạch chuyển đổi mã hoá kháng lượng tử cho hệ thống có bí mật nhà nước
#   description:
#     en: >-
#       A system holding state secrets has a plan to move its encryption to quantum-resistant
#       algorithms as they are approved for state secrets. Undeclared data.state_secret counts as
#       holding state secrets.
#     vi: >-
#       Hệ thống lưu bí mật nhà nước có kế hoạch chuyển sang thuật toán mã hoá kháng lượng tử khi các
#       thuật toán này được phép dùng cho bí mật nhà nước. Chưa khai báo data.state_secret được coi là
#       có bí mật nhà nước.
#   messages:
#     no_plan:
#       en: "The system holds state secrets (grade: {grade}) but has no quantum-resistant migration plan (crypto.post_quantum_plan)."
#       vi: "Hệ thống lưu bí mật nhà nước (độ mật: {grade}) nhưng chưa có kế hoạch chuyển đổi mã hoá kháng lượng tử (crypto.post_quantum_plan)."
#   remediation:
#     en: >-
#       Inventory where cryptography protects state secrets, agree a migration path to
#       quantum-resistant algorithms with the Government Cipher Committee, and set
#       crypto.post_quantum_plan: true once the plan is approved.
#     vi: >-
#       Kiểm kê các điểm dùng mật mã bảo vệ bí mật nhà nước, thống nhất lộ trình chuyển sang thuật toán
#       kháng lượng tử với Ban Cơ yếu Chính phủ, đặt crypto.post_quantum_plan: true khi kế hoạch được duyệt.
#   snippet: |
#     crypto:
#       post_quantum_plan: true
package tuanthu.rules.cry.cry_04

import data.tuanthu.lib

not_applicable contains {"code": "no_state_secret", "params": {}} if not lib.holds_state_secret

deny contains lib.finding("/crypto/post_quantum_plan", "no_plan", {"grade": object.get(lib.declared_data, "state_secret", "undeclared")}) if {
	not lib.d.crypto.post_quantum_plan == true
}
