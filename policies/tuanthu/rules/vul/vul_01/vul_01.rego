# METADATA
# scope: package
# custom:
#   id: VUL-01
#   severity: critical
#   stages: [design, build, pre-production, production]
#   clauses: ["TB06:III.3.c", "TTg:1.d", "KH04:V.1.m", "CT57:1.d", "TB06:I.2(iii)", "KH04:II.2.a(1)", "KH04:IV.3.d"]
#   clause_items: {"KH04:V.1.m": ["5"]}
#   recommendation:
#     en: >-
#       The directives say fix vulnerabilities at once, with no window by severity. For medium and low
#       ones they give none at all; VUL-01 recommends 90 and 180 days (FedRAMP's remediation windows;
#       policies/tuanthu/thresholds/data.yaml) and reports an older one as a low-severity recommendation.
#     vi: >-
#       Văn bản yêu cầu khắc phục ngay lỗ hổng, không nêu thời hạn theo mức độ. Với lỗ hổng mức trung bình
#       và thấp văn bản không nêu thời hạn nào; VUL-01 khuyến nghị 90 và 180 ngày (thời hạn khắc phục của
#       FedRAMP; policies/tuanthu/thresholds/data.yaml) và báo lỗ hổng quá hạn đó là khuyến nghị mức thấp.
#   title:
#     en: No compliance debt — no critical vulnerability open, no high one past its window
#     vi: Không nợ tuân thủ — không còn lỗ hổng nghiêm trọng, lỗ hổng mức cao không quá hạn xử lý
#   description:
#     en: >-
#       Vulnerabilities are fixed at once. Each open vulnerability's age in days is compared with the
#       window its severity allows (policies/tuanthu/thresholds/data.yaml: from 27/9/2025 no critical one
#       may stay open, a high one at most 30 days). The text gives medium and low ones no window: past 90
#       and 180 days they are reported as a recommendation (low severity). From the
#       go-live gate on, the list of open vulnerabilities must be declared, even when empty.
#     vi: >-
#       Lỗ hổng phải được vá ngay. Số ngày tồn tại của mỗi lỗ hổng đang mở được so với thời hạn theo mức
#       độ (policies/tuanthu/thresholds/data.yaml: từ 27/9/2025 không được còn lỗ hổng nghiêm trọng nào, lỗ hổng
#       mức cao tối đa 30 ngày). Văn bản không nêu thời hạn cho lỗ hổng mức trung bình và thấp: quá 90 và
#       180 ngày, chúng được báo là khuyến nghị (mức thấp). Từ giai đoạn trước vận hành, phải khai báo
#       danh sách lỗ hổng đang mở, kể cả khi rỗng.
#   messages:
#     not_allowed:
#       en: "{severity} vulnerability {id} is open ({age_days} days since {found}); no {severity} vulnerability may stay open."
#       vi: "Lỗ hổng mức {severity} {id} đang mở ({age_days} ngày kể từ {found}); không được để lỗ hổng mức {severity} tồn tại."
#     overdue:
#       en: "{severity} vulnerability {id} has been open {age_days} days (since {found}), beyond its {window_days}-day window."
#       vi: "Lỗ hổng mức {severity} {id} đã mở {age_days} ngày (từ {found}), quá thời hạn xử lý {window_days} ngày."
#     overdue_recommended:
#       en: "{severity} vulnerability {id} has been open {age_days} days (since {found}); fixing it within {window_days} days is recommended."
#       vi: "Lỗ hổng mức {severity} {id} đã tồn tại {age_days} ngày (từ {found}); nên khắc phục trong {window_days} ngày."
#     undeclared:
#       en: "Open vulnerabilities are not declared (vulnerabilities.open); list them, or declare an empty list when there are none."
#       vi: "Chưa khai báo lỗ hổng đang mở (vulnerabilities.open); liệt kê các lỗ hổng, hoặc khai báo danh sách rỗng nếu không có."
#   remediation:
#     en: >-
#       Patch or mitigate the vulnerability now (vendor fix, configuration change, virtual patching
#       at the WAF/IPS), verify the fix by re-scanning, and remove it from vulnerabilities.open.
#     vi: >-
#       Vá hoặc khắc phục ngay (bản vá của hãng, thay đổi cấu hình, vá ảo trên WAF/IPS), quét lại để xác
#       nhận và xoá khỏi vulnerabilities.open.
#   snippet: |
#     vulnerabilities:
#       last_assessment: 2026-09-30
#       open:
#         - {id: CVE-2026-1234, severity: medium, found: 2026-10-02}
package tuanthu.rules.vul.vul_01

import data.tuanthu.lib

windows := lib.threshold("vulnerability_fix_window_days")

recommended := lib.threshold("vulnerability_recommended_window_days")

open_list := object.get(lib.d, ["vulnerabilities", "open"], null)

# Age in days of each open vulnerability and the window its severity allows (null: no window).
aged := [a |
	some v in open_list
	a := {
		"id": v.id,
		"severity": v.severity,
		"found": v.found,
		"age_days": lib.days_since(v.found),
		"window_days": object.get(windows, v.severity, null),
	}
]

metrics := {"open_vulnerabilities": aged} if count(aged) > 0

deny contains lib.finding(concat("/", ["/vulnerabilities/open", format_int(i, 10)]), "not_allowed", a) if {
	some i, a in aged
	a.window_days == 0
}

deny contains lib.finding(concat("/", ["/vulnerabilities/open", format_int(i, 10)]), "overdue", a) if {
	some i, a in aged
	a.window_days > 0
	a.age_days > a.window_days
}

# No window in the text: past the recommended one, a labelled recommendation (low).
deny contains lib.recommendation(concat("/", ["/vulnerabilities/open", format_int(i, 10)]), "overdue_recommended", params, "low") if {
	some i, a in aged
	a.window_days == null
	window := recommended[a.severity]
	a.age_days > window
	params := object.union(a, {"window_days": window})
}

deny contains lib.finding("/vulnerabilities/open", "undeclared", {}) if {
	lib.stage in {"pre-production", "production"}
	not is_array(open_list)
}
