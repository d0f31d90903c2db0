# METADATA
# scope: package
# custom:
#   id: GOV-04
#   severity: medium
#   stages: [pre-production, production]
#   due: "2025-11-30"
#   clauses: ["TTg:1.c", "TTg:1.g"]
#   title:
#     en: Internal security regulations and network-use rules issued
#     vi: Đã ban hành quy chế an ninh mạng nội bộ và quy chế sử dụng mạng
#   description:
#     en: >-
#       The Prime Minister's dispatch asks each ministry, agency and province to review and issue its
#       regulations on cybersecurity and on protecting state secrets online (1.c), and its rules for
#       using the internal network and Internet-connected networks (1.g), both by November 2025. The
#       system declares the regulation in force for it: when it was issued, its reference, and which of
#       the four subjects it covers. A regulation dated after the evaluation date is not issued yet on
#       that day: EVD-01 reports the date, and this rule reads the regulation as not issued.
#     vi: >-
#       Công điện của Thủ tướng yêu cầu các bộ, cơ quan, địa phương rà soát, ban hành quy chế về bảo đảm
#       an ninh mạng và bảo vệ bí mật nhà nước trên không gian mạng (1.c) và quy chế sử dụng mạng nội bộ,
#       mạng có kết nối Internet (1.g), hoàn thành trong tháng 11/2025. Hệ thống khai báo quy chế đang áp
#       dụng: ngày ban hành, số hiệu và bốn nội dung được quy định. Quy chế ghi ngày sau ngày đánh giá
#       thì vào ngày đó chưa được ban hành: EVD-01 báo ngày này, quy tắc này coi quy chế là chưa ban hành.
#   messages:
#     not_issued:
#       en: "No internal security regulation is declared (governance.internal_regulations): issue one on security, state secrets online and network use."
#       vi: "Chưa khai báo quy chế an ninh mạng nội bộ (governance.internal_regulations): ban hành quy chế về an ninh mạng, bí mật nhà nước và sử dụng mạng."
#     no_reference:
#       en: "The internal regulation has no reference (decision number): record it so that an inspector can find it."
#       vi: "Quy chế nội bộ chưa có số hiệu văn bản: ghi số quyết định ban hành để kiểm tra xác minh."
#     missing_subjects:
#       en: "The internal regulation does not cover: {missing} (governance.internal_regulations.covers)."
#       vi: "Quy chế nội bộ chưa quy định: {missing} (governance.internal_regulations.covers)."
#   remediation:
#     en: >-
#       Issue (or update) the agency's regulation on cybersecurity, state-secret protection online and
#       the use of the internal and Internet-connected networks, and record it under
#       governance.internal_regulations (issued, reference, covers).
#     vi: >-
#       Ban hành (hoặc cập nhật) quy chế của cơ quan về an ninh mạng, bảo vệ bí mật nhà nước trên không
#       gian mạng, sử dụng mạng nội bộ và mạng kết nối Internet; ghi vào governance.internal_regulations
#       (issued, reference, covers).
#   snippet: |
#     governance:
#       internal_regulations:
#         issued: 2025-11-20
#         reference: QĐ-1234/QĐ-BTC
#         covers: [cybersecurity, state_secrets_online, internal_network, internet_network]
package tuanthu.rules.gov.gov_04

import data.tuanthu.lib

regulation := object.get(lib.d, ["governance", "internal_regulations"], {})

# 1.c: cybersecurity and state secrets online; 1.g: the internal and Internet-connected networks.
subjects := {"cybersecurity", "state_secrets_online", "internal_network", "internet_network"}

issued if is_string(regulation.issued)

missing := sort([s | some s in subjects; not s in object.get(regulation, "covers", [])])

deny contains lib.finding("/governance/internal_regulations", "not_issued", {}) if not issued

deny contains lib.finding("/governance/internal_regulations", "no_reference", {}) if {
	issued
	not lib.has_text(regulation, "reference")
}

deny contains lib.finding("/governance/internal_regulations/covers", "missing_subjects", {"missing": missing}) if {
	issued
	count(missing) > 0
}
