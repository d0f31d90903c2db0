# METADATA
# scope: package
# custom:
#   id: STF-01
#   severity: medium
#   stages: [production]
#   due: "2026-06-30"
#   clauses: ["TB06:III.8.a", "KH04:V.1.m", "KH04:III.2(i)"]
#   clause_items: {"KH04:V.1.m": ["4"]}
#   title:
#     en: The comprehensive security assessment covers the staff, not only the system
#     vi: Đánh giá tổng thể an ninh mạng bao gồm cả nguồn nhân lực, không chỉ hệ thống
#   description:
#     en: >-
#       The comprehensive assessment the documents ask of owners covers the databases, the
#       information systems and the staff who run them (06-TB/CQTTBCĐ III.8.a; 04-KH/BCĐTW V.1.m,
#       item 4, due 30/6/2026; III.2(i) for the 2026 review against TCVN 14423). The system declares
#       what its assessment covered (vulnerabilities.assessment_scope); staff must be among it.
#     vi: >-
#       Đánh giá tổng thể mà các văn bản yêu cầu chủ quản thực hiện bao gồm cơ sở dữ liệu, hệ thống thông
#       tin và nguồn nhân lực vận hành (06-TB/CQTTBCĐ III.8.a; 04-KH/BCĐTW V.1.m, gạch thứ 4, hạn
#       30/6/2026; III.2(i) về rà soát theo TCVN 14423 trong năm 2026). Hệ thống khai báo phạm vi đã đánh
#       giá (vulnerabilities.assessment_scope); phải có nguồn nhân lực.
#   messages:
#     undeclared:
#       en: "vulnerabilities.assessment_scope is not declared: state what the comprehensive assessment covered (system, data, staff)."
#       vi: "Chưa khai báo vulnerabilities.assessment_scope: nêu phạm vi đánh giá tổng thể (hệ thống, dữ liệu, nhân lực)."
#     staff_not_assessed:
#       en: "The comprehensive assessment covered {scope} but not the staff who run the system."
#       vi: "Đánh giá tổng thể mới bao gồm {scope}, chưa đánh giá nguồn nhân lực vận hành hệ thống."
#   remediation:
#     en: >-
#       Extend the comprehensive assessment to the staff who operate and administer the system (roles,
#       skills, clearances, accountability), and record the scope under vulnerabilities.assessment_scope.
#     vi: >-
#       Mở rộng đánh giá tổng thể sang nguồn nhân lực vận hành, quản trị hệ thống (vị trí, kỹ năng, thẩm
#       tra, trách nhiệm) và ghi phạm vi vào vulnerabilities.assessment_scope.
#   snippet: |
#     vulnerabilities:
#       assessment_scope: [system, data, staff]
package tuanthu.rules.stf.stf_01

import data.tuanthu.lib

scope := object.get(lib.d, ["vulnerabilities", "assessment_scope"], null)

deny contains lib.finding("/vulnerabilities/assessment_scope", "undeclared", {}) if not is_array(scope)

deny contains lib.finding("/vulnerabilities/assessment_scope", "staff_not_assessed", {"scope": scope}) if {
	is_array(scope)
	not "staff" in scope
}
