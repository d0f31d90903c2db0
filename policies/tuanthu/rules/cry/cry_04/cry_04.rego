# METADATA
# scope: package
# custom:
#   id: CRY-04
#   severity: low
#   kind: recommendation
#   stages: [design, build, pre-production, production]
#   clauses: ["TB06:III.3.b", "CT57:3.a", "KH04:IV.3.c"]
#   recommendation:
#     en: >-
#       None of the cited clauses gives the system owner a duty: 06-TB III.3.b, 57-CT/TW 3.a and
#       04-KH/BCĐTW IV.3.c give research and development of quantum-resistant cryptography for state
#       secrets to national bodies (the Government Cipher Committee, the ministries of Public
#       Security and Defence). Preparing the system's own migration is our recommendation, so that
#       the owner is ready when those algorithms are approved; it never fails a run at the default
#       threshold.
#     vi: >-
#       Các điều được dẫn không giao nghĩa vụ cho chủ quản hệ thống: Thông báo 06-TB mục III.3.b, Chỉ
#       thị 57-CT/TW mục 3.a và Kế hoạch 04-KH/BCĐTW mục IV.3.c giao việc nghiên cứu, phát triển mã hoá
#       kháng lượng tử bảo vệ bí mật nhà nước cho cơ quan cấp quốc gia (Ban Cơ yếu Chính phủ, Bộ Công
#       an, Bộ Quốc phòng). Việc chủ quản chuẩn bị lộ trình chuyển đổi cho hệ thống của mình là khuyến
#       nghị của chúng tôi để sẵn sàng khi các thuật toán được phép dùng; không làm một lần kiểm tra
#       không đạt ở ngưỡng mặc định.
#   title:
#     en: Quantum-resistant migration plan for state-secret systems
#     vi: Kế hoạch chuyển đổi mã hoá kháng lượng tử cho hệ thống có bí mật nhà nước
#   description:
#     en: >-
#       Recommendation, not a duty of the directives: a system declared as holding state secrets
#       prepares a plan to move its encryption to quantum-resistant algorithms once they are
#       approved for state secrets. A system that does not declare data.state_secret is reported as
#       unknown (declare it), never presumed either way.
#     vi: >-
#       Khuyến nghị, không phải nghĩa vụ trong văn bản: hệ thống đã khai báo có bí mật nhà nước chuẩn
#       bị kế hoạch chuyển sang thuật toán mã hoá kháng lượng tử khi các thuật toán này được phép dùng
#       cho bí mật nhà nước. Hệ thống chưa khai báo data.state_secret được báo là chưa xác định (cần
#       khai báo), không bị suy đoán theo chiều nào.
#   messages:
#     no_plan:
#       en: "The system holds state secrets (grade: {grade}) and has no quantum-resistant migration plan (crypto.post_quantum_plan): preparing one is recommended."
#       vi: "Hệ thống lưu bí mật nhà nước (độ mật: {grade}) và chưa có kế hoạch chuyển đổi mã hoá kháng lượng tử (crypto.post_quantum_plan): nên chuẩn bị kế hoạch."
#     undeclared:
#       en: "Unknown: data.state_secret is not declared, so whether the system holds state secrets cannot be decided. Declare it (none, mat, toi_mat or tuyet_mat)."
#       vi: "Chưa xác định: chưa khai báo data.state_secret nên không xác định được hệ thống có lưu bí mật nhà nước hay không. Hãy khai báo (none, mat, toi_mat hoặc tuyet_mat)."
#   remediation:
#     en: >-
#       Declare data.state_secret. For a state-secret system: inventory where cryptography protects
#       state secrets, follow the Government Cipher Committee's guidance on quantum-resistant
#       algorithms as it is issued, and set crypto.post_quantum_plan: true once a migration plan exists.
#     vi: >-
#       Khai báo data.state_secret. Với hệ thống có bí mật nhà nước: kiểm kê các điểm dùng mật mã bảo vệ
#       bí mật nhà nước, theo hướng dẫn của Ban Cơ yếu Chính phủ về thuật toán kháng lượng tử khi được
#       ban hành, đặt crypto.post_quantum_plan: true khi đã có kế hoạch chuyển đổi.
#   snippet: |
#     data:
#       state_secret: mat
#     crypto:
#       post_quantum_plan: true
package tuanthu.rules.cry.cry_04

import data.tuanthu.lib

not_applicable contains {"code": "no_state_secret", "params": {}} if declared_none

declared_none if lib.declared_data.state_secret == "none"

deny contains lib.unknown_finding("/data", "undeclared", {}) if not lib.declares_state_secret

deny contains lib.recommendation("/crypto/post_quantum_plan", "no_plan", {"grade": lib.declared_data.state_secret}, "low") if {
	lib.declared_state_secret
	not lib.d.crypto.post_quantum_plan == true
}
