# METADATA
# scope: package
# custom:
#   id: SBD-02
#   severity: high
#   stages: [build, pre-production, production]
#   clauses: ["CT57:2.c"]
#   title:
#     en: Security component appraised and approved before build start
#     vi: Hợp phần an ninh mạng được thẩm định, phê duyệt trước khi triển khai xây dựng
#   description:
#     en: >-
#       The cybersecurity component of the design is appraised, then approved, before the investment
#       decision or the start of the build. Directive 57-CT/TW (31/12/2025) asks this of systems
#       designed from then on; a system whose investment decision (or, without one, build start)
#       came before it is not judged on design evidence it could not have produced: its security
#       is reviewed and remediated instead (SBD-03). One that holds the evidence passes.
#     vi: >-
#       Hợp phần an ninh mạng được thẩm định rồi phê duyệt trước khi quyết định đầu tư hoặc bắt đầu
#       xây dựng. Chỉ thị 57-CT/TW (31/12/2025) yêu cầu điều này với hệ thống thiết kế từ đó; hệ thống
#       có quyết định đầu tư (hoặc, nếu không có, ngày bắt đầu xây dựng) trước đó không bị đánh giá
#       theo hồ sơ thiết kế mà nó không thể có: an ninh của nó được rà soát, khắc phục (SBD-03). Hệ
#       thống đã có đủ bằng chứng thì đạt.
#   messages:
#     not_appraised:
#       en: "The security component has no appraisal date (design.security_component.appraised)."
#       vi: "Hợp phần an ninh mạng chưa có ngày thẩm định (design.security_component.appraised)."
#     not_approved:
#       en: "The security component has no approval date (design.security_component.approved)."
#       vi: "Hợp phần an ninh mạng chưa có ngày phê duyệt (design.security_component.approved)."
#     approved_before_appraisal:
#       en: "The security component was approved on {approved}, before its appraisal on {appraised}."
#       vi: "Hợp phần an ninh mạng được phê duyệt ngày {approved}, trước khi thẩm định ngày {appraised}."
#     after_build_start:
#       en: "The security component was approved on {approved}, after the build started on {build_start}."
#       vi: "Hợp phần an ninh mạng được phê duyệt ngày {approved}, sau khi bắt đầu xây dựng ngày {build_start}."
#     no_build_start:
#       en: "lifecycle.build_start is missing, so approval before the build cannot be shown."
#       vi: "Thiếu lifecycle.build_start nên không chứng minh được việc phê duyệt trước khi xây dựng."
#   remediation:
#     en: >-
#       Have the security component appraised (e.g. by the specialised security unit) and approved
#       by the investment decision-maker before building; record both dates and lifecycle.build_start.
#     vi: >-
#       Trình thẩm định hợp phần an ninh mạng (đơn vị chuyên trách) và phê duyệt trước khi xây dựng;
#       ghi cả hai ngày và lifecycle.build_start.
#   snippet: |
#     lifecycle: {stage: build, build_start: 2025-09-01}
#     design:
#       security_component: {included: true, appraised: 2025-08-01, approved: 2025-08-15}
package tuanthu.rules.sbd.sbd_02

import data.tuanthu.lib

sc := lib.d.design.security_component

# The day Directive 57-CT/TW was issued: systems designed before it are legacy for this rule.
directive_date := "2025-12-31"

# A legacy system is not judged on design evidence it could not have produced; one that holds it passes.
not_applicable contains {"code": "designed_before_directive", "params": {"designed": lib.designed_on, "directive": directive_date, "document": "57-CT/TW"}} if {
	lib.designed_before(directive_date)
	count(deny) > 0
}

deny contains lib.finding("/design/security_component/appraised", "not_appraised", {}) if not sc.appraised

deny contains lib.finding("/design/security_component/approved", "not_approved", {}) if not sc.approved

deny contains lib.finding("/design/security_component/approved", "approved_before_appraisal", {"approved": sc.approved, "appraised": sc.appraised}) if {
	sc.approved < sc.appraised
}

deny contains lib.finding("/design/security_component/approved", "after_build_start", {"approved": sc.approved, "build_start": start}) if {
	start := lib.d.lifecycle.build_start
	sc.approved > start
}

deny contains lib.finding("/lifecycle", "no_build_start", {}) if not lib.d.lifecycle.build_start
