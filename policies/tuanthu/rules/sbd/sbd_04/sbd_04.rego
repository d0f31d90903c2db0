# METADATA
# scope: package
# custom:
#   id: SBD-04
#   severity: high
#   stages: [design, build, pre-production, production]
#   clauses: ["CT57:1.d"]
#   title:
#     en: No production state-secret or sensitive personal data in test environments
#     vi: Không dùng dữ liệu bí mật nhà nước, dữ liệu cá nhân nhạy cảm thật trong môi trường thử nghiệm
#   description:
#     en: >-
#       A system holding state secrets or sensitive personal data does not copy production data into
#       test environments (secrets and sensitive data must not leak, testing included). The
#       descriptor states it explicitly with data.production_data_in_test.
#     vi: >-
#       Hệ thống xử lý bí mật nhà nước hoặc dữ liệu cá nhân nhạy cảm không sao chép dữ liệu thật vào môi
#       trường thử nghiệm (không để lộ lọt, kể cả trong quá trình thử nghiệm). Khai báo rõ tại
#       data.production_data_in_test.
#   applies:
#     en: "systems holding state secrets or sensitive personal data (unless data.state_secret is none and data.sensitive_personal is false)"
#     vi: "hệ thống xử lý bí mật nhà nước hoặc dữ liệu cá nhân nhạy cảm (trừ khi data.state_secret là none và data.sensitive_personal là false)"
#   messages:
#     production_data:
#       en: "Production data is used in test environments while the system holds state secrets (grade {state_secret}) or sensitive personal data ({sensitive_personal})."
#       vi: "Dữ liệu thật đang được dùng trong môi trường thử nghiệm trong khi hệ thống xử lý bí mật nhà nước (độ {state_secret}) hoặc dữ liệu cá nhân nhạy cảm ({sensitive_personal})."
#     undeclared:
#       en: "data.production_data_in_test is not declared: state whether production data reaches test environments."
#       vi: "Chưa khai báo data.production_data_in_test: nêu rõ dữ liệu thật có được đưa vào môi trường thử nghiệm hay không."
#   remediation:
#     en: >-
#       Test with synthetic, masked or anonymised data; remove production copies from test environments
#       and declare data.production_data_in_test: false.
#     vi: >-
#       Thử nghiệm bằng dữ liệu giả lập, đã che hoặc ẩn danh; xoá bản sao dữ liệu thật khỏi môi trường
#       thử nghiệm và khai báo data.production_data_in_test: false.
#   snippet: |
#     data:
#       sensitive_personal: true
#       state_secret: none
#       production_data_in_test: false
package tuanthu.rules.sbd.sbd_04

import data.tuanthu.lib

facts := object.get(lib.d, "data", {})

# Out of scope only when the descriptor says explicitly that it holds neither kind of data.
not_applicable contains {"code": "no_sensitive_data", "params": {}} if {
	facts.state_secret == "none"
	facts.sensitive_personal == false
}

deny contains lib.finding("/data/production_data_in_test", "production_data", params) if {
	facts.production_data_in_test == true
	params := {
		"state_secret": object.get(facts, "state_secret", null),
		"sensitive_personal": object.get(facts, "sensitive_personal", null),
	}
}

deny contains lib.finding("/data/production_data_in_test", "undeclared", {}) if not declared

declared if is_boolean(facts.production_data_in_test)
