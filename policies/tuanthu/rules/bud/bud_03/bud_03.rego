# METADATA
# scope: package
# custom:
#   id: BUD-03
#   severity: low
#   stages: [design, build, pre-production, production]
#   clauses: ["KH04:V.1.d", "KH04:IV.4.c"]
#   clause_items: {"KH04:V.1.d": ["2.9"]}
#   title:
#     en: Security budget goes preferentially to certified "Make in Vietnam" products
#     vi: Kinh phí an ninh mạng ưu tiên sản phẩm "Make in Vietnam" đã được kiểm định
#   description:
#     en: >-
#       Reports the share of the security budget spent on certified domestic products and services
#       (budget lines of category security whose product is domestic and certified) and flags it
#       when it is below the preference threshold in policies/tuanthu/thresholds/data.yaml (50%: the
#       documents give no figure, so "preferentially" is read as at least half).
#     vi: >-
#       Tính tỷ lệ kinh phí an ninh mạng chi cho sản phẩm, dịch vụ trong nước đã được kiểm định (hạng mục
#       security có product trong nước, certified) và cảnh báo khi thấp hơn ngưỡng ưu tiên trong
#       policies/tuanthu/thresholds/data.yaml (50%: văn bản không nêu con số, "ưu tiên" được hiểu là tối thiểu một nửa).
#   messages:
#     below:
#       en: "{share_pct}% of the security budget ({domestic_certified} of {security} {currency}) goes to certified domestic products; the preference threshold is {min_pct}%."
#       vi: "{share_pct}% kinh phí an ninh mạng ({domestic_certified}/{security} {currency}) dành cho sản phẩm trong nước đã kiểm định; ngưỡng ưu tiên là {min_pct}%."
#   remediation:
#     en: >-
#       When buying security products and services, shortlist certified domestic ones first and
#       record each purchase's product (origin, certified) on its budget line.
#     vi: >-
#       Khi mua sắm sản phẩm, dịch vụ an ninh mạng, ưu tiên lựa chọn sản phẩm trong nước đã được kiểm
#       định và ghi thông tin sản phẩm (origin, certified) trên từng hạng mục kinh phí.
#   snippet: |
#     budget:
#       lines:
#         - {item: Tường lửa ứng dụng web, amount: 900000000, category: security,
#            product: {name: WAF nội địa, origin: domestic, certified: true}}
package tuanthu.rules.bud.bud_03

import data.tuanthu.lib

lines := object.get(lib.d, ["budget", "lines"], [])

security := sum([l.amount | some l in lines; l.category == "security"])

domestic_certified := sum([l.amount |
	some l in lines
	l.category == "security"
	l.product.origin == "domestic"
	l.product.certified == true
])

min_pct := lib.threshold("budget_security_domestic_certified_share_min_pct")

# No security budget: nothing to share out (BUD-01/BUD-02 report the missing budget).
metrics := {
	"security_budget_domestic_certified": domestic_certified,
	"security_budget_domestic_certified_share_pct": lib.percent(domestic_certified, security),
	"security_budget_domestic_certified_min_pct": min_pct,
} if security > 0

deny contains lib.finding("/budget/lines", "below", params) if {
	security > 0
	domestic_certified * 100 < min_pct * security
	params := {
		"share_pct": lib.percent(domestic_certified, security),
		"min_pct": min_pct,
		"domestic_certified": domestic_certified,
		"security": security,
		"currency": object.get(lib.d, ["budget", "currency"], ""),
	}
}
