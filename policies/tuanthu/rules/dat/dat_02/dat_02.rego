# METADATA
# scope: package
# custom:
#   id: DAT-02
#   severity: medium
#   stages: [production]
#   clauses: ["TTg:1.e"]
#   title:
#     en: National-database data is connected and shared with the national databases and the National Data Centre
#     vi: Dữ liệu cơ sở dữ liệu quốc gia được kết nối, chia sẻ với CSDL quốc gia và Trung tâm dữ liệu quốc gia
#   description:
#     en: >-
#       The Prime Minister's dispatch (1.e) makes each ministry and province answer for the data it
#       manages and keep it connected, shared and interoperable with the national databases and the
#       National Data Centre. A system that holds national-database data declares that connection
#       (data.national_sharing: connected, since, reference); a connection dated after the evaluation
#       date is not made on that day (EVD-01 reports the date; this rule reads it as not connected).
#       Moving the system itself onto the National Data Centre is HST-04.
#     vi: >-
#       Công điện của Thủ tướng (1.e) giao bộ, ngành, địa phương chịu trách nhiệm về dữ liệu do mình quản
#       lý và bảo đảm kết nối, chia sẻ, liên thông với Cơ sở dữ liệu quốc gia và Trung tâm dữ liệu quốc
#       gia. Hệ thống chứa dữ liệu thuộc cơ sở dữ liệu quốc gia khai báo kết nối này (data.national_sharing:
#       connected, since, reference); kết nối ghi ngày sau ngày đánh giá thì vào ngày đó chưa có (EVD-01
#       báo ngày này; quy tắc này coi là chưa kết nối). Việc chuyển hệ thống lên Trung tâm dữ liệu quốc
#       gia là HST-04.
#   applies:
#     en: systems that hold a national database (data.national_databases)
#     vi: hệ thống chứa cơ sở dữ liệu quốc gia (data.national_databases)
#   messages:
#     not_connected:
#       en: "The system holds {databases} data but does not show it connected and shared with the national databases and the National Data Centre (data.national_sharing.connected)."
#       vi: "Hệ thống chứa dữ liệu {databases} nhưng chưa thể hiện kết nối, chia sẻ với CSDL quốc gia và Trung tâm dữ liệu quốc gia (data.national_sharing.connected)."
#     no_reference:
#       en: "The data connection has no date (since) or reference: record the connection agreement so that an inspector can verify it."
#       vi: "Kết nối dữ liệu chưa có ngày (since) hoặc số hiệu: ghi văn bản thoả thuận kết nối để kiểm tra xác minh."
#   remediation:
#     en: >-
#       Connect the system's data with the national database concerned and the National Data Centre
#       (Ministry of Public Security), and record it under data.national_sharing (connected: true,
#       since, reference).
#     vi: >-
#       Kết nối dữ liệu của hệ thống với cơ sở dữ liệu quốc gia liên quan và Trung tâm dữ liệu quốc gia
#       (Bộ Công an), ghi vào data.national_sharing (connected: true, since, reference).
#   snippet: |
#     data:
#       national_sharing: {connected: true, since: 2026-04-01, reference: KN-DL-2026-07}
package tuanthu.rules.dat.dat_02

import data.tuanthu.lib

sharing := object.get(lib.d, ["data", "national_sharing"], {})

since := object.get(sharing, "since", null)

not_applicable contains {"code": "no_national_database", "params": {}} if not lib.holds_national_database

deny contains lib.finding("/data/national_sharing", "not_connected", {"databases": lib.national_databases}) if {
	not sharing.connected == true
}

deny contains lib.finding("/data/national_sharing", "no_reference", {}) if {
	sharing.connected == true
	not documented
}

documented if {
	is_string(since)
	lib.has_text(sharing, "reference")
}
