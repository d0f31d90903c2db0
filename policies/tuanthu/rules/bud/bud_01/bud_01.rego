# METADATA
# scope: package
# custom:
#   id: BUD-01
#   severity: critical
#   stages: [design, build, pre-production, production]
#   clauses: ["TB06:III.5", "CT57:3.đ", "TTg:1.đ", "KH04:IV.5"]
#   title:
#     en: Cybersecurity is a mandatory budget component
#     vi: An ninh mạng là hạng mục bắt buộc trong kinh phí
#   description:
#     en: The IT budget of the system has at least one funded line (amount above 0) dedicated to cybersecurity.
#     vi: Kinh phí công nghệ thông tin của hệ thống có ít nhất một hạng mục dành cho an ninh mạng, có kinh phí (lớn hơn 0).
#   messages:
#     no_budget:
#       en: "No IT budget lines are declared (budget.lines), so the security component cannot be shown."
#       vi: "Chưa khai báo các hạng mục kinh phí (budget.lines) nên không thể hiện được hạng mục an ninh mạng."
#     no_security_line:
#       en: "None of the {lines} budget lines is a security line (category: security)."
#       vi: "Không có hạng mục nào trong {lines} hạng mục kinh phí là an ninh mạng (category: security)."
#   remediation:
#     en: Plan cybersecurity as its own budget component and list it under budget.lines with category security.
#     vi: Bố trí an ninh mạng thành hạng mục kinh phí riêng và khai báo trong budget.lines với category security.
#   snippet: |
#     budget:
#       currency: VND
#       lines:
#         - {item: Phát triển phần mềm, amount: 8000000000, category: development}
#         - {item: Giám sát an ninh mạng 24/7, amount: 1600000000, category: security}
package tuanthu.rules.bud.bud_01

import data.tuanthu.lib

lines := object.get(lib.d, ["budget", "lines"], [])

deny contains lib.finding("/budget", "no_budget", {}) if count(lines) == 0

deny contains lib.finding("/budget/lines", "no_security_line", {"lines": count(lines)}) if {
	count(lines) > 0
	not any_security
}

# A security line counts only when it funds something: amount 0 or no amount is no component.
any_security if {
	some line in lines
	line.category == "security"
	is_number(line.amount)
	line.amount > 0
}
