# METADATA
# scope: package
# custom:
#   id: SUP-03
#   severity: info
#   stages: [design, build, pre-production, production]
#   clauses: ["TB06:I.2(v)", "KH04:IV.3.b(ii)"]
#   title:
#     en: Endpoints running foreign operating systems or software are a flagged risk
#     vi: Thiết bị đầu cuối chạy hệ điều hành, phần mềm nước ngoài được nêu là rủi ro
#   description:
#     en: >-
#       06-TB/CQTTBCĐ finds that most endpoints run foreign operating systems and software and are
#       exposed to implanted malware and takeover. The rule reports how many of the system's
#       endpoints do, so the risk is visible; informational only.
#     vi: >-
#       06-TB/CQTTBCĐ nhận định phần lớn thiết bị đầu cuối chạy hệ điều hành, phần mềm nước ngoài, có
#       nguy cơ bị cài mã độc, chiếm quyền. Quy tắc nêu số thiết bị đầu cuối của hệ thống thuộc diện này
#       để rủi ro được nhìn thấy; chỉ mang tính thông tin.
#   messages:
#     foreign_os:
#       en: "{count} endpoints run a foreign operating system or software: harden them, protect them with domestic endpoint security and plan a replacement."
#       vi: "{count} thiết bị đầu cuối chạy hệ điều hành, phần mềm nước ngoài: tăng cường cấu hình an toàn, bảo vệ bằng giải pháp đầu cuối trong nước và có lộ trình thay thế."
#     undeclared:
#       en: "The number of endpoints running foreign operating systems is not declared (supply_chain.foreign_os_endpoints)."
#       vi: "Chưa khai báo số thiết bị đầu cuối chạy hệ điều hành nước ngoài (supply_chain.foreign_os_endpoints)."
#   remediation:
#     en: >-
#       Count the endpoints used to operate or administer the system that run foreign operating
#       systems, record the figure, harden and monitor them, and plan their move to domestic
#       or dedicated platforms.
#     vi: >-
#       Thống kê thiết bị đầu cuối dùng để vận hành, quản trị hệ thống chạy hệ điều hành nước ngoài, ghi
#       số liệu, tăng cường cấu hình an toàn, giám sát và lập lộ trình chuyển sang nền tảng trong nước
#       hoặc dùng riêng.
#   snippet: |
#     supply_chain:
#       foreign_os_endpoints: 0
package tuanthu.rules.sup.sup_03

import data.tuanthu.lib

n := object.get(lib.d, ["supply_chain", "foreign_os_endpoints"], null)

deny contains lib.finding("/supply_chain/foreign_os_endpoints", "undeclared", {}) if not is_number(n)

deny contains lib.finding("/supply_chain/foreign_os_endpoints", "foreign_os", {"count": n}) if n > 0
