# METADATA
# scope: package
# custom:
#   id: CRY-01
#   severity: high
#   stages: [design, build, pre-production, production]
#   clauses: ["KH04:II.2.a", "TB06:III.3.b", "KH04:IV.3.b(iv)"]
#   clause_items: {"KH04:II.2.a": ["6"]}
#   title:
#     en: Data in transit uses modern encryption (TLS 1.2 or later)
#     vi: Dữ liệu truyền đi được mã hoá hiện đại (TLS 1.2 trở lên)
#   description:
#     en: >-
#       Every connection carrying the system's data is encrypted with at least the minimum TLS
#       version in force (1.2; the value comes from policies/tuanthu/thresholds/data.yaml).
#     vi: >-
#       Mọi kết nối truyền dữ liệu của hệ thống được mã hoá với phiên bản TLS tối thiểu đang có hiệu
#       lực (1.2; giá trị lấy từ policies/tuanthu/thresholds/data.yaml).
#   messages:
#     missing:
#       en: "The minimum TLS version for data in transit is not declared (crypto.in_transit.tls_min); at least TLS {min} is required."
#       vi: "Chưa khai báo phiên bản TLS tối thiểu cho dữ liệu truyền đi (crypto.in_transit.tls_min); yêu cầu tối thiểu TLS {min}."
#     weak:
#       en: "Data in transit accepts TLS {tls_min}; at least TLS {min} is required."
#       vi: "Dữ liệu truyền đi còn chấp nhận TLS {tls_min}; yêu cầu tối thiểu TLS {min}."
#   remediation:
#     en: >-
#       Disable TLS 1.0 and 1.1 on every listener, load balancer and API gateway, allow only TLS 1.2
#       or 1.3 with modern cipher suites, and record it as crypto.in_transit.tls_min.
#     vi: >-
#       Tắt TLS 1.0, 1.1 trên mọi cổng dịch vụ, bộ cân bằng tải, cổng API; chỉ cho phép TLS 1.2 hoặc
#       1.3 với bộ mã hiện đại và ghi vào crypto.in_transit.tls_min.
#   snippet: |
#     crypto:
#       in_transit: {tls_min: "1.2"}
package tuanthu.rules.cry.cry_01

import data.tuanthu.lib

min_version := lib.threshold("tls_min_version")

tls := object.get(lib.d, ["crypto", "in_transit", "tls_min"], null)

deny contains lib.finding("/crypto/in_transit/tls_min", "missing", {"min": min_version}) if not is_string(tls)

deny contains lib.finding("/crypto/in_transit/tls_min", "weak", {"tls_min": tls, "min": min_version}) if {
	is_string(tls)
	to_number(tls) < to_number(min_version)
}
