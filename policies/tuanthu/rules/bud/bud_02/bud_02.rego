# METADATA
# scope: package
# custom:
#   id: BUD-02
#   severity: high
#   stages: [design, build, pre-production, production]
#   clauses: ["TB06:III.5", "TTg:1.đ"]
#   title:
#     en: Security is at least 15% of the project's IT budget
#     vi: Kinh phí an ninh mạng tối thiểu 15% kinh phí dự án công nghệ thông tin
#   description:
#     en: >-
#       Security lines make up at least the minimum share of the system's total IT budget, taken as the
#       cost of its IT project (15% under the directives; the value in force on as_of comes from
#       policies/tuanthu/thresholds/data.yaml). The agency's average over its systems is BUD-04.
#     vi: >-
#       Các hạng mục an ninh mạng chiếm tối thiểu tỷ lệ quy định trên tổng kinh phí công nghệ thông
#       tin của hệ thống, tức kinh phí dự án (15% theo các văn bản chỉ đạo; giá trị hiệu lực lấy từ
#       thresholds.yaml). Tỷ lệ bình quân của cơ quan trên các hệ thống là BUD-04.
#   messages:
#     no_budget:
#       en: "No IT budget is declared (budget.lines), so the security share cannot be computed."
#       vi: "Chưa khai báo kinh phí (budget.lines) nên không tính được tỷ lệ kinh phí an ninh mạng."
#     below:
#       en: "Security is {share_pct}% of the IT budget ({security} of {total} {currency}); at least {min_pct}% is required."
#       vi: "Kinh phí an ninh mạng chiếm {share_pct}% kinh phí công nghệ thông tin ({security}/{total} {currency}); yêu cầu tối thiểu {min_pct}%."
#   remediation:
#     en: >-
#       Raise the security lines (monitoring, protection products, assessment, response) to at least
#       the minimum share of the total IT budget, or split out security work hidden in other lines.
#     vi: >-
#       Tăng các hạng mục an ninh mạng (giám sát, sản phẩm bảo vệ, đánh giá, ứng cứu) đạt tối thiểu
#       tỷ lệ quy định, hoặc tách phần an ninh mạng đang gộp trong hạng mục khác.
#   snippet: |
#     budget:
#       currency: VND
#       lines:
#         - {item: Phát triển phần mềm, amount: 8000000000, category: development}
#         - {item: Giám sát an ninh mạng 24/7, amount: 1600000000, category: security}
package tuanthu.rules.bud.bud_02

import data.tuanthu.lib

lines := object.get(lib.d, ["budget", "lines"], [])

total := sum([l.amount | some l in lines])

security := sum([l.amount | some l in lines; l.category == "security"])

min_pct := lib.threshold("budget_security_share_min_pct")

currency := object.get(lib.d, ["budget", "currency"], "")

metrics := {
	"security_budget": security,
	"it_budget_total": total,
	"security_budget_share_pct": lib.percent(security, total),
	"security_budget_min_pct": min_pct,
} if total > 0

deny contains lib.finding("/budget", "no_budget", {}) if total == 0

deny contains lib.finding("/budget/lines", "below", params) if {
	total > 0
	security * 100 < min_pct * total
	params := {
		"share_pct": lib.percent(security, total),
		"min_pct": min_pct,
		"security": security,
		"total": total,
		"currency": currency,
	}
}
