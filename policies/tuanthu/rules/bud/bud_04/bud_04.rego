# METADATA
# scope: package
# custom:
#   id: BUD-04
#   severity: high
#   stages: [design, build, pre-production, production]
#   clauses: ["KH04:IV.5", "CT57:3.đ"]
#   level: agency
#   title:
#     en: The agency's security spending averages at least 15% of its IT budget
#     vi: Tỷ lệ kinh phí an ninh mạng bình quân của cơ quan tối thiểu 15% kinh phí công nghệ thông tin
#   description:
#     en: >-
#       Judged per owning agency (system.owner), not per system: over the agency's systems in this run,
#       the security lines together make up at least the minimum share of their IT budgets together (a
#       budget-weighted average; 15% under the directives, the value in force on as_of from
#       policies/tuanthu/thresholds/data.yaml). A single project's own share is BUD-02.
#     vi: >-
#       Đánh giá theo cơ quan chủ quản (system.owner), không theo từng hệ thống: trên các hệ thống của cơ
#       quan trong lần kiểm tra này, tổng các hạng mục an ninh mạng chiếm tối thiểu tỷ lệ quy định trên tổng
#       kinh phí công nghệ thông tin của chúng (bình quân theo kinh phí; 15% theo các văn bản chỉ đạo, giá
#       trị hiệu lực lấy từ thresholds.yaml). Tỷ lệ của từng dự án là BUD-02.
#   applies:
#     en: "Each owning agency, over its systems in this run (the systems checked together)"
#     vi: "Từng cơ quan chủ quản, trên các hệ thống của cơ quan trong lần kiểm tra này."
#   messages:
#     below:
#       en: >-
#         Average of {agency} over its systems in this run ({systems}): security is {share_pct}% of the IT budget
#         ({security} of {total} {currency}); at least {min_pct}% is required.
#       vi: >-
#         Bình quân của {agency} trên các hệ thống trong lần kiểm tra này ({systems}): kinh phí an ninh mạng chiếm
#         {share_pct}% kinh phí công nghệ thông tin ({security}/{total} {currency}); yêu cầu tối thiểu {min_pct}%.
#     no_budget:
#       en: >-
#         No system of {agency} in this run ({systems}) declares an IT budget (budget.lines): the agency's average
#         cannot be computed.
#       vi: >-
#         Không hệ thống nào của {agency} trong lần kiểm tra này ({systems}) khai báo kinh phí (budget.lines):
#         chưa tính được tỷ lệ bình quân của cơ quan.
#     partial:
#       en: >-
#         Systems of {agency} in this run without an IT budget (budget.lines): {missing} of {systems}; the
#         agency's average is unknown (over the others, {counted}, it is {share_pct}%).
#       vi: >-
#         {missing}/{systems} hệ thống của {agency} trong lần kiểm tra này chưa khai báo kinh phí (budget.lines):
#         chưa xác định được tỷ lệ bình quân của cơ quan (trên {counted} hệ thống đã khai báo: {share_pct}%).
#     mixed_currency:
#       en: >-
#         The systems of {agency} in this run ({systems}) declare their budgets in different currencies
#         ({currencies}): the amounts cannot be added, so the agency's average is unknown.
#       vi: >-
#         Các hệ thống của {agency} trong lần kiểm tra này ({systems}) khai báo kinh phí bằng các đơn vị tiền tệ
#         khác nhau ({currencies}): không cộng được, nên chưa xác định được tỷ lệ bình quân của cơ quan.
#   remediation:
#     en: >-
#       Plan the agency's IT investment so that security products and services reach at least the minimum
#       share of its IT schemes, projects and plans taken together; declare every system's budget in one currency.
#     vi: >-
#       Bố trí kinh phí công nghệ thông tin của cơ quan để sản phẩm, dịch vụ an ninh mạng đạt tối thiểu tỷ lệ
#       quy định trên tổng các đề án, dự án, kế hoạch; khai báo kinh phí mọi hệ thống bằng cùng một đơn vị tiền tệ.
#   snippet: |
#     system: {owner: Bộ Tài chính}
#     budget:
#       currency: VND
#       lines:
#         - {item: Phát triển phần mềm, amount: 8000000000, category: development}
#         - {item: Giám sát an ninh mạng 24/7, amount: 1600000000, category: security}
package tuanthu.rules.bud.bud_04

import data.tuanthu.lib
import data.tuanthu.rules.bud.bud_02

# Per system (the tuanthu/main/result entrypoint): what the agency step needs of it, and no more.
# Only a descriptor gives one (infrastructure code alone names no agency).
# The run groups the summaries by the descriptor's system.owner.
summary := {
	"total": bud_02.total,
	"security": bud_02.security,
	"currency": bud_02.currency,
} if lib.has_descriptor

# Per agency (the tuanthu/portfolio/result entrypoint): input.agency names it, input.summaries.bud_04
# holds the summary of each of its systems in the run.
rows := input.summaries.bud_04

agency := input.agency

budgeted := [r | some r in rows; r.total > 0]

currencies contains label(r.currency) if some r in budgeted

label("") := "—"

label(c) := c if c != ""

agency_total := sum([r.total | some r in budgeted])

agency_security := sum([r.security | some r in budgeted])

min_pct := lib.threshold("budget_security_share_min_pct")

base := {"agency": agency, "systems": count(rows)}

agency_deny contains lib.unknown_finding("/system/owner", "no_budget", base) if count(budgeted) == 0

agency_deny contains lib.unknown_finding("/system/owner", "partial", params) if {
	count(budgeted) > 0
	count(budgeted) < count(rows)
	params := object.union(base, {
		"missing": count(rows) - count(budgeted),
		"counted": count(budgeted),
		"share_pct": lib.percent(agency_security, agency_total),
	})
}

agency_deny contains lib.unknown_finding("/system/owner", "mixed_currency", params) if {
	count(currencies) > 1
	params := object.union(base, {"currencies": concat(", ", sort(currencies))})
}

agency_deny contains lib.finding("/system/owner", "below", params) if {
	count(budgeted) == count(rows)
	count(currencies) == 1
	agency_security * 100 < min_pct * agency_total
	some currency in currencies
	params := object.union(base, {
		"share_pct": lib.percent(agency_security, agency_total),
		"min_pct": min_pct,
		"security": agency_security,
		"total": agency_total,
		"currency": currency,
	})
}
