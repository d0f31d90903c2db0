# METADATA
# scope: package
# custom:
#   id: PL4-03
#   severity: high
#   stages: [production]
#   due: "2026-04-30"
#   clauses: ["KH04:V.1.m", "CT57:3.c"]
#   clause_items: {"KH04:V.1.m": ["10(3)"]}
#   title:
#     en: Independent periodic assessment within its period (4-layer model, layer 3)
#     vi: Đơn vị độc lập kiểm tra, đánh giá định kỳ đúng hạn (mô hình 4 lớp, lớp 3)
#   description:
#     en: >-
#       A unit independent of the operator assessed the system within the period for its level (12
#       months by default; per-level periods after Decree 85/2016/NĐ-CP Art. 20 in
#       policies/tuanthu/thresholds/data.yaml), by 30 April 2026.
#     vi: >-
#       Một đơn vị độc lập với đơn vị vận hành đã kiểm tra, đánh giá hệ thống trong chu kỳ theo cấp độ
#       (mặc định 12 tháng; chu kỳ theo cấp độ tham khảo Điều 20 Nghị định 85/2016/NĐ-CP, lưu trong
#       policies/tuanthu/thresholds/data.yaml), hạn trong tháng 4/2026.
#   messages:
#     no_assessment:
#       en: "No independent assessment is recorded (protection_layers.independent_assessment: assessor, last)."
#       vi: "Chưa ghi nhận lần kiểm tra, đánh giá độc lập nào (protection_layers.independent_assessment: assessor, last)."
#     not_independent:
#       en: "The assessor \"{assessor}\" is not shown to be independent of the operator \"{operator}\" (independent: true, a different unit)."
#       vi: "Đơn vị đánh giá \"{assessor}\" chưa thể hiện độc lập với đơn vị vận hành \"{operator}\" (independent: true, là đơn vị khác)."
#     overdue:
#       en: "The last independent assessment was on {last}, {days} days ago; a level {level} system must be assessed every {max_days} days."
#       vi: "Lần đánh giá độc lập gần nhất ngày {last}, cách đây {days} ngày; hệ thống cấp độ {level} phải được đánh giá sau tối đa {max_days} ngày."
#   remediation:
#     en: >-
#       Commission an assessment by a unit independent of the operator (an accredited firm or the
#       specialised force), then record assessor, independent: true and the date under
#       protection_layers.independent_assessment; repeat within the period for the level.
#     vi: >-
#       Thuê hoặc đề nghị đơn vị độc lập với đơn vị vận hành (tổ chức được cấp phép hoặc lực lượng chuyên
#       trách) kiểm tra, đánh giá; ghi assessor, independent: true và ngày vào
#       protection_layers.independent_assessment; đánh giá lại trong chu kỳ theo cấp độ.
#   snippet: |
#     protection_layers:
#       independent_assessment: {assessor: Công ty An ninh mạng Việt, independent: true, last: 2026-05-10}
package tuanthu.rules.pl4.pl4_03

import data.tuanthu.lib

ia := lib.d.protection_layers.independent_assessment

operator := object.get(lib.d, ["system", "operator"], "")

periods := lib.threshold("independent_assessment_period_days")

level_key := format_int(lib.level, 10)

max_days := object.get(periods, level_key, periods.default) if level_key

max_days := periods.default if not level_key

assessed if {
	lib.has_text(ia, "assessor")
	is_string(ia.last)
}

independent if {
	ia.independent == true
	not lib.same_name(ia.assessor, operator)
}

days := lib.days_since(ia.last)

metrics := {"days_since_independent_assessment": days, "independent_assessment_period_days": max_days}

deny contains lib.finding("/protection_layers/independent_assessment", "no_assessment", {}) if not assessed

deny contains lib.finding("/protection_layers/independent_assessment", "not_independent", {"assessor": ia.assessor, "operator": operator}) if {
	assessed
	not independent
}

deny contains lib.finding("/protection_layers/independent_assessment/last", "overdue", params) if {
	days > max_days
	params := {"last": ia.last, "days": days, "max_days": max_days, "level": object.get(lib.d, ["classification", "level"], null)}
}
